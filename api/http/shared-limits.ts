import { createHmac } from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limiter, RateLimit } from './rate-limit';

/**
 * Limits every process on one PostgreSQL database shares (rate-limiter-flexible's table), so
 * two processes behind a load balancer do not double each allowance. A client's address is kept
 * only as a keyed hash, until its window ends.
 */
export function sharedLimits(pool: pg.Pool, secret: Buffer): (name: string, rate: RateLimit) => Limiter {
  // One table for all of them (the store makes it with its schema): the library names its
  // prepared statements by kind, not by table.
  return (name, { limit, windowMs }) => {
    const limiter = new RateLimiterPostgres({ storeClient: pool, tableName: 'rate_limits', tableCreated: true, keyPrefix: name, points: limit, duration: windowMs / 1000 });
    return async (client) => {
      if (limit <= 0) return undefined;
      try {
        await limiter.consume(createHmac('sha256', secret).update(client).digest('base64url'));
        return undefined;
      } catch (res) {
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw res;
      }
    };
  };
}
