import type Database from 'better-sqlite3';
import { ConfigError } from '../config-error';
import type { Sql } from './sql';

// Plain SQL that PostgreSQL also accepts (integer times in ms, UPDATE … RETURNING), written once:
// for PostgreSQL, integers are 64-bit and row ids are identities (postgresSchema).

const REPORTS = `
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  locale TEXT NOT NULL,
  answers TEXT NOT NULL,
  submission_key TEXT UNIQUE,
  -- A digest of the answers a submission key was first used with: the same key with other answers is refused.
  submission_digest TEXT,
  created_at INTEGER NOT NULL,
  flags TEXT,
  follow_up_hash TEXT
);`;

// Where a report came from when not the portal's own form, chat or API: an Open311 client's id,
// so that client (and no other) may ask its status.
const REPORT_SOURCE = `ALTER TABLE reports ADD COLUMN source TEXT;`;

// Keyed hashes of a report's reporter (email, phone), its type and dates: no contents. Kept apart
// from reports, for as long as the longest repeat window, so a victim's third report in month
// five still matches the first, long after that report's contents were deleted.
const MATCH_RECORDS = `
CREATE TABLE IF NOT EXISTS match_records (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  incident_date TEXT
);
CREATE INDEX IF NOT EXISTS match_records_hash ON match_records (hash, created_at);
CREATE INDEX IF NOT EXISTS match_records_age ON match_records (created_at);`;

// How many reports there were at a place (a keyed hash of its postcode, sector or street) on each
// day, of each type, made how many days after their incident (-1: no date given). Intake counts
// from these, never from the reports, so a report costs the same in a sector with 50 earlier
// reports or 50,000. Kept, like match records, as long as the longest repeat window.
const PLACE_COUNTS = `
CREATE TABLE IF NOT EXISTS place_counts (
  hash TEXT NOT NULL,
  day INTEGER NOT NULL,
  type TEXT NOT NULL,
  days_after_incident INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  PRIMARY KEY (hash, day, type, days_after_incident)
);
CREATE INDEX IF NOT EXISTS place_counts_age ON place_counts (day);`;

// Where each chat conversation is and the answers its report needs; no transcript. Expires.
const CHAT_STATE = `
CREATE TABLE IF NOT EXISTS chat_state (
  user_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);`;

// A report form's answers between its steps (post, redirect, get), keyed by a hash of the
// browser's cookie, so no step is a form post in the browser's history. Expires; gone on Exit.
const FORM_DRAFTS = `
CREATE TABLE IF NOT EXISTS form_drafts (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);`;

// One row per message to send, by email or by a partner's webhook: a report to a partner, an
// alert or reminder about one, a reporter's confirmation, a staff invitation (no report; its link
// waits sealed in payload until sent), a case's status or message for a partner's case system. A
// claim holds a row for one sender (its token) until a time; "cancelled" is a person's decision
// to pass a report on another way.
const deliveries = (table: string) => `
CREATE TABLE IF NOT EXISTS ${table} (
  id INTEGER PRIMARY KEY,
  report_id INTEGER REFERENCES reports(id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'alert', 'confirmation', 'overdue', 'escalation', 'invitation', 'message-notice', 'incident', 'case-review', 'status', 'message')),
  channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'webhook')),
  partner_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  fields TEXT,
  payload TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_until INTEGER,
  claim_token TEXT,
  last_error TEXT,
  sent_at INTEGER
);`;
// A report reaches each partner once by each of its channels, with one reminder of each kind;
// notices of messages, incidents and status changes may be many, and so may alerts (one for each
// delivery that failed: the failure is recorded once, by the sender whose claim it was).
/** Who a delivery goes to on its partner's line: the partner, or others about it (an alert to the admin). */
export const AUDIENCE = `CASE WHEN kind IN ('report', 'incident', 'overdue', 'status', 'message') THEN 'partner' ELSE 'others' END`;
/**
 * A delivery's sending line as one value ("<partner> <channel> <audience>"; the last two hold no
 * space), indexed with its status and due time: the outbox finds the lines with work and claims a
 * line's next few in index order, reading a few rows however many wait behind them.
 */
export const LINE = `partner_id || ' ' || channel || ' ' || ${AUDIENCE}`;
const LINE_INDEX = `CREATE INDEX IF NOT EXISTS deliveries_line ON deliveries ((${LINE}), status, next_attempt_at, id);`;

const DELIVERIES_INDEX = `CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS deliveries_report ON deliveries (report_id, partner_id, channel);
CREATE UNIQUE INDEX IF NOT EXISTS deliveries_once ON deliveries (report_id, kind, partner_id, channel)
  WHERE kind IN ('report', 'confirmation', 'overdue', 'escalation');
${LINE_INDEX}`;

// A value sealed with the store's key, so start-up can tell a missing or wrong REPORT_KEY at once.
const META = `
CREATE TABLE IF NOT EXISTS meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);`;

