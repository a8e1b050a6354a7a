import { Hono } from 'hono';
import { getCookie, deleteCookie } from 'hono/cookie';
import { DRAFT_COOKIE, isDraftToken, type FormDraftStore } from '../../site/lib/form-draft';
import { FOLLOW_UP_COOKIE, type FollowUpSessionStore } from '../../site/lib/follow-up-session';

/**
 * "Exit this page" lands here first: any report form's answers, and any report opened to follow
 * it up, are deleted on the server, and
 * the browser is told to forget what it holds for the portal (Clear-Site-Data) before it is
 * sent on to a neutral site. Works without JavaScript. A Back press afterwards finds nothing.
 */
export function exitRoutes(neutralUrl: string, drafts: FormDraftStore, followUps?: FollowUpSessionStore) {
  return new Hono().get('/', async function exitThisPage(c) {
    const token = getCookie(c, DRAFT_COOKIE);
    if (isDraftToken(token)) await drafts.forget(token);
    deleteCookie(c, DRAFT_COOKIE, { path: '/' });
    // A report opened on the follow-up page is closed too.
    const followUp = getCookie(c, FOLLOW_UP_COOKIE);
    if (isDraftToken(followUp)) await followUps?.forget(followUp);
    deleteCookie(c, FOLLOW_UP_COOKIE, { path: '/' });
    c.header('Clear-Site-Data', '"cache", "cookies", "storage"');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(neutralUrl, 303);
  });
}
