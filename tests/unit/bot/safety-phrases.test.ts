import { describe, expect, it } from 'vitest';
import { locales } from '../../../i18n';
import { concernsIn, safetyData } from '../../../bot/safety';
import { CONCERNS } from '../../../bot/safety/recognise';

// The phrases are data beside the bot (bot/safety/<lang>.json): what frightened people type.
describe.each(locales)('what people type in %s', (locale) => {
  const { examples } = safetyData[locale];

  it('has at least 20 natural phrases for each concern, and for ordinary questions', () => {
    for (const kind of [...CONCERNS, 'ordinary'] as const) expect(examples[kind].length, kind).toBeGreaterThanOrEqual(20);
  });

  it.each(CONCERNS)('recognises every %s phrase', (concern) => {
    const missed = examples[concern].filter((phrase) => !concernsIn(phrase, locale).includes(concern));
    expect(missed).toEqual([]);
  });

  it('tells nobody with an ordinary question that they are in danger', () => {
    const flagged = examples.ordinary.filter((phrase) => concernsIn(phrase, locale).length > 0);
    expect(flagged).toEqual([]);
  });
});

describe('recognising in any language', () => {
  it('hears English on a page in another language', () => {
    expect(concernsIn("he's got a knife", 'pl')).toContain('danger');
  });

  it('stays quick whatever is typed', () => {
    const started = performance.now();
    concernsIn('a'.repeat(200), 'lt');
    concernsIn(Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' '), 'ur');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
