import { describe, expect, it } from 'vitest';
import { termFor } from '../../../api/search/languages';
import { fold, words } from '../../../api/search/text';

describe('text handling for search', () => {
  it('folds diacritics, including letters Unicode does not decompose', () => {
    expect(fold('Zgłoś')).toBe('zglos');
    expect(fold('sukčiavimas')).toBe('sukciavimas');
    expect(fold('înșelăciune')).toBe('inselaciune');
    expect(fold('violência doméstica')).toBe('violencia domestica');
  });

  it('keeps Urdu words whole', () => {
    expect(words('گھریلو تشدد کی اطلاع')).toEqual(['گھریلو', 'تشدد', 'کی', 'اطلاع']);
    expect(termFor('ur')('تشدد')).toBe('تشدد');
  });

  it('gives a word the same term with or without its diacritics', () => {
    expect(termFor('pl')('zgłoś')).toBe(termFor('pl')('zglos'));
    expect(termFor('ro')('înșelăciune')).toBe(termFor('ro')('inselaciune'));
    expect(termFor('lt')('sukčiavimas')).toBe(termFor('lt')('sukciavimas'));
  });

  it('stems inflected forms to one term', () => {
    expect(termFor('pl')('oszustwo')).toBe(termFor('pl')('oszustwa'));
    expect(termFor('lt')('sukčiavimas')).toBe(termFor('lt')('sukčiavimo'));
    expect(termFor('en')('scams')).toBe(termFor('en')('scam'));
  });

  it("takes a name typed with or without its apostrophe as the same words (Victims' Hub, Clare's Law)", () => {
    expect(words("the Victims' Hub")).toEqual(['the', 'Victims', 'Hub']);
    expect(words('Clare’s Law')).toEqual(["Clare's", 'Law']);
    for (const locale of ['en', 'pl', 'lt', 'ro', 'pt']) {
      expect(termFor(locale)("Clare's")).toBe(termFor(locale)('Clare'));
      expect(termFor(locale)(words("Victims'")[0])).toBe(termFor(locale)('victims'));
    }
  });

  it('drops stop words', () => {
    expect(termFor('en')('the')).toBeUndefined();
    expect(termFor('pl')('się')).toBeUndefined();
  });
});
