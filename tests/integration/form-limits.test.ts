import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drugsOnAHousingEstate } from '../support/core';
import { formClient } from '../support/form-client';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { tempDir } from '../support/temp';
import pl from '../../i18n/pl.json';

const dir = tempDir();
let portal: PortalProcess | undefined;
afterEach(async () => {
  await portal?.stop();
  portal = undefined;
});

const start = async (name: string, env: Record<string, string>) =>
  (portal = await startPortalProcess({ DATA_DIR: join(dir.path, name), FORM_MIN_SECONDS: '0', ...env }));

const noise = {
  kind: 'noise',
  postcode: 'PE1 1HQ',
  'date-day': '20',
  'date-month': '11',
  'date-year': '2026',
  ongoing: 'yes',
  description: 'Muzyka całą noc',
  reportedBefore: 'no',
  contactChoice: 'anonymous',
};
const form = '/pl/report/asb';

describe('a person correcting their answers', () => {
  it('can take any number of steps: only "send" counts as a report, and a limited send keeps the answers', async () => {
    const { url } = await start('steps', { RATE_LIMIT_REPORTS_PER_MINUTE: '2' });
    const sendOne = async (steps: number) => {
      const client = formClient(url);
      await client.post(form, { action: 'gate', danger: 'no' });
      for (let i = 0; i < steps; i++) await client.post(form, { ...noise, postcode: 'not a postcode', action: 'check' });
      expect((await client.post(form, { ...noise, action: 'check' })).location).toBe(`${form}?step=check`);
      return { client, sent: await client.post(form, { action: 'send' }) };
    };
    expect((await sendOne(15)).sent.location).toBe(`${form}?step=sent`);
    expect((await sendOne(3)).sent.location).toBe(`${form}?step=sent`);
    const third = await sendOne(0);
    expect(third.sent.res.status).toBe(429);
    const page = await third.sent.res.text();
    expect(page).toContain('lang="pl"');
    expect(page).toContain(pl['form.limited.title']);
    expect(page).toContain('Muzyka całą noc'); // the answers are kept, ready to send again
    // The API shares the one allowance: a script cannot switch channels to get more.
    const api = await fetch(`${url}/api/reports/asb`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(drugsOnAHousingEstate),
    });
    expect(api.status).toBe(429);
  });

  it('meets a generous limit on steps with a page in their language, and loses nothing', async () => {
    const { url } = await start('busy', { RATE_LIMIT_FORM_STEPS_PER_MINUTE: '4' });
    const client = formClient(url);
    await client.post(form, { action: 'gate', danger: 'no' });
    for (let i = 0; i < 3; i++) await client.post(form, { ...noise, postcode: 'nope', action: 'check' });
    const { res } = await client.post(form, { ...noise, action: 'check' });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain(pl['form.busy.title']);
    const kept = await (await client.get(`${form}?step=questions`)).text();
    expect(kept).toContain('Muzyka całą noc');
  });

  it('spells every path one way: //report/asb and /pl//report/asb are sent to the one page, and its limits', async () => {
    const { url } = await start('paths', { RATE_LIMIT_REPORTS_PER_MINUTE: '1' });
    for (const [path, to] of [['//report/asb', '/report/asb'], ['///pl/report/asb', '/pl/report/asb'], ['/pl//report/asb?step=check', '/pl/report/asb?step=check']]) {
      const res = await fetch(`${url}${path}`, { method: 'POST', redirect: 'manual', headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=send' });
      expect(res.status, path).toBe(308); // method and body kept: the post goes on to the page, and its limits
      expect(res.headers.get('location'), path).toBe(to);
    }
    const api = await fetch(`${url}//api/reports/asb`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: JSON.stringify(drugsOnAHousingEstate) });
    expect(api.status).toBe(308);
    expect(api.headers.get('location')).toBe('/api/reports/asb');
  });
});

describe('clients behind a reverse proxy', () => {
  const post = (url: string, forwardedFor: string) =>
    fetch(`${url}/api/reports/asb`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify(drugsOnAHousingEstate),
    });

  it('are told apart by X-Forwarded-For only when the proxy is trusted (TRUST_PROXY)', async () => {
    const { url } = await start('proxy', { RATE_LIMIT_REPORTS_PER_MINUTE: '1', TRUST_PROXY: 'loopback' });
    expect((await post(url, '203.0.113.7')).status).toBe(201);
    expect((await post(url, '203.0.113.8')).status).toBe(201);
    expect((await post(url, '203.0.113.7')).status).toBe(429);
  });

  it('share one allowance when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const { url } = await start('no-proxy', { RATE_LIMIT_REPORTS_PER_MINUTE: '1' });
    expect((await post(url, '203.0.113.7')).status).toBe(201);
    expect((await post(url, '203.0.113.8')).status).toBe(429);
  });
});
