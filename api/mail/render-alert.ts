import { partnerTranslator } from '../../i18n';
import type { Delivery, StoredReport } from '../store/store';
import { escapeHtml, headerSafe } from './escape';
import type { RenderedEmail } from './render-report';

const t = partnerTranslator();

/**
 * Tells the partnership's admin a delivery failed for good: a report's email, or an update to a
 * partner's case system (its webhook's address given). Holds no answers, only what to chase.
 */
export function renderAlertEmail(report: StoredReport, failed: Delivery, partnerName: string, webhookUrl?: string): RenderedEmail {
  const vars = {
    reference: report.reference,
    partner: partnerName,
    recipient: webhookUrl ?? failed.recipient,
    attempts: failed.attempts,
    error: failed.lastError ?? '',
    what: t(`alert.what.${failed.kind}`, { defaultValue: failed.kind }),
    id: failed.id,
  };
  const text = t(webhookUrl === undefined ? 'alert.body' : 'alert.bodyWebhook', vars);
  return { subject: headerSafe(t('alert.subject', vars)), text, html: `<p>${escapeHtml(text)}</p>` };
}
