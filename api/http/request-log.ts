import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';

/**
 * One line per request: method, path, status, time. Never the query string (it can hold a
 * search). The path itself only for a request that was answered (a real page or endpoint):
 * one that was refused, too large, limited or not found can be whatever someone typed, so it is
 * logged by the shape of the route it reached instead.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    // An invitation's link opens a workspace account: its token is never written down.
    const full = c.req.path.replace(/^\/partners\/invitation\/[^/]*/, '/partners/invitation/(token)');
    const path = full.length > 200 ? `${full.slice(0, 200)}…` : full;
    const alreadySent = c.res.headers.has('x-hono-already-sent');
    const outgoing = (c.env as { outgoing?: { statusCode: number } } | undefined)?.outgoing;
    const status = alreadySent ? outgoing?.statusCode : c.res.status;
    const shown = status === 404 ? '(not found)' : status !== undefined && status < 300 ? path : `(route ${c.req.routePath})`;
    log.info({ method: c.req.method, path: shown, status, ms: Math.round(performance.now() - started) }, 'request');
  };
}
