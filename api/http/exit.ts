import { Hono } from 'hono';

/**
 * "Exit this page" lands here first: the browser is told to forget what it holds for the portal
 * (Clear-Site-Data: storage, cache) before it is sent on to a neutral site. Works without JavaScript.
 */
export function exitRoutes(neutralUrl: string) {
  return new Hono().get('/', function exitThisPage(c) {
    c.header('Clear-Site-Data', '"cache", "storage"');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(neutralUrl, 303);
  });
}
