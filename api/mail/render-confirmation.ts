import { nextSteps } from '../definitions/next-steps';
import type { Definition } from '../definitions/types';
import { isLocale, translator } from '../../i18n';
import type { StoredReport } from '../store/store';
import { escapeHtml, headerSafe } from './escape';
import type { RenderedEmail } from './render-report';

/**
 * The reporter's own confirmation, sent only when they asked and said email is safe. In their
 * language; the subject and body name no crime and no report type, in case someone else reads it.
 */
export function renderConfirmationEmail(definition: Definition, report: StoredReport): RenderedEmail {
  const t = translator(isLocale(report.locale) ? report.locale : 'en');
  const paragraphs = [
    t('confirmation.greeting'),
    t('confirmation.received', { reference: report.reference }),
    nextSteps(definition, t, `confirmation.next.${definition.sensitive ? 'sensitive' : 'default'}`),
    t('confirmation.noReply'),
    t('help.emergency'),
  ];
  return {
    subject: headerSafe(t('confirmation.subject', { reference: report.reference })),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${escapeHtml(report.locale)}"><body>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
  };
}
