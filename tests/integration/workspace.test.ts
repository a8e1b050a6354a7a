import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { limiter } from '../../api/http/rate-limit';
import { log } from '../../api/log';
import { questionKey, questionsOf } from '../../api/definitions/types';
import { partnerView } from '../../api/routing/partner-view';
import { translator } from '../../i18n';
import { calendarOf } from '../../api/workspace/plan-case';
import { reminders } from '../../api/workspace/reminders';
import { workspaceRoutes } from '../../api/workspace/routes';
import { hashOf, newSecret } from '../../api/workspace/sessions';
import { staffMember } from '../../api/workspace/staff';
import { acknowledgeBy } from '../../api/workspace/working-days';
import { createWorkspace, SESSION_COOKIE } from '../../api/workspace/workspace';
import { defaultPartner } from '../support/fixtures';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

const MINUTE = 60_000;
const t = translator('en');
// As the test core's dispatcher links to the workspace.
const PUBLIC = new URL('https://portal.example.org');
// Noise on no housing provider's estate: one partner, the ASB team.
const { landlord: _landlord, ...noise } = { ...drugsOnAHousingEstate, kind: 'noise' };

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await core.close();
  await smtp?.stop();
  smtp = undefined;
});

async function setUp(smtpUrl?: string) {
  core = await createCore(smtpUrl);
  const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: PUBLIC, now: () => core.clock.now });
  const app = new Hono().route(
    '/partners',
    workspaceRoutes({ workspace, publicUrl: PUBLIC, secureCookies: true, signInLimit: limiter({ limit: 10, windowMs: MINUTE }, () => core.clock.now), clientOf: () => 'one client', log }),
  );
  const asbPartner = defaultPartner(core.routing, 'asb');
  const member = (email: string) => staffMember(core.routing, email)!;
  return { workspace, app, asbPartner, officer: member(asbPartner.staff[0]), member };
}

/** A post from the workspace's own page, with the session's cookie and token. */
function post(app: Hono, path: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = { origin: PUBLIC.origin }) {
  return app.request(`${PUBLIC.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${SESSION_COOKIE}=${cookie}`, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('promises kept: a report not acknowledged in time', () => {
  it('reminds its partner when its time runs out, then the administrators, each once, by email with no answers', async () => {
    smtp = await startSmtp();
    const { asbPartner, workspace, officer } = await setUp(smtp.url);
    const sent = await core.submit('asb', noise);
    if (!sent.ok) throw new Error('not stored');
    expect((await core.store.workspace.casesOfReport(1)).map((c) => c.partnerId)).toEqual([asbPartner.id]);
    const waiting = reminders({ store: core.store, routing: core.routing, now: () => core.clock.now });
    const dueAt = acknowledgeBy(core.clock.now, core.routing.workspace.acknowledge.workingDays.asb, calendarOf(core.routing));
    await core.dispatcher().runOnce();
    const before = smtp.received.length;

    core.clock.now = dueAt - 1;
    expect(await waiting.runOnce()).toBe(0);
    core.clock.now = dueAt;
    expect(await waiting.runOnce()).toBe(1);
    expect(await waiting.runOnce()).toBe(0);
    await core.dispatcher().runOnce();
    const reminder = smtp.received.slice(before);
    expect(reminder.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m.subject])).toEqual([[asbPartner.email, `Not yet acknowledged: ASB report ${sent.reference}`]]);
    expect(reminder[0].text).toContain(`${PUBLIC.origin}/partners/reports/${sent.reference}`);
    expect(reminder[0].text).not.toContain(drugsOnAHousingEstate.description);
    expect(await core.store.workspace.countOverdue(core.clock.now)).toBe(1);

    // A working day later, still not acknowledged: the administrators are told.
    core.clock.now = acknowledgeBy(dueAt, core.routing.workspace.acknowledge.escalateAfterWorkingDays, calendarOf(core.routing));
    expect(await waiting.runOnce()).toBe(1);
    await core.dispatcher().runOnce();
    const escalation = smtp.received.at(-1)!;
    expect(escalation.to && 'text' in escalation.to ? escalation.to.text : '').toBe(core.routing.partnership.adminEmail);
    expect(escalation.subject).toBe(`Overdue at ${asbPartner.name}: ASB report ${sent.reference}`);
    expect(escalation.text).not.toContain(drugsOnAHousingEstate.description);

    // Acknowledged at last: no longer overdue, and nothing more is sent.
    expect(await workspace.casework.acknowledge(officer, sent.reference)).toEqual({ ok: true });
    expect(await core.store.workspace.countOverdue(core.clock.now)).toBe(0);
    core.clock.now += 30 * 24 * 60 * MINUTE;
    expect(await waiting.runOnce()).toBe(0);
  });

  it('tells a partner that reads reports in the workspace only that one waits, where and by when', async () => {
    smtp = await startSmtp();
    const { asbPartner } = await setUp(smtp.url);
    asbPartner.mail = 'notify';
    const sent = await core.submit('asb', { ...drugsOnAHousingEstate, postcode: 'PE1 1HQ' });
    if (!sent.ok) throw new Error('not stored');
    await core.dispatcher().runOnce();
    const mail = smtp.received.find((m) => m.to && 'text' in m.to && m.to.text === asbPartner.email)!;
    expect(mail.subject).toBe(`ASB report ${sent.reference} waits for ${asbPartner.name} in the workspace`);
    expect(mail.text).toContain('from PE1');
    expect(mail.text).toContain(`${PUBLIC.origin}/partners/reports/${sent.reference}`);
    for (const answer of [drugsOnAHousingEstate.description, drugsOnAHousingEstate.location, 'PE1 1HQ']) expect(mail.text).not.toContain(answer);
    expect(mail.html).not.toContain(drugsOnAHousingEstate.description);
  });
});

