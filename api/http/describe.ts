import type { TFunction } from 'i18next';
import { maxLengthOf } from '../definitions/schema';
import { questionKey, questionsOf, type Definition, type Question } from '../definitions/types';

const FORMATS: Partial<Record<Question['kind'], string>> = {
  date: 'YYYY-MM-DD, today or earlier',
  time: 'HH:MM, 24-hour clock',
  postcode: 'UK postcode, with or without its space',
  email: 'email address',
  phone: 'phone number, 10 to 15 digits; spaces, +, ( ) and - allowed',
  multichoice: 'array of option values',
  consent: 'the string "yes" when the person agrees; a required consent must be "yes"',
};

function describeQuestion(definition: Definition, question: Question, t: TFunction) {
  const key = questionKey(definition, question.id);
  const hint = t(`${key}.hint`, { defaultValue: '' });
  return {
    id: question.id,
    kind: question.kind,
    label: t(`${key}.label`),
    ...(hint && { hint }),
    ...(question.kind === 'notice'
      ? {}
      : {
          required: !question.optional,
          ...(FORMATS[question.kind] && { format: FORMATS[question.kind] }),
          ...((question.kind === 'text' || question.kind === 'textarea') && { maxLength: maxLengthOf(question) }),
        }),
    ...(question.options && {
      options: question.options.map((value) => ({
        value,
        label: question.optionNames?.[value] ?? t(`${key}.option.${value}`),
      })),
    }),
    ...(question.showWhen && { showWhen: question.showWhen }),
  };
}

/** A report type described well enough that a client can build a valid submission from it alone. */
export function describeDefinition(definition: Definition, t: TFunction) {
  return {
    id: definition.id,
    title: t(`report.${definition.id}.title`),
    submit: { method: 'POST', url: `/api/reports/${definition.id}`, contentType: 'application/json' },
    notes: [
      'Questions with showWhen are asked only when the named question is answered with (or includes) one of the values; otherwise leave them out.',
      'required means required whenever the question is shown. Notices take no answer.',
      'Send an Idempotency-Key header to make a retried request return the first reference.',
      'If "danger" is answered "yes", nothing is stored and the answer is 422 with a message to call 999.',
    ],
    questions: questionsOf(definition).map((q) => describeQuestion(definition, q, t)),
    rules: definition.rules.map((rule) => ({ ...rule, code: undefined, message: t(`validation.${rule.code}`) })),
    examples: definition.examples.valid.map((e) => e.answers),
  };
}
