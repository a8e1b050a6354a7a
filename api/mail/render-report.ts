import { shownQuestions } from '../definitions/schema';
import { formatAnswer } from '../definitions/format-answer';
import { answerByRole, DANGER_QUESTION, questionKey, type Definition, type Question } from '../definitions/types';
import { visibleAnswers, visibleFlags } from '../routing/resolve-recipients';
import type { RepeatFlags, VictimBasis } from '../repeats/flags';
import type { StoredReport } from '../store/store';
import type { Partner } from '../routing/routing-schema';
import { partnerTranslator, translator, withTyped } from '../../i18n';
import { escapeHtml, headerSafe } from './escape';
import { partnershipTime } from '../time';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Line {
  label: string;
  value: string;
}

// Partners read reports in English; the reporter's own language is named so they can reply in it.
const t = translator('en');
const p = partnerTranslator();

function lineFor(definition: Definition, question: Question, report: StoredReport): Line {
  const value = formatAnswer(definition, question, report.answers[question.id], t, 'en-GB');
  return { label: t(`${questionKey(definition, question.id)}.short`), value: value ?? p('email.notAnswered') };
}

function area(definition: Definition, report: StoredReport): string {
  const postcode = answerByRole(definition, report.answers, 'postcode');
  // The outward code (PE1) says where without pinpointing a home in an inbox listing.
  return postcode ? postcode.split(' ')[0] : p('email.noArea');
}

export function renderReportEmail(
  definition: Definition,
  stored: StoredReport,
  partner: Partner,
  partnershipName: string,
  fields?: string[],
): RenderedEmail {
  // A partner sees only the answers its routing rules allow.
  const report = { ...stored, answers: visibleAnswers(stored.answers, fields), flags: visibleFlags(stored.flags, fields) };
  const shown = shownQuestions(definition, stored.answers).filter(
    (q) => q.kind !== 'notice' && q.id !== DANGER_QUESTION && (!fields || fields.includes(q.id)),
  );
  const first = shown.filter((q) => definition.printFirst.includes(q.id)).map((q) => lineFor(definition, q, report));
  const rest = shown.filter((q) => !definition.printFirst.includes(q.id)).map((q) => lineFor(definition, q, report));
  const subjectQuestion = shownQuestions(definition, stored.answers).find((q) => q.id === definition.subjectQuestion)!;

  const subject = headerSafe(
    p('email.subject', {
      type: p(`type.${definition.id}`),
      reference: report.reference,
      subject: formatAnswer(definition, subjectQuestion, stored.answers[subjectQuestion.id], t, 'en-GB') ?? '',
      area: area(definition, stored),
    }),
  );
  const intro = [
    ...flagLines(report),
    p('email.intro', { reference: report.reference }),
    p('email.sentTo', { partner: partner.name, partnership: partnershipName }),
    p('email.language', { language: p(`language.${report.locale}`) }),
    `${p('email.submittedAt')}: ${p('email.ukTime', { time: partnershipTime(report.createdAt) })}`,
  ];
  const sections = [
    { title: p('email.safeContact'), lines: first },
    { title: p('email.answers'), lines: rest },
  ].filter((s) => s.lines.length > 0);
  return { subject, text: renderText(intro, sections), html: renderHtml(intro, sections) };
}

const ordinal = (n: number) => p(`flags.ordinal`, { count: n, ordinal: true });
const basis = (on: VictimBasis[]) =>
  p(`flags.basis.${on.includes('contact') ? 'contact' : on.length === 2 ? 'both' : on[0]}`);

/** Repeat victims, repeat places and the ASB Case Review threshold: at the very top of the email. */
function flagLines(report: { flags: RepeatFlags }): string[] {
  const { repeatVictim, repeatLocation, repeatStreet, caseReview, communityCaseReview } = report.flags;
  return [
    ...(repeatVictim
      ? [
          p('flags.repeatVictim', {
            nth: ordinal(repeatVictim.count),
            months: repeatVictim.windowMonths,
            basis: basis(repeatVictim.on),
            earlier: repeatVictim.earlier.join(', '),
          }),
        ]
      : []),
    ...(repeatLocation ? [p('flags.repeatLocation', { count: repeatLocation.count, days: repeatLocation.windowDays, area: repeatLocation.area })] : []),
    ...(repeatStreet ? [withTyped(p, 'flags.repeatStreet', { street: repeatStreet.street }, { count: repeatStreet.count, days: repeatStreet.windowDays })] : []),
    ...(caseReview ? [p('flags.caseReview', { references: caseReview.references.join(', '), basis: basis(caseReview.on) })] : []),
    ...(communityCaseReview
      ? [p('flags.communityCaseReview', { count: communityCaseReview.count, months: communityCaseReview.windowMonths, area: communityCaseReview.area })]
      : []),
  ];
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
