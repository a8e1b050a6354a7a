import { describe, expect, it } from 'vitest';
import { codeMatches, codeIssuer, normaliseCode } from '../../../api/follow-up/codes';

describe('follow-up codes', () => {
  it('are 16 characters read aloud without doubt, in four groups, and differ each time', () => {
    const issuer = codeIssuer();
    const codes = Array.from({ length: 20 }, () => issuer.take().code);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(new Set(codes).size).toBe(20);
  });

  it('are kept only as a salted hash, which the code matches however it is typed', async () => {
    const { code, hash } = codeIssuer().take();
    expect(hash).toMatch(/^sha256:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain(code.replace(/-/g, ''));
    expect(await codeMatches(code, hash)).toBe(true);
    expect(await codeMatches(` ${code.toLowerCase().replace(/-/g, ' ')} `, hash)).toBe(true);
    const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await codeMatches(wrong, hash)).toBe(false);
    expect(await codeMatches('', hash)).toBe(false);
    expect(await codeMatches(code, 'plain-text')).toBe(false);
  });

  it('still match the scrypt hashes kept for codes issued before', async () => {
    // K7QM2XPA9RTDWH3C under scrypt N=1024, r=8, p=1 and a salt of sixteen zero bytes.
    const { scryptSync } = await import('node:crypto');
    const key = scryptSync('K7QM2XPA9RTDWH3C', Buffer.alloc(16), 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt:1024:8:1:${Buffer.alloc(16).toString('base64')}:${key.toString('base64')}`;
    expect(await codeMatches('k7qm-2xpa-9rtd-wh3c', stored)).toBe(true);
    expect(await codeMatches('K7QM-2XPA-9RTD-WH3D', stored)).toBe(false);
  });

  it('refuse what cannot be a code: a 0, O, 1 or I, or the wrong length', () => {
    expect(normaliseCode('K7QM-2XPA-9RTD-WH3C')).toBe('K7QM2XPA9RTDWH3C');
    expect(normaliseCode('K7QM-2XPA-9RTD-WH3O')).toBeUndefined();
    expect(normaliseCode('K7QM-2XPA-9RTD-WH31')).toBeUndefined();
    expect(normaliseCode('K7QM-2XPA-9RTD')).toBeUndefined();
  });
});
