import type { MiddlewareHandler } from 'hono';

/**
 * One spelling per path: "//report/asb" and "/pl//report/asb" are sent (308, method and body
 * kept) to "/report/asb" and "/pl/report/asb", so limits and checks on a path cannot be
 * stepped round by writing it another way.
 */
export const normalisePath: MiddlewareHandler = async function normalisePath(c, next) {
  const url = new URL(c.req.url);
  if (!url.pathname.includes('//')) return next();
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return c.redirect(`${url.pathname}${url.search}`, 308);
};
