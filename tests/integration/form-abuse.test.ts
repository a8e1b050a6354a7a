import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  danger: 'no',
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

async function startedToken(): Promise<string> {
  const html = await (await fetch(`${portal.url}/report/asb`)).text();
  return /name="started" value="([^"]+)"/.exec(html)![1];
}

const post = (fields: Record<string, string>) =>
  fetch(`${portal.url}/report/asb`, {
    method: 'POST',
    headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('forms without a CAPTCHA', () => {
  it('refuse answers sent faster than a person could type them', async () => {
    const res = await post({ ...answers, started: await startedToken(), action: 'check' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('We could not accept this form');
  });

  it('refuse a form whose hidden honeypot field was filled in', async () => {
    const started = await startedToken();
    await new Promise((r) => setTimeout(r, 1100));
    const res = await post({ ...answers, started, website: 'http://spam.example', action: 'check' });
    expect(res.status).toBe(400);
  });

  it('refuse a forged or missing start time', async () => {
    expect((await post({ ...answers, started: '1000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', action: 'check' })).status).toBe(400);
    expect((await post({ ...answers, action: 'check' })).status).toBe(400);
  });

  it('accept the same answers from a person who took their time', async () => {
    const started = await startedToken();
    await new Promise((r) => setTimeout(r, 1100));
    const res = await post({ ...answers, started, action: 'check' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your answers before sending your report');
  });
});
