import { describe, expect, it } from 'vitest';
import { clientDir } from '../../support/built-site';
import { LIMIT_BYTES, measurePages, report } from '../../weight/page-weight';

describe('page weight', () => {
  it('keeps every built page, with its CSS, fonts and scripts, under 60 KB compressed', () => {
    const weights = measurePages(clientDir);
    console.log(report(weights));
    expect(weights.length).toBeGreaterThan(40);
    expect(weights.filter((w) => w.bytes > LIMIT_BYTES).map((w) => w.page)).toEqual([]);
  });
});
