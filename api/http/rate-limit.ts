import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors';

export interface RateLimit {
  /** Requests allowed per client per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
}

/** Takes one from a client's allowance: undefined if allowed, else the seconds until it may try again. */
export type Limiter = (client: string) => Promise<number | undefined>;

/** A fixed window per client, in memory: enough to slow a script flooding one portal process. */
export function limiter({ limit, windowMs }: RateLimit, now: () => number = Date.now): Limiter {
  const windows = new Map<string, { start: number; count: number }>();
  return async function take(client) {
    if (limit <= 0) return undefined;
    const t = now();
    let window = windows.get(client);
    if (!window || t - window.start >= windowMs) {
      if (windows.size > 100_000) windows.clear(); // bounded memory under a flood of addresses
      window = { start: t, count: 0 };
      windows.set(client, window);
    }
    window.count++;
    return window.count > limit ? Math.max(1, Math.ceil((window.start + windowMs - t) / 1000)) : undefined;
  };
}

/** Answers 429 with Retry-After, in the API's error shape, once a client has used its allowance. */
export function rateLimit(take: Limiter, clientOf: (c: Parameters<MiddlewareHandler>[0]) => string): MiddlewareHandler {
  return async function limitRate(c, next) {
    const retryAfter = await take(clientOf(c));
    if (retryAfter === undefined) return next();
    c.header('Retry-After', String(retryAfter));
    return errorResponse(c, 429, [{ path: '', message: 'Too many requests from this device. Wait a minute, then try again.' }]);
  };
}
