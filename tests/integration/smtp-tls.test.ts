import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mailersFor } from '../../api/mail/mailers';
import { isLoopback, pickupMailer, smtpMailer } from '../../api/mail/transport';
import { loadConfig } from '../../api/server/config';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { defaultPartner, projectRoot } from '../support/fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A real SMTP server offering STARTTLS with a certificate made for this test, recording each session. */
async function tlsSmtp() {
  const key = join(dir.path, 'key.pem');
  const cert = join(dir.path, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  const sessions: SMTPServerSession[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    key: readFileSync(key),
    cert: readFileSync(cert),
    onData(stream, session, callback) {
      sessions.push(session);
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${port}`, ca: readFileSync(cert, 'utf8'), sessions };
}

const email = { from: 'portal@example.org', to: 'asb@example.org', subject: 'A report', text: 'Body', html: '<p>Body</p>', messageId: '<ASB-TEST-0001.council.report@portal.example.org>' };

describe('email to the government’s secure email policy', () => {
  it('counts only this machine as loopback: any other server needs TLS', async () => {
    expect(['smtp://127.0.0.1:25', 'smtp://localhost:2525', 'smtp://[::1]:25', 'smtps://127.0.0.53'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['smtp://mail.example.org', 'smtp://10.0.0.5:25', 'smtps://relay.example.org:465', 'smtp://127.example.org'].map(isLoopback)).toEqual([false, false, false, false]);
  });

  it('sends over TLS 1.2 or later when the server offers it', async () => {
    const server = await tlsSmtp();
    const mailer = smtpMailer(server.url, { requireTls: true, ca: server.ca, timeoutMs: 5_000 });
    closers.push(() => mailer.close());
    await mailer.send(email);
    expect(server.sessions).toHaveLength(1);
    expect(server.sessions[0].secure).toBe(true);
  });

  let smtp: TestSmtp;
  it('refuses a relay that offers no TLS: the report is not sent in the clear, and the administrator is alerted at once', async () => {
    smtp = await startSmtp();
    closers.push(() => smtp.stop());
    // A partner's own relay, as one off this machine is treated: TLS required. It offers none.
    const plain = await startSmtp();
    closers.push(() => plain.stop());
    const core = await createCore(smtp.url);
    closers.push(() => core.close());
    const asb = defaultPartner(core.routing, 'asb');
    const relay = smtpMailer(plain.url, { requireTls: true, timeoutMs: 3_000 });
    closers.push(() => relay.close());
    const dispatcher = core.dispatcher({ partnerMailers: { [asb.id]: relay } });
    const sent = await core.submit('asb', drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('report refused');
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(plain.received).toHaveLength(0);
    const refused = (await core.store.deliveriesOf(1)).find((d) => d.partnerId === asb.id && d.kind === 'report')!;
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.lastError).toMatch(/STARTTLS/i);
    const alert = smtp.received.find((m) => (m.to as { text: string }).text === core.routing.partnership.adminEmail);
    expect(alert?.subject).toContain(sent.reference);
  });

  it('says at start-up when TLS is turned off for a server off this machine, and requires it by default', async () => {
    const core = await createCore();
    closers.push(() => core.close());
    const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: join(dir.path, 'data'), ...env }, projectRoot);
    const off = mailersFor(config({ SMTP_URL: 'smtp://relay.example.org:587', SMTP_REQUIRE_TLS: 'false' }), core.routing);
    expect(off.warnings).toEqual(['SMTP_REQUIRE_TLS is false: email through SMTP_URL may cross the network unencrypted']);
    const on = mailersFor(config({ SMTP_URL: 'smtp://relay.example.org:587' }), core.routing);
    expect(on.warnings).toEqual([]);
    expect(() => mailersFor(config({ SMTP_URL_NO_SUCH_PARTNER: 'smtp://relay.example.org' }), core.routing)).toThrow(/SMTP_URL_NO_SUCH_PARTNER: names no partner/);
    for (const m of [off, on]) m.mailer.close();
  });

  it('signs every email with DKIM when a key is configured, over the body it sends', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const folder = join(dir.path, 'mail');
    const mailer = pickupMailer(folder, { domainName: 'example.org', keySelector: 'portal2026', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string });
    await mailer.send(email);
    const raw = readFileSync(join(folder, readdirSync(folder).find((f) => f.endsWith('.eml'))!), 'utf8');
    const parsed = await simpleParser(raw);
    const signature = String(parsed.headers.get('dkim-signature') ? (parsed.headerLines.find((h) => h.key === 'dkim-signature')?.line ?? '') : '');
    expect(signature).toMatch(/d=example\.org/);
    expect(signature).toMatch(/s=portal2026/);
    // The body hash (relaxed canonicalisation, RFC 6376 3.4.4) is of the body as written.
    const body = raw.slice(raw.indexOf('\n\n') + 2).replace(/\r?\n/g, '\r\n');
    const relaxed = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, '')).join('\r\n').replace(/(\r\n)*$/, '\r\n');
    const bh = /bh=([^;]+);/.exec(signature.replace(/\s+/g, ''))?.[1];
    expect(bh).toBe(createHash('sha256').update(relaxed).digest('base64'));
  });
});
