import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelay } from '../../../api/outbox/backoff';
import { retryAfterMs } from '../../../api/outbox/webhook';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('when a delivery is tried again', () => {
  it('backs off 15 s, 30 s, 1 min … up to 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelay(defaultRetryPolicy, n) / 1000)).toEqual([15, 30, 60, 120, 240, 300, 300]);
  });

  it('waits as long as a case system asks (Retry-After), but never less than the back-off', () => {
    expect(retryDelay(defaultRetryPolicy, 1, 120_000)).toBe(120_000);
    // "Retry-After: 0" must not spend every attempt in one second.
    expect(retryDelay(defaultRetryPolicy, 1, 0)).toBe(15_000);
    expect(retryDelay(defaultRetryPolicy, 6, 20_000)).toBe(300_000);
  });

  it('reads Retry-After in seconds or as an HTTP date, and at most a day', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 12:05:00 GMT', NOW)).toBe(300_000);
    expect(retryAfterMs('Mon, 30 Nov 2026 12:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('9999999', NOW)).toBe(86_400_000);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(null, NOW)).toBeUndefined();
  });
});
