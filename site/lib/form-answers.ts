import { questionsOf, type Answers, type Definition, type Question } from '../../api/definitions/types';

/** The id of a question's (first) input, which error summary links and labels point at. */
export function fieldId(question: Question): string {
  return question.kind === 'date' ? `q-${question.id}-day` : `q-${question.id}`;
}

function dateFrom(form: FormData, id: string): string | undefined {
  const parts = ['year', 'month', 'day'].map((p) => String(form.get(`${id}-${p}`) ?? '').trim());
  if (parts.every((p) => p === '')) {
    // Check your answers carries the date on as one hidden field.
    const whole = form.get(id);
    return typeof whole === 'string' && whole.trim() !== '' ? whole : undefined;
  }
  const [year, month, day] = parts;
  // Anything not plainly numeric stays as typed, so validation reports it as an invalid date.
  if (![year, month, day].every((p) => /^\d{1,4}$/.test(p))) return `${year}-${month}-${day}`;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Turns a posted form into the answers a definition validates; everything else is ignored. */
export function answersFromForm(definition: Definition, form: FormData): Answers {
  const answers: Answers = {};
  for (const question of questionsOf(definition)) {
    if (question.kind === 'notice') continue;
    if (question.kind === 'multichoice') {
      const values = form.getAll(question.id).filter((v): v is string => typeof v === 'string');
      if (values.length > 0) answers[question.id] = values;
    } else if (question.kind === 'date') {
      const value = dateFrom(form, question.id);
      if (value !== undefined) answers[question.id] = value;
    } else {
      const value = form.get(question.id);
      if (typeof value === 'string' && value.trim() !== '') answers[question.id] = value;
    }
  }
  return answers;
}

/** A date answer split back into the three boxes of the GOV.UK date input. */
export function dateParts(value: string | string[] | undefined): { day: string; month: string; year: string } {
  const match = typeof value === 'string' ? /^([^-]*)-([^-]*)-([^-]*)$/.exec(value) : null;
  if (!match) return { day: '', month: '', year: '' };
  // 2026-03-07 shows as 7 / 3 / 2026, as the reader typed it; anything else is kept as typed.
  const unpad = (part: string) => (/^\d+$/.test(part) ? String(Number(part)) : part);
  return { year: match[1], month: unpad(match[2]), day: unpad(match[3]) };
}
