export interface RetryPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  /** Longest delay between two attempts. */
  capMs: number;
  /** Attempts in all before a delivery is marked failed. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 15_000, capMs: 300_000, maxAttempts: 10 };

/**
 * Delay after the given failed attempt (1-based): 15 s, 30 s, 1 min, 2 min, 4 min, then 5 min;
 * longer if the receiver asked for longer (a case system's Retry-After), never shorter, so a
 * "Retry-After: 0" cannot spend every attempt in a second.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, askedMs = 0): number {
  return Math.max(askedMs, Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
}

/** SMTP 5xx is a permanent refusal, as is a case system's 4xx; other 4xx, timeouts and connection errors may pass. */
export function isPermanent(err: unknown): boolean {
  if ((err as { permanent?: unknown })?.permanent === true) return true;
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function describeError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [e?.responseCode, e?.code, typeof e?.message === 'string' ? e.message : String(err)];
  return parts.filter((p) => p !== undefined && p !== null && p !== '').join(' ').slice(0, 500);
}
