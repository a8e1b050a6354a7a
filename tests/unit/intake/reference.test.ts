import { describe, expect, it } from 'vitest';
import { newReference, REFERENCE_PATTERN } from '../../../api/intake/reference';

describe('report references', () => {
  it('are short, prefixed, and use no letters that read alike aloud', () => {
    const reference = newReference('ASB');
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(reference).toHaveLength(13);
    expect(reference.slice(4)).not.toMatch(/[01ILOU]/);
  });

  it('do not repeat over 20,000 draws', () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => newReference('ASB')));
    expect(seen.size).toBe(20_000);
  });
});
