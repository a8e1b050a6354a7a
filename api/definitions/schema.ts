import { z } from 'zod';
import { dateIn } from '../time';
import { DANGER_QUESTION, questionsOf, type Answers, type Definition, type Question, type Rule } from './types';

/** One validation failure: the question it belongs to and a code the channels translate. */
export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, number | string>;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/** The longest answer any question takes: the chat takes as much. */
export const MAX_ANSWER = 5000;
const DEFAULT_MAX = { text: 200, textarea: MAX_ANSWER } as const;
// The longest address SMTP carries (RFC 5321).
const MAX_EMAIL = 254;
// UK postcode, including BFPO-free special cases like GIR 0AA; spacing and case are normalised.
const POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$/;
const ANSWER_CODES = new Set(['invalid', 'tooLong', 'future']);
const PHONE_CHARS = /^\+?[0-9 ()-]+$/;

export function maxLengthOf(question: Question): number {
  if (question.maxLength) return question.maxLength;
  if (question.kind === 'email') return MAX_EMAIL;
  return question.kind === 'textarea' ? DEFAULT_MAX.textarea : DEFAULT_MAX.text;
}

export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The zod schema of one answer, with error codes as messages (channels translate them). */
function answerSchema(question: Question, today: string): z.ZodType<string | string[]> {
  const options = question.options ?? [];
  switch (question.kind) {
    case 'choice':
      return z.string().refine((v) => options.includes(v), 'invalid');
    case 'multichoice':
      return z
        .array(z.string(), { invalid_type_error: 'invalid' })
        .refine((list) => list.every((v) => options.includes(v)), 'invalid')
        .transform((list) => options.filter((option) => list.includes(option)));
    case 'date':
      return z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
        .refine(isRealDate, 'invalid')
        .refine((v) => v <= today, 'future');
    case 'time':
      // 9:30 and 21.30 are what people type; stored as 09:30 and 21:30.
      return z
        .string()
        .transform((v) => v.replace('.', ':').padStart(5, '0'))
        .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'invalid');
    case 'postcode':
      return z
        .string()
        .max(10, 'invalid')
        .transform(normalisePostcode)
        .refine((v) => POSTCODE.test(v), 'invalid');
    case 'email':
      return z.string().max(MAX_EMAIL, 'tooLong').email('invalid');
    case 'phone':
      return z
        .string()
        .max(25, 'invalid')
        .refine((v) => PHONE_CHARS.test(v), 'invalid')
        .refine((v) => v.replace(/\D/g, '').length >= 10 && v.replace(/\D/g, '').length <= 15, 'invalid');
    case 'text':
    case 'textarea':
      return z.string().max(maxLengthOf(question), 'tooLong');
    case 'consent':
      return z.string().refine((v) => v === 'yes', 'invalid');
    case 'notice':
      return z.never();
  }
}

// Each question's schema is made once a day (a date's may not be after today), not once an answer.
const schemas = new WeakMap<Question, { today: string; schema: z.ZodType<string | string[]> }>();
function schemaOf(question: Question, today: string): z.ZodType<string | string[]> {
  let made = schemas.get(question);
  if (made?.today !== today) schemas.set(question, (made = { today, schema: answerSchema(question, today) }));
  return made.schema;
}

/** One answer against its question's schema: the value as stored, or the error a reader sees. */
export function checkAnswer(
  question: Question,
  value: unknown,
  today: string,
): { ok: true; value: string | string[] } | { ok: false; error: FieldError } {
  const parsed = schemaOf(question, today).safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'invalid';
  // zod's own messages (e.g. a number where text belongs) all mean "invalid" to a reader.
  const code = ANSWER_CODES.has(message) ? message : 'invalid';
  const params = code === 'tooLong' ? { max: maxLengthOf(question) } : undefined;
  return { ok: false, error: { path: question.id, code, ...(params && { params }) } };
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function clean(value: unknown, question: Question): unknown {
  // One-line answers never carry a line break (it could end up in an email header).
  if (typeof value === 'string') return (question.kind === 'textarea' ? value : value.replace(/[\r\n]+/g, ' ')).trim();
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.trim() : v));
  return value;
}

/** Whether a question is shown, given the answers so far. */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showWhen) return true;
  const answer = answers[question.showWhen.question];
  const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
  return given.some((value) => question.showWhen!.in.includes(value));
}

/** The questions shown for these answers, in the definition's order. */
export function shownQuestions(definition: Definition, answers: Answers): Question[] {
  return questionsOf(definition).filter((q) => isShown(q, answers));
}

/**
 * Validates raw answers against a definition: unknown fields are refused, answers to questions
 * that are not shown are dropped, required shown questions must be answered, then the
 * definition's cross-question rules apply. Questions are checked in order, so a condition only
 * ever reads answers that are already valid.
 */
export function validateAnswers(definition: Definition, raw: unknown, now: Date = new Date()): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', code: 'notAnObject' }] };
  }
  const input = raw as Record<string, unknown>;
  const today = dateIn(now);
  const questions = questionsOf(definition).filter((q) => q.kind !== 'notice');
  const known = new Set(questions.map((q) => q.id));
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: key, code: 'unknownField' }));

  const answers: Answers = {};
  for (const question of questions) {
    if (!isShown(question, answers)) continue;
    const value = clean(input[question.id], question);
    if (isEmpty(value)) {
      if (!question.optional) errors.push({ path: question.id, code: 'required' });
      continue;
    }
    const checked = checkAnswer(question, value, today);
    if (checked.ok) answers[question.id] = checked.value;
    else errors.push(checked.error);
  }

  // Someone in danger now is told to call 999 before anything else; nothing of theirs is kept.
  if (answers[DANGER_QUESTION] === 'yes') return { ok: false, errors: [{ path: DANGER_QUESTION, code: 'inDanger' }] };

  for (const rule of definition.rules) {
    const error = ruleError(definition, rule, answers, errors);
    if (error) errors.push(error);
  }

  return errors.length > 0 ? { ok: false, errors: sortByQuestionOrder(definition, errors) } : { ok: true, answers };
}

function ruleError(definition: Definition, rule: Rule, answers: Answers, errors: FieldError[]): FieldError | undefined {
  const failedAlready = (id: string) => errors.some((e) => e.path === id);
  if ('atLeastOne' in rule) {
    const shown = rule.atLeastOne.filter((id) => isShown(questionById(definition, id), answers));
    if (shown.length > 0 && !rule.atLeastOne.some(failedAlready) && shown.every((id) => answers[id] === undefined)) {
      return { path: shown[0], code: rule.code };
    }
    return undefined;
  }
  const applies = isShown({ id: rule.require, kind: 'text', showWhen: rule.when }, answers);
  if (applies && answers[rule.require] === undefined && !failedAlready(rule.require)) return { path: rule.require, code: rule.code };
  return undefined;
}

function questionById(definition: Definition, id: string): Question {
  const question = questionsOf(definition).find((q) => q.id === id);
  if (!question) throw new Error(`Definition ${definition.id} has no question ${id}`);
  return question;
}

function sortByQuestionOrder(definition: Definition, errors: FieldError[]): FieldError[] {
  const order = questionsOf(definition).map((q) => q.id);
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : -1);
  return [...errors].sort((a, b) => rank(a.path) - rank(b.path));
}
