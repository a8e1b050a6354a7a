import { describe, expect, it } from 'vitest';
import { loadUnderstanding } from '../../../bot/understanding';
import { referenceIn } from '../../../bot/understanding/intents';

const understanding = loadUnderstanding();

describe('what someone wants from their first words', () => {
  // Phrases in no example file: a question that names a report, or reports made before, is a
  // question by how it begins.
  it.each([
    ['en', 'what is a hate incident? someone shouted at me but did not hit me'],
    ['lt', 'Kas yra ASB Case Review, jei jau tris kartus pranešiau?'],
  ])('(%s) takes "%s" as a question, not a report', (locale, said) => {
    expect(understanding[locale as 'en'].intent(said).intent).toBe('advice');
  });

  it.each([
    ['ro', 'status report MS-88KF-2LQA va rog'],
    ['pt', 'alguma novidade sobre hc - 3p9d - lw2r?'],
  ])('(%s) takes a reference in "%s" as checking a report', (locale, said) => {
    expect(understanding[locale as 'en'].intent(said).intent).toBe('check-report');
  });

  it('reads a reference however it is typed, and not inside a longer code', () => {
    expect(referenceIn('update on asb - 7kqm - 2xpa please')).toBe('ASB-7KQM-2XPA');
    expect(referenceIn('my code is AAAA-BBBB-CCCC-DDDD')).toBeUndefined();
    expect(referenceIn('the e-scooter-hire place on Bridge Street')).toBeUndefined();
  });
});
