import type { TFunction } from 'i18next';
import { questionKey, type Definition, type Question } from './types';

function optionLabel(definition: Definition, question: Question, value: string, t: TFunction): string {
  return question.optionNames?.[value] ?? t(`${questionKey(definition, question.id)}.option.${value}`);
}

/** An answer as a reader sees it: option labels, dates in words; undefined when not answered. */
export function formatAnswer(
  definition: Definition,
  question: Question,
  value: string | string[] | undefined,
  t: TFunction,
  locale: string,
): string | undefined {
  if (value === undefined) return undefined;
  // Urdu lists with its own comma (،), as the reader's language writes them.
  if (Array.isArray(value)) return value.map((v) => optionLabel(definition, question, v, t)).join(t('list.separator'));
  if (question.kind === 'choice') return optionLabel(definition, question, value, t);
  if (question.kind === 'date') {
    return new Date(`${value}T12:00:00Z`).toLocaleDateString(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  return value;
}
