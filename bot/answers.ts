import type { TFunction } from 'i18next';
import { questionKey, type Definition, type Question } from '../api/definitions/types';
import { fold } from '../api/search/text';
import { dateIn, daysEarlier } from '../api/time';

/** The words a reader sees for an option, folded for matching what they typed. */
export function optionLabel(definition: Definition, question: Question, option: string, t: TFunction): string {
  return question.optionNames?.[option] ?? t(`${questionKey(definition, question.id)}.option.${option}`);
}

/** An option from what was typed or tapped: its label, its value, or its number in the list. */
export function matchOption(definition: Definition, question: Question, typed: string, t: TFunction): string | undefined {
  const options = question.options ?? [];
  const wanted = fold(typed.trim());
  const byNumber = /^\d+$/.test(wanted) ? options[Number(wanted) - 1] : undefined;
  return (
    byNumber ??
    options.find((o) => fold(optionLabel(definition, question, o, t)) === wanted || fold(o) === wanted) ??
    options.find((o) => wanted.length >= 3 && fold(optionLabel(definition, question, o, t)).startsWith(wanted))
  );
}

/** A date as people type it ("27 3 2026", "27/03/2026", "2026-03-27", "today"), as YYYY-MM-DD; raw text if unrecognised. */
export function parseDate(typed: string, now: Date, t: TFunction): string {
  const text = fold(typed.trim());
  // The partnership's calendar: just after midnight in summer, UTC still says yesterday.
  const day = (offset: number) => daysEarlier(dateIn(now), offset);
  if (text === fold(t('chat.today'))) return day(0);
  if (text === fold(t('chat.yesterday'))) return day(1);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, '0')}-${iso[3].padStart(2, '0')}`;
  const dmy = /^(\d{1,2})[\s./-]+(\d{1,2})[\s./-]+(\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  return typed.trim();
}
