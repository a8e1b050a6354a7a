import Database from 'better-sqlite3';
import { ConfigError } from '../config-error';
import { sealer } from './sealed';
import type { Answers } from '../definitions/types';
import type { EarlierMatch, RepeatFlags } from '../repeats/flags';
import type { MatchKey } from '../repeats/keys';

// The only module that speaks SQL. Plain SQL that PostgreSQL also accepts (integer times in ms,
// UPDATE … RETURNING), so the store can move without touching intake, routing or channels.
// Keyed hashes of a report's reporter and place, its type and dates: no contents. Kept apart
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
// A report form's answers between its steps (post, redirect, get), keyed by a hash of the
// browser's cookie, so no step is a form post in the browser's history. Expires; gone on Exit.
const FORM_DRAFTS = `
CREATE TABLE IF NOT EXISTS form_drafts (
  id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);`;
// Each step takes a store one version up, inside one transaction.
const MIGRATIONS: Record<number, string> = {
  4: `${MATCH_RECORDS}
INSERT INTO match_records (reference, type, kind, hash, created_at)
  SELECT r.reference, r.type, CASE m.kind WHEN 'victim' THEN 'contact' ELSE m.kind END, m.hash, r.created_at
  FROM matches m JOIN reports r ON r.id = m.report_id;
DROP TABLE matches;
ALTER TABLE reports ADD COLUMN submission_digest TEXT;
${FORM_DRAFTS}`,
};

const SCHEMA = `
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
  flags TEXT
);
${MATCH_RECORDS}
-- Where each chat conversation is and the answers its report needs; no transcript. Expires.
CREATE TABLE IF NOT EXISTS chat_state (
  user_id TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
${FORM_DRAFTS}
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  kind TEXT NOT NULL CHECK (kind IN ('report', 'alert', 'confirmation')),
  partner_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  fields TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_until INTEGER,
  last_error TEXT,
  sent_at INTEGER,
  UNIQUE (report_id, kind, partner_id)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
`;
const SCHEMA_VERSION = 5;

export interface NewReport {
  reference: string;
  type: string;
  locale: string;
  answers: Answers;
  submissionKey?: string;
  submissionDigest?: string;
  createdAt: number;
  deliveries: PlannedDelivery[];
  matches?: MatchKey[];
  /** The incident's date (YYYY-MM-DD), kept with the match records for the Case Review. */
  incidentDate?: string;
  flags?: RepeatFlags;
}

export interface PlannedDelivery {
  kind: 'report' | 'confirmation';
  partnerId: string;
  recipient: string;
  /** The answers this recipient may see; undefined for all. */
  fields?: string[];
}

export interface StoredReport {
  id: number;
  reference: string;
  type: string;
  locale: string;
  answers: Answers;
  createdAt: number;
  flags: RepeatFlags;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface Delivery {
  id: number;
  reportId: number;
  kind: 'report' | 'alert' | 'confirmation';
  partnerId: string;
  recipient: string;
  fields?: string[];
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
}

/** Raised when a new reference is already taken; intake draws another. */
export class ReferenceTaken extends Error {}

interface DeliveryRow {
  id: number;
  report_id: number;
  kind: 'report' | 'alert' | 'confirmation';
  partner_id: string;
  recipient: string;
  fields: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  sent_at: number | null;
}

interface ReportRow {
  id: number;
  reference: string;
  type: string;
  locale: string;
  answers: string;
  created_at: number;
  flags: string | null;
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  reportId: row.report_id,
  kind: row.kind,
  partnerId: row.partner_id,
  recipient: row.recipient,
  ...(row.fields && { fields: JSON.parse(row.fields) as string[] }),
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  sentAt: row.sent_at,
});

const toReport = (row: ReportRow): StoredReport => ({
  id: row.id,
  reference: row.reference,
  type: row.type,
  locale: row.locale,
  answers: JSON.parse(row.answers) as Answers,
  createdAt: row.created_at,
  flags: row.flags ? (JSON.parse(row.flags) as RepeatFlags) : {},
});

export type Store = ReturnType<typeof openStore>;

