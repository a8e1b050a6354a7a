import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Limiter } from '../http/rate-limit';
import type { Logger } from '../log';
import type { ExportFormat } from './export';
import { sameToken, LONGEST_MS } from './sessions';
import { staffMember, type StaffMember } from './staff';
import { SESSION_COOKIE, type Workspace } from './workspace';

export interface WorkspaceRouteDeps {
  workspace: Workspace;
  publicUrl: URL;
  secureCookies: boolean;
  /** Sign-in attempts per client. */
  signInLimit: Limiter;
  clientOf: (c: Context) => string;
  log: Logger;
}

// No copy kept by a browser or proxy, no search engine listing.
const PRIVATE = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

type Env = { Variables: { staff: StaffMember; csrf: string } };

/**
 * The workspace's actions (/partners/…): passkey ceremonies as JSON, everything else as form
 * posts answered by a redirect to a page (the pages are Astro's). Nothing here is cached or
 * indexed, every post must come from the portal's own origin, and every post after sign-in
 * carries the session's token.
 */
export function workspaceRoutes(deps: WorkspaceRouteDeps) {
  const { workspace } = deps;
  const app = new Hono<Env>();
  const cookie = { path: '/partners', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies } as const;

  app.use(async function privateToStaff(c, next) {
    // Set on the socket too: the pages are Astro's, written straight to it.
    const outgoing = (c.env as { outgoing?: { setHeader(name: string, value: string): void } } | undefined)?.outgoing;
    for (const [name, value] of Object.entries(PRIVATE)) outgoing?.setHeader(name, value);
    await next();
    if (!c.res.headers.has('x-hono-already-sent')) for (const [name, value] of Object.entries(PRIVATE)) c.res.headers.set(name, value);
  });
  app.use(async function sameOrigin(c, next) {
    if (c.req.method !== 'POST') return next();
    // Pages here send no referrer, so a browser's form posts say "Origin: null"; the browser's own
    // Sec-Fetch-Site, which no page can forge, then vouches for them.
    const origin = c.req.header('origin');
    const sameSite = origin === deps.publicUrl.origin || (c.req.header('sec-fetch-site') === 'same-origin' && (origin === undefined || origin === 'null'));
    if (!sameSite) return c.text('This form must be sent from the workspace itself.', 403);
    return next();
  });

  const limited: MiddlewareHandler = async (c, next) => {
    const wait = await deps.signInLimit(deps.clientOf(c));
    if (wait === undefined) return next();
    c.header('Retry-After', String(wait));
    return c.json({ error: 'Too many attempts to sign in from this device. Wait a minute, then try again.' }, 429);
  };
  const json = async (c: Context): Promise<Record<string, unknown>> => {
    try {
      const body: unknown = await c.req.json();
      return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const audit = (actor: string, partnerId: string | undefined, action: string, detail?: string) =>
    workspace.audit({ at: workspace.now(), actor, ...(partnerId && { partnerId }), action, ...(detail && { detail }) });
  const signIn = async (c: Context, email: string, action: string) => {
    setCookie(c, SESSION_COOKIE, await workspace.sessions.start(email), { ...cookie, maxAge: LONGEST_MS / 1000 });
    const member = staffMember(workspace.routing, email)!;
    await audit(email, member.partner?.id, action);
    return c.json({ next: member.partner ? '/partners' : '/partners/admin' });
  };

  app.post('/passkeys/register/options', limited, async (c) => {
    const { token } = await json(c);
    const result = await workspace.passkeys.registrationOptions(typeof token === 'string' ? token : '');
    return 'error' in result ? c.json({ error: result.error }, 400) : c.json(result);
  });
  app.post('/passkeys/register', limited, async (c) => {
    const { ceremony, response } = await json(c);
    const result = await workspace.passkeys.register(ceremony, response as never);
    if (!result.ok) return c.json({ error: result.error }, 400);
    return signIn(c, result.email, 'registered a passkey and signed in');
  });
  app.post('/passkeys/sign-in/options', limited, async (c) => {
    const { email } = await json(c);
    if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email.trim())) return c.json({ error: 'Enter your work email address, like name@example.org.' }, 400);
    return c.json(await workspace.passkeys.signInOptions(email));
  });
  app.post('/passkeys/sign-in', limited, async (c) => {
    const { ceremony, response } = await json(c);
    const result = await workspace.passkeys.signIn(ceremony, response as never);
    if (!result.ok) {
      await audit('unknown', undefined, 'refused sign-in', result.error);
      return c.json({ error: result.error }, 400);
    }
    return signIn(c, result.email, 'signed in');
  });

  // Without JavaScript the sign-in form posts here: a passkey needs it, so the page says so.
  app.post('/sign-in', (c) => c.redirect('/partners/sign-in?no-script=1', 303));

  // Everything below needs a live session and the token it gave its pages.
  app.use(async function signedIn(c, next) {
    if (c.req.method !== 'POST') return next();
    const session = await workspace.signedIn(getCookie(c, SESSION_COOKIE));
    if (!session) return c.redirect('/partners/sign-in?expired=1', 303);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!sameToken((form as Record<string, unknown>).csrf, session.csrf)) return c.text('This form has expired. Go back, reload the page and try again.', 403);
    c.set('staff', session.member);
    c.set('csrf', session.csrf);
    await next();
  });

  app.post('/sign-out', async (c) => {
    const id = getCookie(c, SESSION_COOKIE)!;
    await workspace.sessions.end(id);
    deleteCookie(c, SESSION_COOKIE, cookie);
    await audit(c.get('staff').email, c.get('staff').partner?.id, 'signed out');
    return c.redirect('/partners/sign-in?signed-out=1', 303);
  });
  app.post('/sign-out-everywhere', async (c) => {
    const staff = c.get('staff');
    const ended = await workspace.sessions.endEverywhere(staff.email);
    deleteCookie(c, SESSION_COOKIE, cookie);
    await audit(staff.email, staff.partner?.id, 'signed out everywhere', `${ended} sessions`);
    return c.redirect('/partners/sign-in?signed-out=everywhere', 303);
  });

  app.post('/reports/:reference', async (c) => {
    const staff = c.get('staff');
    const reference = c.req.param('reference');
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const { casework } = workspace;
    const steps: Record<string, () => ReturnType<typeof casework.acknowledge>> = {
      acknowledge: () => casework.acknowledge(staff, reference),
      start: () => casework.start(staff, reference),
      close: () => casework.close(staff, reference, form.outcome),
      assign: () => casework.assign(staff, reference, form.assignee),
      // A note or a message to the reporter, chosen explicitly: never one by default.
      write: () =>
        form.audience === 'reporter'
          ? casework.message(staff, reference, form.text)
          : form.audience === 'partner'
            ? casework.note(staff, reference, form.text)
            : Promise.resolve({ ok: false, error: 'audience' }),
      'pass-on': () => casework.passOn(staff, reference, form.to, form.reason),
    };
    const action = typeof form.action === 'string' ? form.action : '';
    const step = steps[action];
    if (!step) return c.text('Unknown action.', 400);
    const done = await step();
    if (!done.ok && done.error === 'not-found') return c.text('No such report in your inbox.', 404);
    const page = `/partners/reports/${encodeURIComponent(reference)}`;
    if (done.ok) deps.log.info({ action, partner: staff.partner?.id }, 'workspace action');
    const named = action === 'write' ? (form.audience === 'reporter' ? 'message' : 'note') : action;
    return c.redirect(done.ok ? `${page}?done=${named}` : `${page}?error=${done.error}`, 303);
  });

  // A partner's own reports as a download; refused as the inbox page refuses.
  const exportAs = (format: ExportFormat) =>
    async function exportReports(c: Context) {
      const session = await workspace.signedIn(getCookie(c, SESSION_COOKIE));
      if (!session) return c.redirect('/partners/sign-in?expired=1', 303);
      const { partner, email } = session.member;
      if (!partner) return c.redirect('/partners/admin', 303);
      const file = await workspace.exports.file(email, partner, format);
      deps.log.info({ action: 'export', format, partner: partner.id, reports: file.count }, 'workspace export');
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"` });
    };
  app.get('/export.csv', exportAs('csv'));
  app.get('/export.json', exportAs('json'));

  return app;
}
