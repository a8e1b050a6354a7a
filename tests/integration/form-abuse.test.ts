import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient } from '../support/form-client';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { tempDir } from '../support/temp';

const dir = tempDir();
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'abuse'), FORM_MIN_SECONDS: '1', RATE_LIMIT_REPORTS_PER_MINUTE: '0' });
});
afterAll(async () => {
  await portal.stop();
  dir.remove();
});

const answers = {
  kind: 'noise',
  postcode: 'PE1 1HQ',
  'date-day': '20',
  'date-month': '11',
  'date-year': '2026',
  ongoing: 'yes',
  description: 'Loud music',
  reportedBefore: 'no',
  contactChoice: 'anonymous',
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reports = () => {
  const db = new Database(join(dir.path, 'abuse', 'portal.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function pastTheGate() {
  const client = formClient(portal.url);
  await client.get('/report/asb');
  const { location } = await client.post('/report/asb', { action: 'gate', danger: 'no' });
  expect(location).toBe('/report/asb?step=questions');
  return client;
}

describe('forms without a CAPTCHA', () => {
  it('refuse answers sent faster than a person could type them', async () => {
    const client = await pastTheGate();
    const { res } = await client.post('/report/asb', { ...answers, action: 'check' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('We could not accept this form');
  });

  it('refuse a form whose hidden honeypot field was filled in', async () => {
    const client = await pastTheGate();
    await wait(1100);
    const { res } = await client.post('/report/asb', { ...answers, website: 'http://spam.example', action: 'check' });
    expect(res.status).toBe(400);
  });

  it('never store a report from a script that keeps no cookie', async () => {
    const before = reports();
    const client = formClient(portal.url);
    for (let i = 0; i < 3; i++) {
      client.forgetCookie();
      const { location } = await client.post('/report/asb', { ...answers, action: 'check' });
      // Its answers are shown again to check: it never reaches "send" without the draft's cookie.
      expect(location).toBe('/report/asb?step=questions');
      client.forgetCookie();
      const sent = await client.post('/report/asb', { action: 'send' });
      expect(sent.location).toBe('/report/asb');
    }
    expect(reports()).toBe(before);
  });

  it('accept the same answers from a person who took their time, and send them once', async () => {
    const before = reports();
    const client = await pastTheGate();
    await wait(1100);
    const checked = await client.post('/report/asb', { ...answers, action: 'check' });
    expect(checked.location).toBe('/report/asb?step=check');
    expect(await checked.res.text()).toContain('Check your answers before sending your report');
    const sent = await client.post('/report/asb', { action: 'send' });
    expect(sent.location).toBe('/report/asb?step=sent');
    const again = await client.post('/report/asb', { action: 'send' }); // a double click
    expect(/data-testid="reference">([^<]+)</.exec(await again.res.text())?.[1]).toBe(
      /data-testid="reference">([^<]+)</.exec(await (await client.get('/report/asb?step=sent')).text())?.[1],
    );
    expect(reports()).toBe(before + 1);
  });

  it('answer a malformed form post with a page, not a server error', async () => {
    const res = await fetch(`${portal.url}/report/asb`, {
      method: 'POST',
      headers: { origin: portal.url, 'content-type': 'multipart/form-data; boundary=nothing' },
      body: 'this is not multipart',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('We could not accept this form');
  });
});
