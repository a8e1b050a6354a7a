import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formClient } from '../support/form-client';
import { partnershipFileWith } from '../support/partnership-file';
import { freePort, startPortalProcess } from '../support/portal-process';
import { searchResults } from '../support/search-client';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);

// A string that appears nowhere but where this test typed it.
const CANARY = `canary${Date.now()}zq`;

describe('logs', () => {
  it('never hold what anyone typed, whatever the channel, even when mail fails', async () => {
    const downSmtp = `smtp://127.0.0.1:${await freePort()}`;
    const file = partnershipFileWith(dir.path, { sections: { open311: { clients: [{ id: 'fixmystreet', name: 'FixMyStreet', services: ['asb'] }] } } });
    const key = `key-${CANARY}-0123456789abcdef0123456789`;
    const portal = await startPortalProcess({
      PARTNERSHIP_FILE: file,
      OPEN311_KEY_FIXMYSTREET: key,
      DATA_DIR: join(dir.path, 'logs'),
      SMTP_URL: downSmtp,
      RETRY_BASE_SECONDS: '1',
      FORM_MIN_SECONDS: '0',
      RATE_LIMIT_REPORTS_PER_MINUTE: '0',
      RATE_LIMIT_CHAT_PER_MINUTE: '0',
      LOG_LEVEL: 'debug',
    });
    try {
      const json = (path: string, body: unknown) =>
        fetch(`${portal.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // The API: valid, invalid, and in danger.
      const report = {
        danger: 'no',
        kind: 'noise',
        location: `Street of ${CANARY}`,
        date: '2026-11-20',
        ongoing: 'no',
        description: `${CANARY} shouting`,
        reportedBefore: 'no',
        contactChoice: 'contact',
        name: CANARY,
        email: `${CANARY}@example.org`,
        phone: '07700 900123',
      };
      expect((await json('/api/reports/asb', report)).status).toBe(201);
      expect((await json('/api/reports/asb', { ...report, date: CANARY })).status).toBe(400);
      expect((await json('/api/reports/hate-crime', { danger: 'yes', description: CANARY })).status).toBe(422);
      expect((await json('/api/reports/asb', { [CANARY]: CANARY })).status).toBe(400);
      // The form, step by step.
      const client = formClient(portal.url);
      await client.post('/report/asb', { action: 'gate', danger: 'no' });
      const { date: _date, danger: _danger, ...fields } = report;
      await client.post('/report/asb', { ...fields, description: '', action: 'check' }); // an error first
      await client.post('/report/asb', { ...fields, 'date-day': '20', 'date-month': '11', 'date-year': '2026', action: 'check' });
      expect(await (await client.post('/report/asb', { action: 'send' })).res.text()).toContain('data-testid="reference"');
      // What an attacker puts in an address: refused, too large, from another site, limited.
      expect((await fetch(`${portal.url}/report/${CANARY}`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: 'a=b' })).status).toBe(403);
      expect(
        (await fetch(`${portal.url}/pl/${CANARY}`, { method: 'POST', headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(70_000) })).status,
      ).toBe(413);
      expect((await fetch(`${portal.url}//${CANARY}`, { redirect: "manual" })).status).toBe(308);
      // Open311, accepted and refused, and a case system with a wrong token.
      const open311 = (fields: Record<string, string>) => fetch(`${portal.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams(fields) });
      const fms = { api_key: key, service_code: 'asb', 'attribute[danger]': 'no', 'attribute[kind]': 'noise', 'attribute[date]': '2026-11-20', 'attribute[ongoing]': 'no', 'attribute[reportedBefore]': 'no', 'attribute[contactChoice]': 'anonymous', description: `${CANARY} music`, address_string: `${CANARY} Row` };
      expect((await open311(fms)).status).toBe(200);
      expect((await open311({ ...fms, 'attribute[date]': CANARY })).status).toBe(400);
      expect((await open311({ ...fms, api_key: CANARY })).status).toBe(403);
      expect((await fetch(`${portal.url}/api/case-systems/reports/ASB-AAAA-BBBB/status`, { method: 'POST', headers: { authorization: `Bearer ${CANARY}` }, body: CANARY })).status).toBe(401);
      // The chat, and search.
      expect((await json('/api/chat', { type: 'message', text: `${CANARY} my neighbour`, user: 'canary-user-1', channel: 'webhook' })).status).toBe(200);
      expect((await searchResults(portal.url, '/search', CANARY)).status).toBe(200);
      expect((await fetch(`${portal.url}/api/search/urgent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en', query: `${CANARY} knife` }) })).status).toBe(200);
      expect((await fetch(`${portal.url}/${CANARY}`)).status).toBe(404);
      // Let the outbox fail and retry at least once.
      await new Promise((r) => setTimeout(r, 2500));
      const output = portal.output();
      expect(output).toMatch(/"msg":"delivery will be retried"/);
      expect(output).toMatch(/"msg":"request"/);
      // A form's report is logged as the API's are: by type, outcome and reference.
      expect(output).toMatch(/"form":"asb","result":"sent","reference":"ASB-[A-Z0-9]{4}-[A-Z0-9]{4}","msg":"form report"/);
      expect(output.split('\n').filter((line) => line.includes(CANARY))).toEqual([]);
    } finally {
      await portal.stop();
    }
  }, 60_000);
});