describe('sessions', () => {
  it('end after 30 minutes idle, and after 12 hours however busy', async () => {
    const { workspace, officer } = await setUp();
    const idle = await workspace.sessions.start(officer.email);
    core.clock.now += 29 * MINUTE;
    expect((await workspace.signedIn(idle))?.member.email).toBe(officer.email);
    core.clock.now += 30 * MINUTE + 1;
    expect(await workspace.signedIn(idle)).toBeUndefined();

    const busy = await workspace.sessions.start(officer.email);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      core.clock.now += 20 * MINUTE;
      expect(await workspace.signedIn(busy), `after ${elapsed + 20} minutes`).toBeDefined();
    }
    core.clock.now += 21 * MINUTE;
    expect(await workspace.signedIn(busy)).toBeUndefined();
  });

  it('end on every device at once, and for someone taken off the partnership file', async () => {
    const { workspace, officer, asbPartner } = await setUp();
    const phone = await workspace.sessions.start(officer.email);
    const laptop = await workspace.sessions.start(officer.email);
    expect(await workspace.sessions.endEverywhere(officer.email)).toBe(2);
    expect([await workspace.signedIn(phone), await workspace.signedIn(laptop)]).toEqual([undefined, undefined]);
    const again = await workspace.sessions.start(officer.email);
    asbPartner.staff = asbPartner.staff.filter((e) => e !== officer.email);
    expect(await workspace.signedIn(again)).toBeUndefined();
  });
});

describe('invitations', () => {
  it('last 24 hours, and say so in one line when expired', async () => {
    const { workspace, officer, asbPartner } = await setUp();
    const token = newSecret();
    await core.store.workspace.invite({ hash: hashOf(token), email: officer.email, partnerId: asbPartner.id, now: core.clock.now, expiresAt: core.clock.now + 24 * 60 * MINUTE, link: '{}' });
    expect(await workspace.passkeys.invitation(token)).toEqual({ email: officer.email });
    core.clock.now += 24 * 60 * MINUTE;
    expect(await workspace.passkeys.invitation(token)).toEqual({ error: 'This invitation has expired: it lasted 24 hours. Ask your administrator for a new one.' });
    expect(await workspace.passkeys.invitation(newSecret())).toEqual({ error: 'This invitation link is not valid. Ask your administrator for a new one.' });
  });
});

