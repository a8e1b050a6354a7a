import { randomUUID } from 'node:crypto';
import { validateAnswers, type FieldError } from '../../api/definitions/schema';
import { DANGER_QUESTION, type Answers, type Definition } from '../../api/definitions/types';
import type { IntakeResult } from '../../api/intake/intake';
import { answersFromForm } from './form-answers';
import type { FormDraft } from './form-draft';

/** The pages of a report form after the urgency gate (which has no step). */
export type Step = 'questions' | 'check' | 'sent' | 'danger';

export interface StepContext {
  definition: Definition;
  form: FormData;
  draft: FormDraft | undefined;
  now: number;
  /** Answers sent sooner than this after the form was first shown are refused. */
  minMs: number;
  /** Takes one report from this client's allowance: seconds to wait if there is none left. */
  takeReport(): Promise<number | undefined>;
  /** Stores the report; throws if the store cannot save it just now. */
  submit(answers: Answers, submissionKey: string): Promise<IntakeResult>;
}

/** How a "send" went, for the log: a reference and error codes, never an answer. */
export interface Sending {
  result: 'sent' | 'invalid' | 'limited' | 'unavailable';
  reference?: string;
  codes?: string[];
}

/** Where a posted step leads: the draft to keep (null: delete it) and the step to show next. */
export type StepOutcome = { refused: true } | { refused?: false; draft: FormDraft | null; next?: Step; sending?: Sending };

const fresh = (now: number, answers: Answers = { [DANGER_QUESTION]: 'no' }): FormDraft => ({
  startedAt: now,
  answers,
  submissionKey: randomUUID(),
});

/** One posted step of a report form. Pure but for the two functions in the context. */
export async function postStep(ctx: StepContext): Promise<StepOutcome> {
  const { definition, form, now } = ctx;
  const action = form.get('action');
  const draft = ctx.draft && !ctx.draft.reference ? ctx.draft : undefined;

  if (action === 'gate') {
    const danger = form.get(DANGER_QUESTION);
    // Someone in danger now is told to call 999, and nothing of theirs is kept.
    if (danger === 'yes') return { draft: null, next: 'danger' };
    if (danger !== 'no') return { draft: { ...(draft ?? fresh(now)), gateError: true } };
    return { draft: { ...(draft ?? fresh(now)), gateError: false, answers: { ...draft?.answers, [DANGER_QUESTION]: 'no' } }, next: 'questions' };
  }

  if (action === 'check') {
    // A hidden field no person fills in, and answers faster than anyone types: a script.
    if (String(form.get('website') ?? '') !== '') return { refused: true };
    const answers = { ...answersFromForm(definition, form), [DANGER_QUESTION]: 'no' };
    // The draft had gone (expired): keep what was sent, and ask the person to check it once more.
    if (!draft) return { draft: { ...fresh(now, answers), resumed: true }, next: 'questions' };
    if (now - draft.startedAt < ctx.minMs) return { refused: true };
    const result = validateAnswers(definition, answers, new Date(now));
    if (!result.ok) return { draft: { ...draft, answers, showErrors: true, resumed: false }, next: 'questions' };
    return { draft: { ...draft, answers: result.answers, showErrors: false, resumed: false }, next: 'check' };
  }

  if (action === 'send') {
    if (ctx.draft?.reference) return { draft: ctx.draft, next: 'sent' };
    if (!draft) return { draft: null };
    if (now - draft.startedAt < ctx.minMs) return { refused: true };
    const checked = validateAnswers(definition, draft.answers, new Date(now));
    const invalid = (codes: string[]) => ({ draft: { ...draft, showErrors: true }, next: 'questions' as const, sending: { result: 'invalid' as const, codes } });
    if (!checked.ok) return invalid(checked.errors.map((e) => e.code));
    const wait = await ctx.takeReport();
    if (wait !== undefined) return { draft: { ...draft, limitedUntil: now + wait * 1000, unavailable: false }, next: 'check', sending: { result: 'limited' } };
    let result: IntakeResult;
    try {
      result = await ctx.submit(draft.answers, draft.submissionKey);
    } catch {
      // Nothing was stored, so nothing is acknowledged; the answers stay to send again.
      return { draft: { ...draft, unavailable: true, limitedUntil: undefined }, next: 'check', sending: { result: 'unavailable' } };
    }
    if (!result.ok) return invalid(result.errors.map((e) => e.code));
    // Sent: the answers are forgotten at once; only the reference and follow-up code stay, to show them again.
    return {
      draft: { startedAt: draft.startedAt, submissionKey: draft.submissionKey, answers: {}, reference: result.reference, followUpCode: result.followUpCode },
      next: 'sent',
      sending: { result: 'sent', reference: result.reference },
    };
  }
  return { draft: ctx.draft ?? null };
}

/** What a step's page shows for the draft the browser has (a page asked for directly, or after Back). */
export function viewFor(step: string | null, draft: FormDraft | undefined, definition: Definition, now: number) {
  if (step === 'danger') return { view: 'danger' as const };
  if (draft?.reference && step !== null) return { view: 'sent' as const, reference: draft.reference, followUpCode: draft.followUpCode };
  if (!draft || draft.reference || step === null) {
    // No draft for a later step: it expired, or was deleted by Exit this page. Start again.
    return { view: 'gate' as const, gone: step !== null && !draft, gateError: step === null && draft?.gateError === true };
  }
  const result = validateAnswers(definition, draft.answers, new Date(now));
  const errors: FieldError[] = result.ok ? [] : result.errors.filter((e) => e.path !== DANGER_QUESTION);
  if (step === 'check' && result.ok) {
    return {
      view: 'check' as const,
      answers: result.answers,
      limitedFor: draft.limitedUntil && draft.limitedUntil > now ? Math.ceil((draft.limitedUntil - now) / 1000) : undefined,
      unavailable: draft.unavailable === true,
    };
  }
  return { view: 'questions' as const, answers: draft.answers, errors: draft.showErrors || step === 'check' ? errors : [], resumed: draft.resumed === true };
}
