import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log';

/**
 * One line per request: method, path, status, time. Never the query string (it can hold a
 * search), and not the path of a page that does not exist, which is whatever someone typed.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path;
    const alreadySent = c.res.headers.has('x-hono-already-sent');
    const outgoing = (c.env as { outgoing?: { statusCode: number } } | undefined)?.outgoing;
    const status = alreadySent ? outgoing?.statusCode : c.res.status;
    log.info({ method: c.req.method, path: status === 404 ? '(not found)' : path, status, ms: Math.round(performance.now() - started) }, 'request');
  };
}