describe('the workspace’s posts', () => {
  it('need the portal’s origin and the session’s own token, and change nothing otherwise', async () => {
    const { app, workspace, officer } = await setUp();
    const sent = await core.submit('asb', drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('not stored');
    const cookie = await workspace.sessions.start(officer.email);
    const { csrf } = (await workspace.signedIn(cookie))!;
    const path = `/partners/reports/${sent.reference}`;
    const status = async () => (await core.store.workspace.caseOf(sent.reference, officer.partner!.id))!.status;

    expect((await post(app, path, cookie, { action: 'acknowledge', csrf }, { origin: 'https://evil.example.org' })).status).toBe(403);
    expect((await post(app, path, cookie, { action: 'acknowledge', csrf }, {})).status).toBe(403);
    expect((await post(app, path, cookie, { action: 'acknowledge', csrf: 'x'.repeat(csrf.length) })).status).toBe(403);
    expect((await post(app, path, await workspace.sessions.start(officer.email), { action: 'acknowledge', csrf })).status).toBe(403);
    expect(await status()).toBe('new');

    // A browser's own form post: no referrer, so Origin null, vouched for by Sec-Fetch-Site.
    const done = await post(app, path, cookie, { action: 'acknowledge', csrf }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${path}?done=acknowledge`);
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(await status()).toBe('acknowledged');

    const missing = await post(app, path, cookie, { action: 'close', csrf });
    expect(missing.headers.get('location')).toBe(`${path}?error=outcome`);
    expect(await status()).toBe('acknowledged');

    core.clock.now += 31 * MINUTE;
    const expired = await post(app, path, cookie, { action: 'close', outcome: 'resolved', csrf });
    expect(expired.headers.get('location')).toBe('/partners/sign-in?expired=1');
    expect(await status()).toBe('acknowledged');
  });

  it('limit sign-in attempts from one client', async () => {
    const { app } = await setUp();
    const attempt = () =>
      app.request(`${PUBLIC.origin}/partners/passkeys/sign-in/options`, { method: 'POST', headers: { origin: PUBLIC.origin, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'someone@example.org' }) });
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(200);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
  });
});

describe('a report at each partner', () => {
  const support = () => core.byId('hate-crime').examples.valid.find((e) => e.answers.consentVictimsHub === 'yes')!.answers;

  it('shows a partner exactly its own answers, as its email does, and records every view without the answers', async () => {
    const { workspace, member } = await setUp();
    const sent = await core.submit('hate-crime', support());
    if (!sent.ok) throw new Error('not stored');
    const report = (await core.store.reportByReference(sent.reference))!;
    for (const c of await core.store.workspace.casesOfReport(report.id)) {
      const staff = core.routing.partners.find((p) => p.id === c.partnerId)!.staff[0];
      if (!staff) continue;
      const opened = (await workspace.casework.open(member(staff), sent.reference))!;
      expect(opened.view).toEqual(partnerView(core.byId('hate-crime'), report, c.fields));
    }
    const restricted = (await core.store.workspace.casesOfReport(report.id)).find((c) => c.fields)!;
    expect(restricted, 'the fixture routes this report to a partner with fields').toBeDefined();
    // Not one question outside its fields, answered or not.
    const definition = core.byId('hate-crime');
    const view = partnerView(definition, report, restricted.fields);
    const allowed = questionsOf(definition).filter((q) => restricted.fields!.includes(q.id)).map((q) => t(`${questionKey(definition, q.id)}.short`));
    const shown = [...view.safeContact, ...view.answers].map((l) => l.label);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((label) => !allowed.includes(label))).toEqual([]);
    const audit = JSON.stringify(await core.store.workspace.auditOf(sent.reference));
    expect(audit).toContain('viewed');
    for (const value of Object.values(support()).filter((v) => typeof v === 'string' && v.length > 8)) expect(audit).not.toContain(value);
  });

  it('passes a report on with a reason: the receiver gets it by email and in its inbox with only its own fields; the reason stays a note', async () => {
    smtp = await startSmtp();
    const { workspace, asbPartner, officer } = await setUp(smtp.url);
    const sent = await core.submit('asb', noise);
    if (!sent.ok) throw new Error('not stored');
    // A partner no ASB rule names: it may see only how to contact the reporter safely.
    const receiver = core.routing.partners.find((p) => !core.routing.rules.some((r) => r.report === 'asb' && r.to.includes(p.id)))!;
    const reason = 'Not ours: the caller describes a fraud';
    expect(await workspace.casework.passOn(officer, sent.reference, asbPartner.id, reason)).toEqual({ ok: false, error: 'receiver' });
    expect(await workspace.casework.passOn(officer, sent.reference, receiver.id, '  ')).toEqual({ ok: false, error: 'reason-empty' });
    expect(await workspace.casework.passOn(officer, sent.reference, receiver.id, reason)).toEqual({ ok: true });
    expect(await core.store.workspace.caseOf(sent.reference, asbPartner.id)).toMatchObject({ status: 'closed', outcome: 'passed-on' });
    const passed = (await core.store.workspace.caseOf(sent.reference, receiver.id))!;
    expect(passed).toMatchObject({ status: 'new', passedFrom: asbPartner.id, fields: core.byId('asb').printFirst });
    expect((await workspace.casework.inbox({ email: 'x@example.org', partner: receiver, admin: false }, {})).map((c) => c.reference)).toContain(sent.reference);
    expect(await workspace.casework.passOn(officer, sent.reference, receiver.id, reason)).toEqual({ ok: false, error: 'closed' });

    await core.dispatcher().runOnce();
    const email = smtp.received.find((m) => m.to && 'text' in m.to && m.to.text === receiver.email)!;
    expect(email.text).not.toContain(drugsOnAHousingEstate.description);
    expect(email.text).not.toContain(reason);
    expect(await core.store.workspace.notesOf(passed)).toEqual([]);
    expect((await core.store.workspace.notesOf({ reportId: passed.reportId, partnerId: asbPartner.id }))[0].body).toContain(reason);
  });
});