// A report's life at one partner: new, acknowledged, in progress, closed with an outcome. What the
// partner may see (fields), the outward code and flag names it may filter by, and when it is due.
const CASES = `
CREATE TABLE IF NOT EXISTS cases (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  partner_id TEXT NOT NULL,
  fields TEXT,
  area TEXT,
  flags TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in-progress', 'closed')),
  outcome TEXT CHECK (outcome IN ('resolved', 'no-further-action', 'passed-on', 'duplicate')),
  assigned_to TEXT,
  passed_from TEXT,
  received_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  closed_at INTEGER,
  reminded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (report_id, partner_id)
);
CREATE INDEX IF NOT EXISTS cases_inbox ON cases (partner_id, received_at);
CREATE INDEX IF NOT EXISTS cases_due ON cases (status, due_at);
-- A partner's own notes on a report (sealed): no other partner sees them.
CREATE TABLE IF NOT EXISTS case_notes (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  partner_id TEXT NOT NULL,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS case_notes_case ON case_notes (report_id, partner_id);`;

// Who did what, when: every view of a report's answers, every change, refusal and sign-in. Never
// the answers. A report's entries go with the report; the rest after the retention period.
const AUDIT = `
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  partner_id TEXT,
  reference TEXT,
  action TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_reference ON audit (reference);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);`;

// Staff sign in with passkeys, registered from a one-time invitation. Invitation tokens and
// session ids are kept only as hashes: the database alone opens no one's workspace.
const STAFF = `
CREATE TABLE IF NOT EXISTS invitations (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS passkeys (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT,
  created_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX IF NOT EXISTS passkeys_email ON passkeys (email);
CREATE TABLE IF NOT EXISTS staff_sessions (
  id_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS staff_sessions_email ON staff_sessions (email);`;

// The reporter's side: a slow hash of each report's private follow-up code (on reports), the
// messages between the reporter and each partner (sealed), and how many wrong codes a
// reference has had lately, so guessing locks that reference's follow-up for a while.
const FOLLOW_UP = `
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  partner_id TEXT NOT NULL,
  from_reporter INTEGER NOT NULL,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_report ON messages (report_id, partner_id);
-- What happened again, added by the reporter to the same report (the ASB diary); sealed.
CREATE TABLE IF NOT EXISTS incidents (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  incident_date TEXT NOT NULL,
  incident_time TEXT,
  description TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_report ON incidents (report_id);
-- A reporter's request for an ASB Case Review, sent to the partnership's Case Review contact.
CREATE TABLE IF NOT EXISTS case_review_requests (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id),
  requested_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS follow_up_failures (
  reference TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER
);`;

// Case columns added after the table was first made (migration 7), added the same way to a new
// store: the reporter replied, asked partners to stop contacting them, or withdrew the report.
const REPLY_WAITING = `ALTER TABLE cases ADD COLUMN reply_waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN stop_contact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;`;

const SCHEMA = [REPORTS, REPORT_SOURCE, MATCH_RECORDS, PLACE_COUNTS, CHAT_STATE, FORM_DRAFTS, deliveries('deliveries'), DELIVERIES_INDEX, META, CASES, REPLY_WAITING, AUDIT, STAFF, FOLLOW_UP].join('\n');
export const SCHEMA_VERSION = 10;

// Each step takes a store one version up, inside one transaction.
const MIGRATIONS: Record<number, string> = {
  4: `${MATCH_RECORDS}
INSERT INTO match_records (reference, type, kind, hash, created_at)
  SELECT r.reference, r.type, CASE m.kind WHEN 'victim' THEN 'contact' ELSE m.kind END, m.hash, r.created_at
  FROM matches m JOIN reports r ON r.id = m.report_id;
DROP TABLE matches;
ALTER TABLE reports ADD COLUMN submission_digest TEXT;
${deliveries('deliveries_v5')}
INSERT INTO deliveries_v5 (id, report_id, kind, partner_id, recipient, fields, status, attempts, next_attempt_at, claimed_until, last_error, sent_at)
  SELECT id, report_id, kind, partner_id, recipient, fields,
    CASE WHEN status = 'failed' AND last_error = 'cancelled by an administrator' THEN 'cancelled' ELSE status END,
    attempts, next_attempt_at, claimed_until, last_error, sent_at
  FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v5 RENAME TO deliveries;
${DELIVERIES_INDEX}
${FORM_DRAFTS}
${META}`,
  // Places are counted, no longer matched record by record (SQLite's own date functions: the
  // steps are SQLite's; the tables above are plain SQL).
  5: `${PLACE_COUNTS}
INSERT INTO place_counts (hash, day, type, days_after_incident, reports)
  SELECT hash, created_at / 86400000, type,
    CASE WHEN incident_date IS NULL THEN -1 ELSE created_at / 86400000 - CAST(strftime('%s', incident_date) AS INTEGER) / 86400 END,
    COUNT(*)
  FROM match_records WHERE kind IN ('postcode', 'sector', 'street') GROUP BY 1, 2, 3, 4;
DELETE FROM match_records WHERE kind IN ('postcode', 'sector', 'street');`,
  // The workspace: cases, notes, audit, staff. Deliveries gain kinds, reportless invitations and a
  // payload. Reports stored before it have no cases: they were emailed, and stay out of inboxes.
  6: `${deliveries('deliveries_v7')}
INSERT INTO deliveries_v7 (id, report_id, kind, partner_id, recipient, fields, status, attempts, next_attempt_at, claimed_until, claim_token, last_error, sent_at)
  SELECT id, report_id, kind, partner_id, recipient, fields, status, attempts, next_attempt_at, claimed_until, claim_token, last_error, sent_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v7 RENAME TO deliveries;
${DELIVERIES_INDEX}
${CASES}
${AUDIT}
${STAFF}`,
  // The reporter follows a report: its code's hash, messages, wrong-code counts.
  // A message's notice to the reporter is a new kind of email.
  7: `ALTER TABLE reports ADD COLUMN follow_up_hash TEXT;
${REPLY_WAITING}
${deliveries('deliveries_v8')}
INSERT INTO deliveries_v8 SELECT * FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v8 RENAME TO deliveries;
${DELIVERIES_INDEX}
${FOLLOW_UP}`,
  // Partners' case systems: webhooks beside email, and reports from Open311 clients.
  8: `${REPORT_SOURCE}
${deliveries('deliveries_v9')}
INSERT INTO deliveries_v9 (id, report_id, kind, partner_id, recipient, fields, payload, status, attempts, next_attempt_at, claimed_until, claim_token, last_error, sent_at)
  SELECT id, report_id, kind, partner_id, recipient, fields, payload, status, attempts, next_attempt_at, claimed_until, claim_token, last_error, sent_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v9 RENAME TO deliveries;
${DELIVERIES_INDEX}`,
  // The outbox's lines, indexed (the same step on PostgreSQL).
  9: LINE_INDEX,
};

