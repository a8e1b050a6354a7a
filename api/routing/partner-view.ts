import { shownQuestions } from '../definitions/schema';
import { formatAnswer } from '../definitions/format-answer';
import { DANGER_QUESTION, questionKey, type Definition, type Question } from '../definitions/types';
import type { RepeatFlags, VictimBasis } from '../repeats/flags';
import type { StoredReport } from '../store/store';
import { partnerTranslator, translator, withTyped } from '../../i18n';
import { visibleAnswers, visibleFlags } from './resolve-recipients';

export interface Line {
  label: string;
  value: string;
}

/** What one partner sees of a report: its flags, how to contact the reporter safely, the other answers. */
export interface PartnerView {
  flags: string[];
  safeContact: Line[];
  answers: Line[];
}

// Partners read reports in English; the reporter's own language is named so they can reply in it.
const t = translator('en');
const p = partnerTranslator();

function lineFor(definition: Definition, question: Question, report: StoredReport): Line {
  const value = formatAnswer(definition, question, report.answers[question.id], t, 'en-GB');
  return { label: t(`${questionKey(definition, question.id)}.short`), value: value ?? p('email.notAnswered') };
}

/**
 * The one field filter, read by the email and the workspace alike: a partner sees only the
 * answers its routing rules allow, and only the flags built from answers it may see.
 */
export function partnerView(definition: Definition, stored: StoredReport, fields?: string[]): PartnerView {
  const report = { ...stored, answers: visibleAnswers(stored.answers, fields), flags: visibleFlags(stored.flags, fields) };
  const shown = shownQuestions(definition, stored.answers).filter(
    (q) => q.kind !== 'notice' && q.id !== DANGER_QUESTION && (!fields || fields.includes(q.id)),
  );
  return {
    flags: flagLines(report),
    safeContact: shown.filter((q) => definition.printFirst.includes(q.id)).map((q) => lineFor(definition, q, report)),
    answers: shown.filter((q) => !definition.printFirst.includes(q.id)).map((q) => lineFor(definition, q, report)),
  };
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

