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
export function renderConfirmationEmail(definition: Definition, report: StoredReport, followUp?: { code: string; link: string }): RenderedEmail {
  const t = translator(isLocale(report.locale) ? report.locale : 'en');
  const paragraphs = [
    t('confirmation.greeting'),
    t('confirmation.received', { reference: report.reference }),
    ...(followUp ? [t('confirmation.followUp', followUp)] : []),
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

/** Tells the reporter, only at an address they said is safe, that a message waits: nothing of what it says. */
export function renderMessageNotice(locale: string, link: string): RenderedEmail {
  const t = translator(isLocale(locale) ? locale : 'en');
  const paragraphs = [t('followUp.notice.body', { link }), t('confirmation.noReply')];
  return {
    subject: headerSafe(t('followUp.notice.subject')),
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${escapeHtml(locale)}"><body>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
  };
}
