import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drugsOnAHousingEstate } from '../support/core';
import { failedStart, freePort, startPortalProcess } from '../support/portal-process';
import { startSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);

describe('starting the server', () => {
  it('stops with one clear line when a setting is wrong', async () => {
    const { code, stderr } = await failedStart({ PORT: 'eighty', DATA_DIR: dir.path });
    expect(code).toBe(1);
    expect(stderr).toBe('Cannot start: environment variable PORT: must be a whole number\n');
  });

  it('stops with one clear line naming the file, and every mistake with its line and field, when the routing file is wrong', async () => {
    const file = join(dir.path, 'routing.yaml');
    writeFileSync(file, 'partnership: { name: X, adminEmail: nobody }\npartners: []\nrules: []\n');
    const { code, stderr } = await failedStart({ PARTNERSHIP_FILE: file, DATA_DIR: dir.path });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(2); // one line, and its end
    expect(stderr).toMatch(new RegExp(`^Cannot start: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ problems: `));
    expect(stderr).toContain('line 1: partnership.adminEmail: must be an email address');
    expect(stderr).toContain('line 2: partners: Array must contain at least 1 element(s)');
  });
});

describe('stopping the server', () => {
  it('ends on SIGTERM while a browser holds a connection open that has sent nothing yet', async () => {
    const portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'stopping') });
    // Chromium opens such sockets ahead of a request; they once held a stop open for minutes.
    const silent = connect(Number(new URL(portal.url).port), '127.0.0.1');
    await new Promise((connected) => silent.once('connect', connected));
    const ended = new Promise((closed) => silent.once('close', closed));
    silent.on('error', () => {});
    const hung = new Promise((resolve) => setTimeout(() => resolve('still running after 20 s'), 20_000).unref());
    const stopped = await Promise.race([portal.stop(), hung]);
    if (portal.child.exitCode === null) await portal.stop('SIGKILL'); // no process is left behind
    expect(stopped).toBe(0);
    await ended;
  }, 60_000);
});

describe('starting on an encrypted store', () => {
  it('refuses in one line with a wrong REPORT_KEY, or none, instead of saying it is healthy', async () => {
    const data = join(dir.path, 'sealed');
    const key = (b: string) => b.repeat(64);
    const first = await startPortalProcess({ DATA_DIR: data, REPORT_KEY: key('a') });
    await first.stop();
    const wrong = await failedStart({ DATA_DIR: data, REPORT_KEY: key('b') });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^Cannot start: REPORT_KEY: is not the key .*portal\.db was sealed with\n$/);
    const none = await failedStart({ DATA_DIR: data });
    expect(none.stderr).toMatch(/^Cannot start: .*portal\.db: its reports are encrypted: set REPORT_KEY to the key they were sealed with\n$/);
  });
});

describe('a report acknowledged before the server is killed', () => {
  it('is delivered to each partner exactly once after a restart', async () => {
    const smtp = await startSmtp(await freePort());
    await smtp.stop(); // every partner's mail server is down
    const env = {
      DATA_DIR: join(dir.path, 'kill'),
      SMTP_URL: smtp.url,
      RETRY_BASE_SECONDS: '1',
      OUTBOX_CLAIM_SECONDS: '5',
      RATE_LIMIT_REPORTS_PER_MINUTE: '0',
    };
    const first = await startPortalProcess(env);
    const references: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${first.url}/api/reports/asb`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(drugsOnAHousingEstate),
      });
      expect(res.status).toBe(201);
      references.push(((await res.json()) as { reference: string }).reference);
    }
    expect(await first.stop('SIGKILL')).toBe(null);

    await smtp.start();
    const second = await startPortalProcess(env);
    try {
      const mails = await smtp.waitFor(15, 30_000);
      await new Promise((r) => setTimeout(r, 1500)); // time for any duplicate to arrive
      const delivered = mails.map((m) => `${m.subject?.split(' ')[2]} ${m.to && !Array.isArray(m.to) ? m.to.text : ''}`);
      expect(delivered).toHaveLength(15);
      expect(new Set(delivered).size).toBe(15);
      for (const reference of references) {
        expect(delivered.filter((d) => d.startsWith(`${reference}:`))).toHaveLength(3);
      }
    } finally {
      await second.stop();
      await smtp.stop();
    }
  }, 90_000);
});

describe('limits per client', () => {
  it('answers 429 with Retry-After once a client sends too many reports, in the API error shape', async () => {
    const portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'limits'), RATE_LIMIT_REPORTS_PER_MINUTE: '3', RATE_LIMIT_CHAT_PER_MINUTE: '2' });
    try {
      const send = () =>
        fetch(`${portal.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(drugsOnAHousingEstate) });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await send();
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toEqual({ errors: [{ path: '', message: expect.stringContaining('Too many requests') }] });
      // A form step is not a report: the limit is met only by sending one.
      const form = await fetch(`${portal.url}/report/asb`, { method: 'POST', redirect: 'manual', headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=gate&danger=no' });
      expect(form.status).toBe(303);
      const chat = () =>
        fetch(`${portal.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'hello', user: 'limit-test-1', channel: 'webhook' }) });
      expect([(await chat()).status, (await chat()).status, (await chat()).status]).toEqual([200, 200, 429]);
    } finally {
      await portal.stop();
    }
  }, 60_000);
});
