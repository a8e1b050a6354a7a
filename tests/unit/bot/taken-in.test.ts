import { describe, expect, it } from 'vitest';
import { definitions } from '../../../api/report-types';
import { loadUnderstanding } from '../../../bot/understanding';
import type { Locale } from '../../../i18n';

const understanding = loadUnderstanding();
const asb = definitions.find((d) => d.id === 'asb')!;
const thursday = new Date('2026-12-03T18:00:00Z');
const suggest = (locale: Locale, text: string) => understanding[locale].suggest(asb, text, thursday, (_question, option) => option);

const lastNight = { kind: 'noise', date: '2026-12-02' };
const yesterdayAt11pm = { kind: 'noise', date: '2026-12-02', time: '23:00' };
const sinceMonday = { kind: 'noise', date: '2026-11-30' };

// The three ways of saying when, each as a resident of that language would type it about
// a neighbour's noise; inflected forms ("od poniedziałku", "garsią muziką") on purpose.
const described: [Locale, string, Record<string, string>][] = [
  ['en', 'the people next door had a party last night', lastNight],
  ['en', 'loud music and shouting yesterday at 11pm', yesterdayAt11pm],
  ['en', 'my neighbours play loud music every night since Monday', sinceMonday],
  ['pl', 'sąsiad puszczał głośną muzykę zeszłej nocy', lastNight],
  ['pl', 'wczoraj o 23 znowu hałas u sąsiadów', yesterdayAt11pm],
  ['pl', 'sąsiedzi hałasują co noc od poniedziałku', sinceMonday],
  ['lt', 'praeitą naktį kaimynai triukšmavo, garsi muzika', lastNight],
  ['lt', 'vakar 23 val. kaimynai leido garsią muziką', yesterdayAt11pm],
  ['lt', 'kaimynai kiekvieną naktį nuo pirmadienio leidžia garsią muziką', sinceMonday],
  ['ro', 'azi-noapte vecinii au dat muzica tare', lastNight],
  ['ro', 'ieri la ora 23 galagie mare la vecini', yesterdayAt11pm],
  ['ro', 'vecinii fac galagie in fiecare noapte de luni incoace', sinceMonday],
  ['ro', 'vecinii fac petreceri in fiecare noapte de luni incoace', sinceMonday],
  ['pt', 'ontem à noite o vizinho tinha a música alta', lastNight],
  ['pt', 'ontem às 23h barulho de festa no andar de cima', yesterdayAt11pm],
  ['pt', 'o vizinho põe música alta todas as noites desde segunda-feira', sinceMonday],
  ['ur', 'کل رات پڑوسی کا بہت شور تھا', lastNight],
  ['ur', 'kal raat 11 baje padosi ka shor', yesterdayAt11pm],
  ['ur', 'پڑوسی پیر سے ہر رات اونچی آواز میں گانے بجاتے ہیں', sinceMonday],
];

describe('what a first description makes clear, taken in to be shown back', () => {
  it.each(described)('(%s) "%s"', (locale, text, expected) => {
    expect(suggest(locale, text)).toEqual(expected);
  });

  // What it was about, in another case or number than the names kept for it ("o Polakach", "lietuvių").
  it.each([
    ['pl', 'ktoś napisał na moich drzwiach obraźliwe słowa o Polakach', ['race']],
    ['lt', 'kaimynai tyčiojasi iš lietuvių ir spjauna ant mašinos', ['race']],
    ['pt', 'chamaram-me nomes na rua por ser brasileira', ['race']],
    ['pl', 'sąsiad wyzywa mnie od pedałów, bo jestem gejem', ['sexual-orientation']],
  ] as [Locale, string, string[]][])('(%s) "%s": a hate crime’s motive', (locale, text, motivation) => {
    const hate = definitions.find((d) => d.id === 'hate-crime')!;
    expect(understanding[locale].suggest(hate, text, thursday, (_question, option) => option).motivation).toEqual(motivation);
  });

  it.each([
    ['en', 'noise at 11 again'],
    ['pl', 'hałas o 11'],
    ['ur', 'shor 11 baje'],
  ] as [Locale, string][])('(%s) does not take an hour that could be morning or night: "%s"', (locale, text) => {
    expect(suggest(locale, text).time).toBeUndefined();
  });

  it.each([
    ['en', 'music at 2 at night', '02:00'],
    ['pl', 'o 11 w nocy', '23:00'],
    ['pt', 'às 8 da manhã', '08:00'],
    ['ro', 'la 23:30', '23:30'],
  ] as [Locale, string, string][])('(%s) reads "%s" as %s', (locale, text, time) => {
    expect(suggest(locale, text).time).toBe(time);
  });
});
