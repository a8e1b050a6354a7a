import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../i18n';
import { projectRoot } from '../../support/fixtures';

const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(projectRoot, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(locales.filter((l) => l !== 'en'))('the %s catalog', (locale) => {
  const catalog = read(locale);

  it('has every key that English has', () => {
    expect(Object.keys(english).filter((key) => !(key in catalog))).toEqual([]);
  });

  it('keeps every placeholder and leaves no value empty', () => {
    for (const [key, value] of Object.entries(english)) {
      expect(placeholders(catalog[key] ?? ''), key).toEqual(placeholders(value));
      expect((catalog[key] ?? '').trim(), key).not.toBe('');
    }
  });

  it('keeps the emergency numbers of the safety messages', () => {
    for (const key of ['help.emergency', 'help.nonEmergency', 'help.silent']) {
      for (const number of english[key].match(/\d+/g) ?? []) expect(catalog[key], key).toContain(number);
    }
  });
});