/** Creates the schema on an empty store, migrates an older one, refuses a newer one. */
export function migrate(db: Database.Database, file: string): void {
  const empty = !db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'reports'`).get();
  let version = db.pragma('user_version', { simple: true }) as number;
  if (empty) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    return;
  }
  if (version > SCHEMA_VERSION || (version < SCHEMA_VERSION && !MIGRATIONS[version])) {
    db.close();
    const why = version > SCHEMA_VERSION ? 'a newer version of the portal' : 'a version too old to migrate';
    throw new ConfigError(file, `made by ${why} (schema ${version}, this one needs ${SCHEMA_VERSION})`);
  }
  while (version < SCHEMA_VERSION) {
    const from = version;
    db.transaction(() => {
      db.exec(MIGRATIONS[from]);
      db.pragma(`user_version = ${from + 1}`);
    })();
    version = from + 1;
  }
}

// The rate limits every process shares (rate-limiter-flexible's table, in its own shape), made
// with the rest: two processes starting together would otherwise both try to make it. SQLite's
// limits are in the process.
const RATE_LIMITS = `
CREATE TABLE IF NOT EXISTS rate_limits (
  key VARCHAR(255) PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire BIGINT
);`;

/** The schema as PostgreSQL takes it: times in ms need 64 bits, and ids count up by themselves. */
export const postgresSchema = () =>
  SCHEMA.replace(/\bid INTEGER PRIMARY KEY\b/g, 'id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY').replace(/\bINTEGER\b/g, 'BIGINT') + RATE_LIMITS;

const VERSION_ROW = 'schema-version';

// PostgreSQL stores began at version 9: its steps since.
const POSTGRES_MIGRATIONS: Record<number, string> = { 9: LINE_INDEX };

/**
 * Creates the schema in an empty PostgreSQL database, or checks its version: a newer one is
 * refused. One process at a time (an advisory lock), so two starting together do not both create
 * it. PostgreSQL stores began at version 9 and take the steps since, as above.
 */
export async function migratePostgres(sql: Sql, where: string): Promise<void> {
  await sql.tx(async (q) => {
    await q.get(`SELECT pg_advisory_xact_lock(7210917)`);
    const exists = await q.get<{ found: string | null }>(`SELECT to_regclass('reports') AS found`);
    if (!exists?.found) {
      await q.exec(postgresSchema());
      await q.run(`INSERT INTO meta (name, value) VALUES (?, ?)`, [VERSION_ROW, String(SCHEMA_VERSION)]);
      return;
    }
    const row = await q.get<{ value: string }>(`SELECT value FROM meta WHERE name = ?`, [VERSION_ROW]);
    let version = Number(row?.value ?? 0);
    if (version > SCHEMA_VERSION || (version < SCHEMA_VERSION && !POSTGRES_MIGRATIONS[version])) {
      const why = version > SCHEMA_VERSION ? 'a newer version of the portal' : 'a version this one cannot migrate';
      throw new ConfigError(where, `made by ${why} (schema ${version}, this one needs ${SCHEMA_VERSION})`);
    }
    for (; version < SCHEMA_VERSION; version++) {
      await q.exec(POSTGRES_MIGRATIONS[version]);
      await q.run(`UPDATE meta SET value = ? WHERE name = ?`, [String(version + 1), VERSION_ROW]);
    }
  });
}
