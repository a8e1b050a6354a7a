import { partnerTranslator } from '../../i18n';
import type { Delivery, StoredReport } from '../store/store';
import { escapeHtml, headerSafe } from './escape';
import type { RenderedEmail } from './render-report';

const t = partnerTranslator();

/** Tells the partnership's admin a delivery failed for good. Holds no answers, only what to chase. */
export function renderAlertEmail(report: StoredReport, failed: Delivery, partnerName: string): RenderedEmail {
  const vars = {
    reference: report.reference,
    partner: partnerName,
    recipient: failed.recipient,
    attempts: failed.attempts,
    error: failed.lastError ?? '',
  };
  const text = t('alert.body', vars);
  return { subject: headerSafe(t('alert.subject', vars)), text, html: `<p>${escapeHtml(text)}</p>` };
}
