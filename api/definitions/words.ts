import { ConfigError } from '../config-error';
import { DANGER_QUESTION, questionKey, questionsOf, type Definition } from './types';

/**
 * Every key a report type needs in English: its names, its sections, and each question's
 * label, short label (check your answers, emails) and options. Hints and question-specific
 * errors are optional (a generic message stands in). Other languages are checked against
 * English (tests/unit/i18n/catalogs.test.ts), so a key missing here is missing everywhere.
 */
export function wordsNeeded(definition: Definition): { catalog: string[]; partner: string[] } {
  const id = definition.id;
  const catalog = [`report.${id}.title`, `report.${id}.intro`, `report.link.${id}`, `form.confirmation.next.${id}`];
  for (const section of definition.sections) if (section.id !== DANGER_QUESTION) catalog.push(`report.${id}.section.${section.id}`);
  for (const question of questionsOf(definition)) {
    const key = questionKey(definition, question.id);
    catalog.push(`${key}.label`);
    if (question.kind === 'notice') continue;
    catalog.push(`${key}.short`);
    if (question.kind === 'choice' || question.kind === 'multichoice') {
      for (const option of question.options ?? []) if (!question.optionNames?.[option]) catalog.push(`${key}.option.${option}`);
    }
  }
  // A partner email's subject names the type.
  return { catalog: [...new Set(catalog)], partner: [`type.${id}`] };
}

/** Stops start-up when a report type's English words are missing, instead of showing raw keys. */
export function checkWords(definition: Definition, english: Record<string, string>, partner: Record<string, string>): void {
  const needed = wordsNeeded(definition);
  const missing = [...needed.catalog.filter((k) => !english[k]), ...needed.partner.filter((k) => !partner[k])];
  if (missing.length > 0) {
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    throw new ConfigError(`report type "${definition.id}"`, `missing English words: ${missing.slice(0, 3).join(', ')}${more} (i18n/en.json, i18n/partner-en.json)`);
  }
}
