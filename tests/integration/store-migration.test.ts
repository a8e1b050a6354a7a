import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../api/store/store';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

// The tables of schema 4 (the last landed release) as that release created them.
const SCHEMA_4 = `
CREATE TABLE reports (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, type TEXT NOT NULL, locale TEXT NOT NULL,
  answers TEXT NOT NULL, submission_key TEXT UNIQUE, created_at INTEGER NOT NULL, flags TEXT);
CREATE TABLE matches (report_id INTEGER NOT NULL REFERENCES reports(id), kind TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE chat_state (user_id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE deliveries (id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), kind TEXT NOT NULL,
  partner_id TEXT NOT NULL, recipient TEXT NOT NULL, fields TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL, claimed_until INTEGER, last_error TEXT, sent_at INTEGER, UNIQUE (report_id, kind, partner_id));
INSERT INTO reports VALUES (1, 'ASB-AAAA-BBBB', 'asb', 'en', '{"danger":"no"}', NULL, 1764000000000, NULL);
INSERT INTO matches VALUES (1, 'victim', 'hash-of-a-phone'), (1, 'sector', 'hash-of-a-sector');
INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'council-asb', 'asb@example.org', 'pending', 0);
PRAGMA user_version = 4;`;

describe('the store across versions', () => {
  it('migrates a schema 4 store: its report waits to be sent, its matches still match', async () => {
    const file = join(dir.path, 'portal.db');
    const old = new Database(file);
    old.exec(SCHEMA_4);
    old.close();
    const store = await openStore(file);
    expect((await store.reportByReference('ASB-AAAA-BBBB'))?.answers).toEqual({ danger: 'no' });
    expect(await store.outboxDepth()).toBe(1);
    const earlier = await store.earlier([{ kind: 'phone', hash: 'hash-of-a-phone' }, { kind: 'sector', hash: 'hash-of-a-sector' }], 0);
    expect(earlier.victims).toEqual([{ reference: 'ASB-AAAA-BBBB', type: 'asb', kind: 'contact', createdAt: 1764000000000 }]);
    expect(await earlier.count({ kind: 'sector', since: 0 })).toBe(1);
    await store.close();
  });

  it('migrates a schema 5 store: its places are counted, by type and by how long after the incident each was reported', async () => {
    const file = join(dir.path, 'portal.db');
    await (await openStore(file)).close();
    // Schema 5 matched places record by record and had no counts.
    const db = new Database(file);
    const created = Date.parse('2026-11-20T10:00:00Z');
    db.exec(`DROP TABLE place_counts;
      DROP TABLE cases;
      ALTER TABLE reports DROP COLUMN follow_up_hash;
      ALTER TABLE reports DROP COLUMN source;
      INSERT INTO match_records (reference, type, kind, hash, created_at, incident_date) VALUES
        ('ASB-LATE-0001', 'asb', 'sector', 'hash-of-a-sector', ${created}, '2026-09-01'),
        ('ASB-INTIME-01', 'asb', 'sector', 'hash-of-a-sector', ${created}, '2026-11-19'),
        ('HC-INTIME-001', 'hate-crime', 'sector', 'hash-of-a-sector', ${created}, '2026-11-19'),
        ('ASB-INTIME-01', 'asb', 'phone', 'hash-of-a-phone', ${created}, '2026-11-19');
      PRAGMA user_version = 5;`);
    db.close();
    const store = await openStore(file);
    const earlier = await store.earlier([{ kind: 'sector', hash: 'hash-of-a-sector' }, { kind: 'phone', hash: 'hash-of-a-phone' }], 0);
    expect(await earlier.count({ kind: 'sector', since: 0 })).toBe(3);
    expect(await earlier.count({ kind: 'sector', since: 0, types: ['asb'], reportedWithinDays: 31 })).toBe(1);
    expect(await earlier.count({ kind: 'sector', since: Date.parse('2026-11-21T00:00:00Z') })).toBe(0);
    expect(earlier.victims.map((v) => v.reference)).toEqual(['ASB-INTIME-01']);
    await store.close();
    const after = new Database(file);
    expect(after.prepare(`SELECT COUNT(*) AS n FROM match_records WHERE kind = 'sector'`).get()).toEqual({ n: 0 });
    after.close();
  });

  it('migrates a schema 8 store: its deliveries were emails, and a report and a webhook to one partner may both be planned', async () => {
    const file = join(dir.path, 'eight.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    // Schema 8: deliveries had no channel, reports no source.
    db.exec(`DROP TABLE deliveries;
      CREATE TABLE deliveries (id INTEGER PRIMARY KEY, report_id INTEGER REFERENCES reports(id), kind TEXT NOT NULL, partner_id TEXT NOT NULL, recipient TEXT NOT NULL,
        fields TEXT, payload TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, claimed_until INTEGER, claim_token TEXT, last_error TEXT, sent_at INTEGER);
      ALTER TABLE reports DROP COLUMN source;
      INSERT INTO reports (id, reference, type, locale, answers, created_at) VALUES (1, 'ASB-EIGH-TTTT', 'asb', 'en', '{"danger":"no"}', 1764000000000);
      INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'council-asb', 'asb@example.org', 'pending', 0);
      PRAGMA user_version = 8;`);
    db.close();
    const store = await openStore(file);
    expect(await store.deliveriesOf(1)).toMatchObject([{ kind: 'report', channel: 'email', partnerId: 'council-asb', status: 'pending' }]);
    await store.close();
    const after = new Database(file);
    after.prepare(`INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'webhook', 'council-asb', 'council-asb', 'pending', 0)`).run();
    expect(() => after.prepare(`INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'webhook', 'council-asb', 'council-asb', 'pending', 0)`).run()).toThrow(/UNIQUE/);
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    after.close();
  });

  it('migrates a schema 9 store: its outbox lines are indexed, and what was waiting is claimed by its line', async () => {
    const file = join(dir.path, 'nine.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.exec(`DROP INDEX deliveries_line;
      INSERT INTO reports (id, reference, type, locale, answers, created_at) VALUES (1, 'ASB-NINE-NNNN', 'asb', 'en', '{"danger":"no"}', 1764000000000);
      INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'council-asb', 'asb@example.org', 'pending', 0);
      PRAGMA user_version = 9;`);
    db.close();
    const store = await openStore(file);
    const lines = await store.dueLines(1);
    expect(lines).toEqual([{ partnerId: 'council-asb', channel: 'email', audience: 'partner' }]);
    expect(await store.claimDue(1, 60_000, 5, 'a-sender', lines[0])).toMatchObject([{ kind: 'report', partnerId: 'council-asb' }]);
    await store.close();
    const after = new Database(file);
    expect(after.prepare(`SELECT name FROM sqlite_master WHERE name = 'deliveries_line'`).get()).toEqual({ name: 'deliveries_line' });
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    after.close();
  });

  it('refuses a store made by a newer portal, in one line naming the file', async () => {
    const file = join(dir.path, 'newer.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(openStore(file)).rejects.toThrow(/newer\.db.*newer version of the portal \(schema 99/);
  });
});
