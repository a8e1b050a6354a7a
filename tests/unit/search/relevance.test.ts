import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SerialisedIndex } from '../../../api/search/index';
import { loadIndex, search } from '../../../api/search/search';
import { locales } from '../../../i18n';
import { clientDir } from '../../support/built-site';
import { termFor } from '../../../api/search/languages';

interface RelevanceCase {
  query: string;
  expect: string;
  kind: string;
}

// The indexes are the ones the build wrote (npm test builds first): what browsers and the server use.
describe.each(locales)('search in %s', (locale) => {
  const index = loadIndex(JSON.parse(readFileSync(join(clientDir, 'search-index', `${locale}.json`), 'utf8')) as SerialisedIndex, termFor(locale));
  const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'queries', `${locale}.json`), 'utf8')) as RelevanceCase[];

  it('has at least 12 realistic queries, misspelled ones among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => c.kind === 'misspelled').length).toBeGreaterThanOrEqual(3);
  });

  it('ranks the right page in the top 3 for every query', () => {
    const misses = cases.flatMap((c) => {
      const top = search(index, c.query, 3).map((r) => r.url.split('/').pop());
      return top.includes(c.expect) ? [] : [`"${c.query}" (${c.kind}) → expected ${c.expect}, got ${top.join(', ') || 'nothing'}`];
    });
    expect(misses).toEqual([]);
  });
});

// The searches people made that once put the wrong page first: each now finds the right one first.
describe('first-time right', () => {
  const first = (locale: string, query: string) => {
    const index = loadIndex(JSON.parse(readFileSync(join(clientDir, 'search-index', `${locale}.json`), 'utf8')) as SerialisedIndex, termFor(locale));
    return search(index, query, 1)[0]?.url.split('/').pop();
  };
  it.each([
    ['en', 'my husband hits me', 'domestic-abuse'],
    ['pl', 'mąż mnie bije', 'domestic-abuse'],
    // A child or a parent hit at home: "mum" and "mãe" are also the "Hi Mum" scam's words.
    ['en', 'my mum hits me', 'domestic-abuse'],
    ['ro', 'tata o bate pe mama ce fac', 'domestic-abuse'],
    ['pt', 'minha mãe me bate', 'domestic-abuse'],
    ['ur', 'abbu ammi ko marte hain', 'domestic-abuse'],
    // Rape after a party, and threats from a brother "in the name of honour": other pages came first.
    ['lt', 'prievartavo po vakarėlio ką daryti', 'domestic-abuse'],
    ['ur', 'بھائی عزت کے نام پر دھمکیاں دیتا ہے', 'domestic-abuse'],
    ['en', 'I want to report noise from my neighbour', 'anti-social-behaviour'],
    ['pl', 'chcę zgłosić hałas sąsiada', 'anti-social-behaviour'],
    // English names in another language are found by the English page's words...
    ['pl', 'telefon z HMRC scam', 'fraud-and-scams'],
    ['ro', 'mesaj scam HMRC', 'fraud-and-scams'],
    ['lt', 'hate crime pranesti', 'hate-crime'],
    // ...but a word the language has is its own ("internet" is Polish), and a stop word ("e", "and") is nothing.
    ['pl', 'zamówiłam coś przez internet i nie przyszło fałszywa strona', 'fraud-and-scams'],
    ['pt', 'a vizinha é mantida como escrava e acho que está em perigo', 'modern-slavery'],
  ])('%s: "%s" puts %s first', (locale, query, topic) => {
    expect(first(locale, query)).toBe(topic);
  });
});
