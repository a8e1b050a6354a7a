import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../i18n';
import { projectRoot } from '../../support/fixtures';

const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(projectRoot, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;
// The partnership's names ({{area}}, …) are always at hand: a language may name them more or less.
const WORDING = ['siteName', 'partnershipName', 'area', 'region', 'examplePostcode', 'exampleStreet'];
const ownPlaceholders = (text: string) => placeholders(text).filter((p) => !WORDING.includes(p));

/**
 * The keys a language must have: English's, with each plural (key_one, key_other in English)
 * in the forms that language's grammar uses (Polish and Lithuanian have four, Romanian three).
 */
function expectedKeys(locale: string): { key: string; english: string }[] {
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(english)) {
    if (!PLURAL.test(key)) out.set(key, value);
    else for (const form of forms) out.set(`${key.replace(PLURAL, '')}_${form}`, english[key.replace(PLURAL, '_other')] ?? value);
  }
  return [...out].map(([key, value]) => ({ key, english: value }));
}

describe.each(locales.filter((l) => l !== 'en'))('the %s catalog', (locale) => {
  const catalog = read(locale);
  const expected = expectedKeys(locale);

  it('has every key that English has, with every plural form its grammar needs', () => {
    expect(expected.filter(({ key }) => !(key in catalog)).map(({ key }) => key)).toEqual([]);
  });

  it('keeps every placeholder and leaves no value empty', () => {
    for (const { key, english: value } of expected) {
      const translated = catalog[key] ?? '';
      // A plural form may say "once" without the number; it may not bring a placeholder of its own.
      if (PLURAL.test(key)) expect(placeholders(value), key).toEqual(expect.arrayContaining(ownPlaceholders(translated)));
      else expect(ownPlaceholders(translated), key).toEqual(ownPlaceholders(value));
      for (const name of placeholders(translated).filter((p) => !placeholders(value).includes(p))) expect(WORDING, key).toContain(name);
      expect(translated.trim(), key).not.toBe('');
    }
  });

  it('keeps the emergency numbers of the safety messages', () => {
    for (const key of ['help.emergency', 'help.nonEmergency', 'help.silent', 'danger.silent.body', 'chat.safety.selfHarm', 'chat.safety.domesticAbuse']) {
      for (const number of english[key].match(/\d+/g) ?? []) expect(catalog[key], key).toContain(number);
    }
  });
});
