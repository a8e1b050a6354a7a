import { Hono } from 'hono';
import { getCookie, deleteCookie } from 'hono/cookie';
import { isDraftToken } from '../../site/lib/form-draft';

/** A cookie's random token, and how to delete on the server what it stands for. */
export interface LeftBehind {
  cookie: string;
  forget(token: string): Promise<void>;
}

/**
 * "Exit this page" lands here first: what each of the portal's cookies stands for on the server
 * (a report form's answers, a report opened to follow it up, what was searched for) is deleted,
 * and the browser is told to forget what it holds for the portal (Clear-Site-Data) before it is
 * sent on to a neutral site. Works without JavaScript. A Back press afterwards finds nothing.
 */
export function exitRoutes(neutralUrl: string, leftBehind: LeftBehind[]) {
  return new Hono().get('/', async function exitThisPage(c) {
    for (const { cookie, forget } of leftBehind) {
      const token = getCookie(c, cookie);
      if (isDraftToken(token)) await forget(token);
      deleteCookie(c, cookie, { path: '/' });
    }
    c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(neutralUrl, 303);
  });
}
