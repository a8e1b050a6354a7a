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
  it('migrates a schema 4 store: its report waits to be sent, its matches still match', () => {
    const file = join(dir.path, 'portal.db');
    const old = new Database(file);
    old.exec(SCHEMA_4);
    old.close();
    const store = openStore(file);
    expect(store.reportByReference('ASB-AAAA-BBBB')?.answers).toEqual({ danger: 'no' });
    expect(store.outboxDepth()).toBe(1);
    const earlier = store.earlierMatches([{ kind: 'phone', hash: 'hash-of-a-phone' }], 0);
    expect(earlier).toEqual([{ reference: 'ASB-AAAA-BBBB', type: 'asb', kind: 'contact', createdAt: 1764000000000 }]);
    store.close();
  });

  it('refuses a store made by a newer portal, in one line naming the file', () => {
    const file = join(dir.path, 'newer.db');
    openStore(file).close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openStore(file)).toThrow(/newer\.db.*newer version of the portal \(schema 99/);
  });
});
