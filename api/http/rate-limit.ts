import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './errors';

export interface RateLimit {
  /** Requests allowed per client per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
}

/** The client's address as the server sees it (a proxy in front must pass it on: set one up to). */
function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * A fixed window per client, in memory: enough to slow a script flooding one portal process.
 * Answers 429 with Retry-After, in the API's error shape.
 */
export function rateLimit({ limit, windowMs }: RateLimit, now: () => number = Date.now): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async function limitRate(c, next) {
    if (limit <= 0) return next();
    const t = now();
    const key = clientOf(c);
    let window = windows.get(key);
    if (!window || t - window.start >= windowMs) {
      if (windows.size > 100_000) windows.clear(); // bounded memory under a flood of addresses
      window = { start: t, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count > limit) {
      c.header('Retry-After', String(Math.ceil((window.start + windowMs - t) / 1000)));
      return errorResponse(c, 429, [{ path: '', message: 'Too many requests from this device. Wait a minute, then try again.' }]);
    }
    return next();
  };
}
