import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../i18n';
import { helplineList } from '../../support/built-site';
import { projectRoot } from '../../support/fixtures';

const catalog = (locale: string) => readFileSync(join(projectRoot, 'i18n', `${locale}.json`), 'utf8');
const guidance = (locale: string, topic: string) => readFileSync(join(projectRoot, 'content', 'guidance', locale, `${topic}.md`), 'utf8');

// How each language said, wrongly, that pressing 55 alerts the police (content-audit.md §0 #2).
const PRESSING_55_ALERTS = [
  /police will be told/i,
  /policja zostanie o tym powiadomiona/i,
  /bus pranešta policijai/i,
  /poliția va fi anunțată/i,
  /a polícia será avisada/i,
  /پولیس کو بتا دیا جائے گا/,
];

describe('safety facts, in every language', () => {
  it.each(locales)('%s: never says pressing 55 tells the police, in the interface or the guidance', (locale) => {
    for (const text of [catalog(locale), guidance(locale, 'domestic-abuse'), readFileSync(join(projectRoot, 'content', 'helplines.yaml'), 'utf8')]) {
      for (const wrong of PRESSING_55_ALERTS) expect(text).not.toMatch(wrong);
    }
  });

  it.each(locales)('%s: fraud advice names 159 and warns to use another phone or wait', (locale) => {
    const bullet = guidance(locale, 'fraud-and-scams')
      .split('\n')
      .find((line) => line.includes('159'));
    expect(bullet, 'a line naming 159').toBeDefined();
    expect(bullet).toMatch(/\b5\b/); // the five minutes a scammer can hold a landline open
  });

  it('does not print Missing People as open around the clock', () => {
    const missing = helplineList().find((h) => h.id === 'missing-people') as { hours?: string } | undefined;
    expect(missing?.hours).toMatch(/9am to 11pm/);
    for (const locale of locales.filter((l) => l !== 'en')) {
      const hours = (JSON.parse(catalog(locale)) as Record<string, string>)['helpline.missing-people.hours'];
      expect(hours, locale).toMatch(/9|٩/);
      expect(hours, locale).toMatch(/23|11/);
    }
  });

  it.each(locales.filter((l) => l !== 'en'))('%s: the Victims’ Hub contact error is its own, not the one that offers anonymity', (locale) => {
    const words = JSON.parse(catalog(locale)) as Record<string, string>;
    expect(words['validation.contactMissingNamed']).toBeTruthy();
    expect(words['validation.contactMissingNamed']).not.toBe(words['validation.contactMissing']);
  });
});
