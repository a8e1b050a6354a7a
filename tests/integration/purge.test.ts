import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intake } from '../../api/intake/intake';
import { pickupMailer } from '../../api/mail/transport';
import { defaultRetryPolicy } from '../../api/outbox/backoff';
import { createDispatcher } from '../../api/outbox/dispatcher';
import { purgeExpired, type RetentionPolicy } from '../../api/store/retention';
import { openStore } from '../../api/store/store';
import { testStoreLocation } from '../support/core';
import { defaultPartner } from '../support/fixtures';
import { partnershipSetup } from '../support/setup';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

const DAY = 24 * 60 * 60 * 1000;
const setup = partnershipSetup();
const policy: RetentionPolicy = { reportDays: 90, repeats: setup.routing.repeats, chatExpiryMs: DAY, formExpiryMs: DAY };

/** Every file the portal wrote, with the number of canaries each still holds. */
function canariesLeft(root: string, canaries: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const file = join(path, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const bytes = readFileSync(file);
        const n = canaries.filter((c) => bytes.includes(c)).length;
        if (n > 0) found[file.slice(root.length)] = n;
      }
    }
  };
  walk(root);
  return found;
}

describe('the retention purge', () => {
  // Of the SQLite file itself: PostgreSQL's files are the server's, not the portal's.
  it('leaves no byte of a purged report in the database, its log or the mail folder', async () => {
    const clock = { now: Date.now() };
    const store = await openStore(join(dir.path, 'portal.db'));
    const mailer = pickupMailer(join(dir.path, 'mail'));
    const deps = { store, routing: setup.routing, now: () => new Date(clock.now), matchSecret: Buffer.alloc(32, 7) };
    const canaries: string[] = [];
    for (let i = 0; i < 44; i++) {
      const canary = `canary${i}x${clock.now}`;
      canaries.push(canary);
      const result = await intake(deps, setup.byId('asb'), {
        answers: {
          danger: 'no', kind: 'noise', street: `${canary} Road`, location: canary, date: new Date(clock.now - DAY).toISOString().slice(0, 10),
          ongoing: 'no', description: `${canary} `.repeat(40), people: canary, reportedBefore: 'no', contactChoice: 'contact',
          name: canary, email: `${canary}@example.org`, confirmByEmail: 'yes',
        },
        locale: 'en',
      });
      expect(result.ok).toBe(true);
    }
    await store.saveChatState('chat-user', JSON.stringify({ description: canaries[0] }), clock.now);
    await store.saveFormDraft('draft', JSON.stringify({ description: canaries[1] }), clock.now);
    await createDispatcher({ store, mailer, routing: setup.routing, definitions: setup.definitions, now: () => clock.now, from: 'p@example.org', messageIdDomain: 'example.org', retry: defaultRetryPolicy }).runOnce();
    expect(Object.keys(canariesLeft(dir.path, canaries)).length).toBeGreaterThan(1); // in the store and the emails

    clock.now += 91 * DAY;
    const gone = await purgeExpired(store, policy, clock.now, mailer);
    expect(gone.reports).toBe(44);
    expect(gone.emails).toBeGreaterThan(44);
    // Searched as an attacker with a copy of the files would: the database, its WAL, every email.
    expect(canariesLeft(dir.path, canaries)).toEqual({});
    await store.close();
  });

  it('does not keep a report past retention because the reporter’s own confirmation failed', async () => {
    const store = await openStore(await testStoreLocation(join(dir.path, 'portal.db')));
    const now = Date.parse('2026-06-01T12:00:00Z');
    const result = await intake({ store, routing: setup.routing, now: () => new Date(now) }, setup.byId('asb'), {
      answers: { danger: 'no', kind: 'noise', location: 'Park', date: '2026-05-31', ongoing: 'no', description: 'Noise', reportedBefore: 'no', contactChoice: 'contact', name: 'Sam', email: 'sam@example.org', confirmByEmail: 'yes' },
      locale: 'en',
    });
    const report = (await store.reportByReference(result.ok ? result.reference : ''))!;
    const token = 'sender';
    for (const d of await store.claimDue(now, 60_000, 10, token)) {
      if (d.kind === 'confirmation') await store.markFailed(d.id, token, '550 no such mailbox', null);
      else await store.markSent(d.id, token, now);
    }
    expect((await purgeExpired(store, policy, now + 89 * DAY)).reports).toBe(0);
    expect((await purgeExpired(store, policy, now + 91 * DAY)).reports).toBe(1);
    expect(await store.report(report.id)).toBeUndefined();
    await store.close();
  });

  it('keeps a report for a partner sent nothing (the workspace only) while it is worked, and lets it go after', async () => {
    const store = await openStore(await testStoreLocation(join(dir.path, 'portal.db')));
    const routing = partnershipSetup().routing;
    const asb = defaultPartner(routing, 'asb');
    asb.send = [];
    const now = Date.parse('2026-06-01T12:00:00Z');
    const result = await intake({ store, routing, now: () => new Date(now) }, setup.byId('asb'), {
      answers: { danger: 'no', kind: 'noise', location: 'Park', date: '2026-05-31', ongoing: 'no', description: 'Noise', reportedBefore: 'no', contactChoice: 'anonymous' },
      locale: 'en',
    });
    const report = (await store.reportByReference(result.ok ? result.reference : ''))!;
    expect(await store.deliveriesOf(report.id)).toEqual([]);
    expect((await purgeExpired(store, policy, now + DAY)).reports).toBe(0);
    const work = { reportId: report.id, partnerId: asb.id };
    await store.workspace.changeCase(work, { status: 'in-progress' }, { at: now + DAY, actor: asb.staff[0], action: 'in progress' });
    expect((await purgeExpired(store, policy, now + 200 * DAY)).reports).toBe(0);
    await store.workspace.changeCase(work, { status: 'closed', outcome: 'resolved', closed_at: now + 200 * DAY }, { at: now + 200 * DAY, actor: asb.staff[0], action: 'closed' });
    expect((await purgeExpired(store, policy, now + 289 * DAY)).reports).toBe(0);
    expect((await purgeExpired(store, policy, now + 291 * DAY)).reports).toBe(1);
    expect(await store.report(report.id)).toBeUndefined();
    await store.close();
  });
});
