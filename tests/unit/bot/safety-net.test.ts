import { describe, expect, it } from 'vitest';
import { concernsIn, safetyData } from '../../../bot/safety';
import { recogniser } from '../../../bot/safety/recognise';
import type { Locale } from '../../../i18n';

// Phrases in no example file, written for this test, that no pattern matches.
describe('the learnt net under the safety patterns', () => {
  it.each([
    ['ro', 'iubitul meu se infurie cand vorbesc cu altii si ieri m-a lipit de perete', 'domesticAbuse'],
    ['ur', 'شوہر کہتا ہے کہ اگر پولیس کے پاس گئی تو غائب کر دوں گا', 'domesticAbuse'],
    ['ur', 'ab aur bardasht nahi hota, aaj raat sab khatam karne ka soch rahi hoon', 'selfHarm'],
  ])('(%s) catches "%s", which the patterns miss, as %s', (locale, said, concern) => {
    expect(recogniser(safetyData[locale as Locale])(said)).toEqual([]);
    expect(concernsIn(said, locale as Locale)).toEqual([concern]);
  });

  it.each([
    ['en', 'someone smashed my car window last night, can I report it'],
    ['pl', 'sąsiad gra głośno muzykę do rana'],
    ['ro', 'vecinii fac gratar in fiecare seara si fumul intra in casa'],
    ['ur', 'hamari gali mein roz raat ko log shor machate hain'],
  ])('(%s) leaves an ordinary report alone: "%s"', (locale, said) => {
    expect(concernsIn(said, locale as Locale)).toEqual([]);
  });
});
