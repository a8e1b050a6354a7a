import { describe, expect, it } from 'vitest';
import { codeMatches, codePool, normaliseCode } from '../../../api/follow-up/codes';

describe('follow-up codes', () => {
  it('are 16 characters read aloud without doubt, in four groups, and differ each time', () => {
    const pool = codePool(2);
    const codes = Array.from({ length: 20 }, () => pool.take().code);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(20);
  });

  it('are kept only as a salted scrypt hash, which the code matches however it is typed', async () => {
    const { code, hash } = codePool(1).take();
    expect(hash).toMatch(/^scrypt:1024:8:1:/);
    expect(hash).not.toContain(code.replace(/-/g, ''));
    expect(await codeMatches(code, hash)).toBe(true);
    expect(await codeMatches(` ${code.toLowerCase().replace(/-/g, ' ')} `, hash)).toBe(true);
    const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await codeMatches(wrong, hash)).toBe(false);
    expect(await codeMatches('', hash)).toBe(false);
    expect(await codeMatches(code, 'plain-text')).toBe(false);
  });

  it('refuse what cannot be a code: a 0, O, 1 or I, or the wrong length', () => {
    expect(normaliseCode('K7QM-2XPA-9RTD-WH3C')).toBe('K7QM2XPA9RTDWH3C');
    expect(normaliseCode('K7QM-2XPA-9RTD-WH3O')).toBeUndefined();
    expect(normaliseCode('K7QM-2XPA-9RTD-WH31')).toBeUndefined();
    expect(normaliseCode('K7QM-2XPA-9RTD')).toBeUndefined();
  });
});