export function openStore(file: string, options: { reportKey?: Buffer } = {}) {
  const { seal, open } = sealer(options.reportKey);
  // Flags name places (a street, a postcode sector): sealed like the answers they come from.
  const readReport = (row: ReportRow): StoredReport =>
    toReport({ ...row, answers: open(row.answers), flags: row.flags && open(row.flags) });
  // A recipient can be the reporter's own address (their confirmation): sealed too.
  const readDelivery = (row: DeliveryRow): Delivery => ({ ...toDelivery(row), recipient: open(row.recipient) });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a report acknowledged to its reporter survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, file);

  const insertReport = db.prepare(
    `INSERT INTO reports (reference, type, locale, answers, submission_key, submission_digest, created_at, flags)
     VALUES (@reference, @type, @locale, @answers, @submissionKey, @submissionDigest, @createdAt, @flags)`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (report_id, kind, partner_id, recipient, fields, status, next_attempt_at)
     VALUES (@reportId, @kind, @partnerId, @recipient, @fields, 'pending', @nextAttemptAt)`,
  );
  const insertMatch = db.prepare(
    `INSERT INTO match_records (reference, type, kind, hash, created_at, incident_date)
     VALUES (@reference, @type, @kind, @hash, @createdAt, @incidentDate)`,
  );
  const bySubmissionKey = db.prepare(`SELECT reference, submission_digest AS digest FROM reports WHERE submission_key = ?`);

  const saveReport = db.transaction((report: NewReport) => {
    let reportId: number;
    try {
      reportId = Number(
        insertReport.run({
          reference: report.reference,
          type: report.type,
          locale: report.locale,
          answers: seal(JSON.stringify(report.answers)),
          submissionKey: report.submissionKey ?? null,
          submissionDigest: report.submissionDigest ?? null,
          createdAt: report.createdAt,
          flags: report.flags && Object.keys(report.flags).length > 0 ? seal(JSON.stringify(report.flags)) : null,
        }).lastInsertRowid,
      );
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed: reports.reference/.test(err.message)) {
        throw new ReferenceTaken();
      }
      throw err;
    }
    for (const match of report.matches ?? []) {
      insertMatch.run({
        reference: report.reference,
        type: report.type,
        ...match,
        createdAt: report.createdAt,
        incidentDate: report.incidentDate ?? null,
      });
    }
    for (const delivery of report.deliveries) {
      insertDelivery.run({
        reportId,
        kind: delivery.kind,
        partnerId: delivery.partnerId,
        recipient: seal(delivery.recipient),
        fields: delivery.fields ? JSON.stringify(delivery.fields) : null,
        nextAttemptAt: report.createdAt,
      });
    }
  });

  const claim = db.prepare(
    `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = @until
     WHERE id IN (
       SELECT id FROM deliveries
       WHERE (status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND claimed_until <= @now)
       ORDER BY next_attempt_at, id LIMIT @limit)
     RETURNING *`,
  );
  const markSent = db.prepare(
    `UPDATE deliveries SET status = 'sent', sent_at = @now, claimed_until = NULL, last_error = NULL WHERE id = @id`,
  );
  const markRetry = db.prepare(
    `UPDATE deliveries SET status = 'pending', next_attempt_at = @nextAttemptAt, claimed_until = NULL, last_error = @error
     WHERE id = @id`,
  );
  const markFailed = db.prepare(
    `UPDATE deliveries SET status = 'failed', claimed_until = NULL, last_error = @error WHERE id = @id`,
  );
  const insertAlert = db.prepare(
    `INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at)
     SELECT report_id, 'alert', partner_id, @recipient, 'pending', @now FROM deliveries WHERE id = @id
     ON CONFLICT DO NOTHING`,
  );
  // A report goes once every delivery was sent before the cutoff; one that failed waits for a person.
  const purgeDeliveries = db.prepare(
    `DELETE FROM deliveries WHERE report_id IN (
       SELECT report_id FROM deliveries GROUP BY report_id
       HAVING SUM(CASE WHEN status = 'sent' THEN 0 ELSE 1 END) = 0 AND MAX(sent_at) < @cutoff)`,
  );
  const purgeReports = db.prepare(`DELETE FROM reports WHERE id NOT IN (SELECT report_id FROM deliveries)`);
  const purge = db.transaction((cutoff: number) => {
    purgeDeliveries.run({ cutoff });
    return purgeReports.run().changes;
  });
  const fail = db.transaction((id: number, error: string, alert: { recipient: string; now: number } | null) => {
    markFailed.run({ id, error });
    if (alert) insertAlert.run({ id, ...alert });
  });

  return {
    /** Stores a report and its planned deliveries in one transaction. */
    saveReport(report: NewReport): void {
      saveReport(report);
    },
    /** The report first made with this submission key, and the digest of its answers. */
    reportForSubmission(key: string): { reference: string; digest: string | null } | undefined {
      return bySubmissionKey.get(key) as { reference: string; digest: string | null } | undefined;
    },
    /** Claims due deliveries (and ones whose claim expired) for this worker, atomically. */
    claimDue(now: number, claimMs: number, limit: number): Delivery[] {
      return (claim.all({ now, until: now + claimMs, limit }) as DeliveryRow[]).map(readDelivery);
    },
    markSent(id: number, now: number): void {
      markSent.run({ id, now });
    },
    markRetry(id: number, nextAttemptAt: number, error: string): void {
      markRetry.run({ id, nextAttemptAt, error });
    },
    /** Marks a delivery failed for good and, if asked, plans an alert about it in the same step. */
    markFailed(id: number, error: string, alert: { recipient: string; now: number } | null): void {
      fail(id, error, alert);
    },
    /** A chat conversation's state, unless it has expired (then it is deleted). */
    chatState(user: string, now: number, expiryMs: number): string | undefined {
      const row = db.prepare(`SELECT state, updated_at FROM chat_state WHERE user_id = ?`).get(user) as
        | { state: string; updated_at: number }
        | undefined;
      if (row && row.updated_at < now - expiryMs) {
        db.prepare(`DELETE FROM chat_state WHERE user_id = ?`).run(user);
        return undefined;
      }
      return row && open(row.state);
    },
    saveChatState(user: string, state: string, now: number): void {
      db.prepare(
        `INSERT INTO chat_state (user_id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ).run(user, seal(state), now);
    },
    forgetChat(user: string): void {
      db.prepare(`DELETE FROM chat_state WHERE user_id = ?`).run(user);
    },
    /** Deletes every conversation idle for longer than the expiry. */
    expireChats(before: number): number {
      return db.prepare(`DELETE FROM chat_state WHERE updated_at < ?`).run(before).changes;
    },
    /** Earlier reports sharing any of these keys, made since `since`: from match records alone, no answers read. */
    earlierMatches(keys: MatchKey[], since: number): EarlierMatch[] {
      if (keys.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT reference, type, kind, created_at, incident_date FROM match_records
           WHERE hash IN (${keys.map(() => '?').join(', ')}) AND created_at >= ?`,
        )
        .all(...keys.map((k) => k.hash), since) as { reference: string; type: string; kind: EarlierMatch['kind']; created_at: number; incident_date: string | null }[];
      return rows.map((row) => ({
        reference: row.reference,
        type: row.type,
        kind: row.kind,
        createdAt: row.created_at,
        ...(row.incident_date && { incidentDate: row.incident_date }),
      }));
    },
    /** Deletes match records made before `before` (the start of the longest repeat window). */
    purgeMatchRecords(before: number): number {
      return db.prepare(`DELETE FROM match_records WHERE created_at < ?`).run(before).changes;
    },
    /** A form's answers between steps, unless expired (then deleted). `id` is already a hash. */
    formDraft(id: string, now: number, expiryMs: number): string | undefined {
      const row = db.prepare(`SELECT state, updated_at FROM form_drafts WHERE id = ?`).get(id) as { state: string; updated_at: number } | undefined;
      if (row && row.updated_at < now - expiryMs) {
        db.prepare(`DELETE FROM form_drafts WHERE id = ?`).run(id);
        return undefined;
      }
      return row && open(row.state);
    },
    saveFormDraft(id: string, state: string, now: number): void {
      db.prepare(
        `INSERT INTO form_drafts (id, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ).run(id, seal(state), now);
    },
    forgetFormDraft(id: string): void {
      db.prepare(`DELETE FROM form_drafts WHERE id = ?`).run(id);
    },
    expireFormDrafts(before: number): number {
      return db.prepare(`DELETE FROM form_drafts WHERE updated_at < ?`).run(before).changes;
    },
    /** Deletes reports whose deliveries all succeeded before `cutoff`; returns how many. */
    purgeDelivered(cutoff: number): number {
      return purge(cutoff);
    },
    report(id: number): StoredReport | undefined {
      const row = db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
      return row && readReport(row);
    },
    reportByReference(reference: string): StoredReport | undefined {
      const row = db.prepare(`SELECT * FROM reports WHERE reference = ?`).get(reference) as ReportRow | undefined;
      return row && readReport(row);
    },
    deliveriesOf(reportId: number): Delivery[] {
      const rows = db.prepare(`SELECT * FROM deliveries WHERE report_id = ? ORDER BY id`).all(reportId) as DeliveryRow[];
      return rows.map(readDelivery);
    },
    countReports(): number {
      return (db.prepare(`SELECT COUNT(*) AS n FROM reports`).get() as { n: number }).n;
    },
    /** Deliveries still to send (pending or being sent). */
    outboxDepth(): number {
      return (db.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'sending')`).get() as { n: number }).n;
    },
    /** When the oldest delivery still to send was planned (its report's time), if any. */
    oldestUndelivered(): number | undefined {
      const row = db
        .prepare(`SELECT MIN(r.created_at) AS t FROM deliveries d JOIN reports r ON r.id = d.report_id WHERE d.status IN ('pending', 'sending')`)
        .get() as { t: number | null };
      return row.t ?? undefined;
    },
    /** Every delivery not yet sent (pending, sending or failed), oldest first, for the admin command. */
    unsent(): (Delivery & { reference: string })[] {
      const rows = db
        .prepare(`SELECT d.*, r.reference FROM deliveries d JOIN reports r ON r.id = d.report_id WHERE d.status != 'sent' ORDER BY d.id`)
        .all() as (DeliveryRow & { reference: string })[];
      return rows.map((row) => ({ ...readDelivery(row), reference: row.reference }));
    },
    /** Puts a failed delivery back in the queue, to be tried at once with a fresh count. */
    retryDelivery(id: number, now: number): boolean {
      return (
        db.prepare(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ? AND status = 'failed'`).run(now, id)
          .changes === 1
      );
    },
    /** Stops trying a delivery that a person has passed on another way. */
    cancelDelivery(id: number): boolean {
      return (
        db.prepare(`UPDATE deliveries SET status = 'failed', claimed_until = NULL, last_error = 'cancelled by an administrator' WHERE id = ? AND status != 'sent'`).run(id)
          .changes === 1
      );
    },
    close(): void {
      db.close();
    },
  };
}

/** Creates the schema on an empty store, migrates an older one, refuses a newer one. */
function migrate(db: Database.Database, file: string): void {
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
