import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intake } from '../../api/intake/intake';
import { smtpMailer } from '../../api/mail/transport';
import { defaultRetryPolicy } from '../../api/outbox/backoff';
import { createDispatcher } from '../../api/outbox/dispatcher';
import { openStore } from '../../api/store/store';
import { NOW } from '../support/fixtures';
import { partnershipSetup } from '../support/setup';
import { startSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

const setup = partnershipSetup();
/** Whether any of the database's files holds the text. */
const onDisk = (file: string, text: string) =>
  ['', '-wal', '-shm'].some((part) => {
    try {
      return readFileSync(file + part).includes(text);
    } catch {
      return false;
    }
  });

describe('report contents at rest, with REPORT_KEY', () => {
  it('seal every piece of a report, its flags, its errors and its recipients, and read them back', async () => {
    const file = join(dir.path, 'sealed.db');
    const key = randomBytes(32);
    const store = await openStore(file, { reportKey: key });
    const secret = `secret${Date.now()}`;
    const smtp = await startSmtp();
    // The reporter's own address is refused, and the refusal quotes it.
    smtp.behave('temporary', `${secret}@example.org`);
    const deps = { store, routing: setup.routing, now: () => NOW, matchSecret: randomBytes(32) };
    const noise = {
      danger: 'no', kind: 'noise', street: `12 ${secret} Road`, postcode: 'PE1 1HQ', date: '2026-11-20', ongoing: 'yes',
      description: secret, reportedBefore: 'no', contactChoice: 'contact', name: secret, email: `${secret}@example.org`,
      confirmByEmail: 'yes',
    };
    let reference = '';
    // Enough reports of one street for the partnership to flag it as a repeat place.
    for (let i = 0; i < setup.routing.repeats.location.minReports; i++) {
      const result = await intake(deps, setup.byId('asb'), { answers: { ...noise, postcode: `PE1 1H${'QRSTU'[i]}` }, locale: 'en' });
      if (result.ok) reference = result.reference;
    }
    const mailer = smtpMailer(smtp.url, { timeoutMs: 2_000 });
    await createDispatcher({ store, mailer, routing: setup.routing, definitions: setup.definitions, now: () => NOW.getTime(), from: 'p@example.org', messageIdDomain: 'example.org', retry: defaultRetryPolicy }).runOnce();
    mailer.close();
    await smtp.stop();
    await store.saveChatState('chat-user-1', JSON.stringify({ answers: { description: secret } }), NOW.getTime());
    await store.saveFormDraft('draft-1', JSON.stringify({ asb: { answers: { description: secret } } }), NOW.getTime());

    const stored = (await store.reportByReference(reference))!;
    expect(stored.flags.repeatStreet?.street).toContain(secret);
    expect((await store.deliveriesOf(stored.id)).find((d) => d.kind === 'confirmation')?.lastError).toContain(secret);
    // Nothing of it is in the file, its write-ahead log or its shared memory.
    expect(onDisk(file, secret)).toBe(false);
    await store.close();
    const reopened = await openStore(file, { reportKey: key });
    expect((await reopened.reportByReference(reference))?.answers.description).toBe(secret);
    expect(await reopened.chatState('chat-user-1', NOW.getTime(), 60_000)).toContain(secret);
    await reopened.close();
  });

  it('refuse to start, in one line, without the key or with the wrong one', async () => {
    const file = join(dir.path, 'keyed.db');
    await (await openStore(file, { reportKey: randomBytes(32) })).close(); // sealed from the start, though still empty
    await expect(openStore(file)).rejects.toThrow(/keyed\.db: its reports are encrypted: set REPORT_KEY/);
    await expect(openStore(file, { reportKey: randomBytes(32) })).rejects.toThrow(/REPORT_KEY: is not the key .*keyed\.db was sealed with/);
  });

  it('are readable by the portal’s own user only', async () => {
    const file = join(dir.path, 'private.db');
    await (await openStore(file)).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const name of readdirSync(dir.path)) expect(statSync(join(dir.path, name)).mode & 0o077, name).toBe(0);
  });
});
