import { shownQuestions } from '../definitions/schema';
import { formatAnswer } from '../definitions/format-answer';
import { answerByRole, type Definition } from '../definitions/types';
import { partnerView, type Line } from '../routing/partner-view';
import type { StoredReport } from '../store/store';
import type { Partner } from '../routing/routing-schema';
import { partnerTranslator, translator } from '../../i18n';
import { escapeHtml, headerSafe } from './escape';
import { partnershipTime } from '../time';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const t = translator('en');
const p = partnerTranslator();

/** The postcode's outward code (PE1): where, without pinpointing a home in an inbox listing. */
export function areaOf(definition: Definition, answers: StoredReport['answers']): string | undefined {
  const postcode = answerByRole(definition, answers, 'postcode');
  return postcode ? postcode.split(' ')[0] : undefined;
}

export function renderReportEmail(
  definition: Definition,
  stored: StoredReport,
  partner: Pick<Partner, 'name'>,
  partnershipName: string,
  fields?: string[],
): RenderedEmail {
  const view = partnerView(definition, stored, fields);
  const subjectQuestion = shownQuestions(definition, stored.answers).find((q) => q.id === definition.subjectQuestion)!;

  const subject = headerSafe(
    p('email.subject', {
      type: p(`type.${definition.id}`),
      reference: stored.reference,
      subject: formatAnswer(definition, subjectQuestion, stored.answers[subjectQuestion.id], t, 'en-GB') ?? '',
      area: areaOf(definition, stored.answers) ?? p('email.noArea'),
    }),
  );
  const intro = [
    ...view.flags,
    p('email.intro', { reference: stored.reference }),
    p('email.sentTo', { partner: partner.name, partnership: partnershipName }),
    p('email.language', { language: p(`language.${stored.locale}`) }),
    `${p('email.submittedAt')}: ${p('email.ukTime', { time: partnershipTime(stored.createdAt) })}`,
  ];
  const sections = [
    { title: p('email.safeContact'), lines: view.safeContact },
    { title: p('email.answers'), lines: view.answers },
  ].filter((s) => s.lines.length > 0);
  return { subject, text: renderText(intro, sections), html: renderHtml(intro, sections) };
}

function renderText(intro: string[], sections: { title: string; lines: Line[] }[]): string {
  const body = sections.map(
    (s) => `${s.title}\n${'='.repeat(s.title.length)}\n\n${s.lines.map((l) => `${l.label}:\n${l.value}\n`).join('\n')}`,
  );
  return [...intro, '', ...body, '', p('email.footer'), ''].join('\n');
}

function renderHtml(intro: string[], sections: { title: string; lines: Line[] }[]): string {
  const rows = (lines: Line[]) =>
    lines
      .map(
        (l) =>
          `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(l.label)}</th>` +
          `<td style="white-space:pre-wrap;padding:4px 0">${escapeHtml(l.value)}</td></tr>`,
      )
      .join('');
  const body = sections.map((s) => `<h2>${escapeHtml(s.title)}</h2><table>${rows(s.lines)}</table>`).join('');
  return (
    `<!doctype html><html lang="en"><body style="font-family:sans-serif">` +
    intro.map((para) => `<p>${escapeHtml(para)}</p>`).join('') +
    body +
    `<p><small>${escapeHtml(p('email.footer'))}</small></p></body></html>`
  );
}
