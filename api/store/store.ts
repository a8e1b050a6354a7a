import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { ConfigError } from '../config-error';
import { LINE, migrate, migratePostgres } from './schema';
import { openPostgres } from './postgres';
import { sealer } from './sealed';
import type { Queries, Sql } from './sql';
import { openSqlite } from './sqlite';
import type { Answers } from '../definitions/types';
import { dayOf, daysAfterIncident, VICTIM_KINDS, type Earlier, type PlaceCount, type RepeatFlags, type VictimBasis } from '../repeats/flags';
import type { MatchKey } from '../repeats/keys';
import { workspaceStore, type NewCase } from './workspace-store';

// The only module that speaks SQL (its tables and migrations are in schema.ts), the same on
// every engine (sql.ts).

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
  /** The report's life at each partner that receives it, in the workspace. */
  cases?: NewCase[];
  /** The slow hash of the reporter's follow-up code. */
  followUpHash?: string;
  /** The Open311 client that sent it, if one did. */
  source?: string;
}

export interface PlannedDelivery {
  kind: 'report' | 'confirmation';
  /** By email (the default) or to the partner's case system. */
  channel?: Channel;
  partnerId: string;
  recipient: string;
  /** The answers this recipient may see; undefined for all. */
  fields?: string[];
  /** Sealed until sent, then deleted: the follow-up code in the reporter's own confirmation. */
  payload?: string;
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

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type DeliveryKind = 'report' | 'alert' | 'confirmation' | 'overdue' | 'escalation' | 'invitation' | 'message-notice' | 'incident' | 'case-review' | 'status' | 'message';
export type Channel = 'email' | 'webhook';
/**
 * The deliveries that go out together, a few at a time: one partner's by one channel, to it
 * (its reports, reminders, case-system updates) or about it to others (an alert to the admin).
 */
export interface SendingLine {
  partnerId: string;
  channel: Channel;
  audience: 'partner' | 'others';
}

export interface Delivery {
  id: number;
  /** Null for an email about no report (a staff invitation). */
  reportId: number | null;
  kind: DeliveryKind;
  channel: Channel;
  partnerId: string;
  /** An email address; for a webhook, the partner's id (its address is the configuration's). */
  recipient: string;
  fields?: string[];
  /** What an email about no report carries until it is sent (an invitation's link). */
  payload?: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
}

/** Raised when a new reference is already taken; intake draws another. */
export class ReferenceTaken extends Error {}
/** Raised when another request stored a report with this submission key first. */
export class SubmissionTaken extends Error {}

interface DeliveryRow {
  id: number;
  report_id: number | null;
  kind: DeliveryKind;
  channel: Channel;
  partner_id: string;
  recipient: string;
  fields: string | null;
  payload: string | null;
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
  channel: row.channel,
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

export type Store = Awaited<ReturnType<typeof storeOn>>;

const lineKey = (line: SendingLine) => `${line.partnerId} ${line.channel} ${line.audience}`;
/** A line's key read back: its channel and audience are its last two words; the rest is the partner's id. */
function lineOf(key: string): SendingLine {
  const words = key.split(' ');
  const audience = words.pop() as SendingLine['audience'];
  const channel = words.pop() as Channel;
  return { partnerId: words.join(' '), channel, audience };
}

/**
 * Opens the store, creating or migrating its schema: in a SQLite file, or in the PostgreSQL
 * database a `postgres://` URL names (shared by every process given it).
 */
export async function openStore(location: string, options: { reportKey?: Buffer } = {}) {
  const { sql, where } = isDatabaseUrl(location) ? await openPostgresSchema(location) : await openSqliteSchema(location);
  return storeOn(sql, where, options);
}

export const isDatabaseUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);
/** The host and database a URL names, never its password. */
export const databaseName = (url: string) => {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
};

/** A SQLite file with its schema current (the file readable by this user alone); `where` names it in errors. */
export async function openSqliteSchema(file: string) {
  readableByOwnerOnly(file);
  const sql = openSqlite(file);
  await closedIfRefused(sql, async () => migrate(sql.db, file));
  return { sql, where: file };
}

/** A PostgreSQL database with its schema current; `where` names it in errors, never with its password. */
export async function openPostgresSchema(url: string) {
  const where = `DATABASE_URL (${databaseName(url)})`;
  const sql = openPostgres(url);
  await closedIfRefused(sql, () => migratePostgres(sql, where));
  return { sql, where };
}

async function closedIfRefused(sql: Sql, migrating: () => Promise<void>): Promise<void> {
  try {
    await migrating();
  } catch (err) {
    await sql.close();
    throw err;
  }
}

/** The store on an engine whose schema is current; `where` names it in errors. */
async function storeOn(sql: Sql, where: string, options: { reportKey?: Buffer }) {
  const { seal, open } = sealer(options.reportKey);
  await checkKey(sql, where, options.reportKey !== undefined, seal, open);
  // Flags name places (a street, a postcode sector): sealed like the answers they come from.
  const readReport = (row: ReportRow): StoredReport =>
    toReport({ ...row, answers: open(row.answers), flags: row.flags && open(row.flags) });
  // A recipient can be the reporter's own address (their confirmation), and a mail server's
  // refusal can quote it: both sealed too.
  const readDelivery = (row: DeliveryRow): Delivery => ({
    ...toDelivery(row),
    recipient: open(row.recipient),
    ...(row.payload && { payload: open(row.payload) }),
    lastError: row.last_error && open(row.last_error),
  });
  // Reports are committed durably (they wait for the disk); a chat's or a form's place between
  // turns (the reader is asked the last answer again) and the outbox's claims and outcomes (a
  // delivery marked sent just before a power cut is sent again: at least once, never lost) are
  // relaxed, which saves about half a millisecond of the only thread each time.
  const relaxed = sql.relaxed;
  const workspace = workspaceStore(sql, seal, open);

  // A conversation's or a form's place between steps: sealed, relaxed, and gone once idle too long.
  const between = (table: 'chat_state' | 'form_drafts', key: 'user_id' | 'id') => ({
    async read(id: string, now: number, expiryMs: number): Promise<string | undefined> {
      const row = await relaxed.get<{ state: string; updated_at: number }>(`SELECT state, updated_at FROM ${table} WHERE ${key} = ?`, [id]);
      if (row && row.updated_at < now - expiryMs) {
        await relaxed.run(`DELETE FROM ${table} WHERE ${key} = ?`, [id]);
        return undefined;
      }
      return row && open(row.state);
    },
    async save(id: string, state: string, now: number): Promise<void> {
      await relaxed.run(
        `INSERT INTO ${table} (${key}, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (${key}) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        [id, seal(state), now],
      );
    },
    async forget(id: string): Promise<void> {
      await relaxed.run(`DELETE FROM ${table} WHERE ${key} = ?`, [id]);
    },
    /** Read and deleted in one step: two requests (even in two processes) never both take it. */
    async take(id: string, now: number, expiryMs: number): Promise<string | undefined> {
      const row = await relaxed.get<{ state: string; updated_at: number }>(`DELETE FROM ${table} WHERE ${key} = ? RETURNING state, updated_at`, [id]);
      return row && row.updated_at >= now - expiryMs ? open(row.state) : undefined;
    },
    expire: (before: number): Promise<number> => sql.run(`DELETE FROM ${table} WHERE updated_at < ?`, [before]),
  });
  const chats = between('chat_state', 'user_id');
  const drafts = between('form_drafts', 'id');

  const insertMatch = `INSERT INTO match_records (reference, type, kind, hash, created_at, incident_date)
     VALUES (@reference, @type, @kind, @hash, @createdAt, @incidentDate)`;
  const countPlace = `INSERT INTO place_counts (hash, day, type, days_after_incident, reports) VALUES (@hash, @day, @type, @daysAfterIncident, 1)
     ON CONFLICT (hash, day, type, days_after_incident) DO UPDATE SET reports = place_counts.reports + 1`;
  // A person's reports are matched one by one (a flag names them); a place's are counted.
  const recordMatches = async (q: Queries, m: { reference: string; type: string; createdAt: number; incidentDate: string | null; matches: MatchKey[] }) => {
    for (const key of m.matches) {
      if ((VICTIM_KINDS as string[]).includes(key.kind)) {
        await q.run(insertMatch, { reference: m.reference, type: m.type, kind: key.kind, hash: key.hash, createdAt: m.createdAt, incidentDate: m.incidentDate });
      } else {
        const daysAfter = daysAfterIncident(m.createdAt, m.incidentDate ?? undefined) ?? -1;
        await q.run(countPlace, { hash: key.hash, day: dayOf(m.createdAt), type: m.type, daysAfterIncident: daysAfter });
      }
    }
  };

  const due = `((status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND claimed_until <= @now))`;
  // Two processes on one database never claim the same delivery: PostgreSQL skips rows another
  // has locked; SQLite has one writer at a time.
  const claimWhere = (which: string) => `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = @until, claim_token = @token
     WHERE id IN (
       SELECT id FROM deliveries d WHERE ${which}
         -- A case system hears of a report's changes in the order they happened: none overtakes
         -- an earlier one still to send (one that failed for good no longer holds the rest).
         AND NOT (channel = 'webhook' AND EXISTS (
           SELECT 1 FROM deliveries e WHERE e.report_id = d.report_id AND e.partner_id = d.partner_id AND e.channel = 'webhook'
             AND e.id < d.id AND e.status IN ('pending', 'sending')))
       ORDER BY next_attempt_at, id LIMIT @limit${sql.dialect === 'postgres' ? ' FOR UPDATE OF d SKIP LOCKED' : ''})
     RETURNING *`;
  // A line's claims whose sender died, then its next due, each read in the line index's order.
  const claimLine = [`${LINE} = @line AND status = 'sending' AND claimed_until <= @now`, `${LINE} = @line AND status = 'pending' AND next_attempt_at <= @now`].map(claimWhere);
  const claimAny = claimWhere(due);
  // Each line the table holds, found by stepping through the line index (one look-up a line, not a
  // read of every delivery), kept if it has work due.
  const linesDue = `WITH RECURSIVE line(k) AS (
       SELECT (SELECT ${LINE} FROM deliveries ORDER BY 1 LIMIT 1)
       UNION ALL
       SELECT (SELECT ${LINE} FROM deliveries WHERE ${LINE} > line.k ORDER BY 1 LIMIT 1) FROM line WHERE line.k IS NOT NULL)
     SELECT k FROM line WHERE k IS NOT NULL
       AND (EXISTS (SELECT 1 FROM deliveries WHERE ${LINE} = line.k AND status = 'pending' AND next_attempt_at <= @now)
         OR EXISTS (SELECT 1 FROM deliveries WHERE ${LINE} = line.k AND status = 'sending' AND claimed_until <= @now))`;
  // A sender keeps its claim while it works (renewed before and during each send), and records
  // an outcome only for a claim that is still its own.
  const mine = `id = @id AND status = 'sending' AND claim_token = @token`;
  // A report goes once every partner's delivery was sent (or passed on by a person) before the
  // cutoff, and no partner has worked it since: one that failed waits for a person, and one a
  // partner acknowledged and has not closed (or closed after the cutoff) waits for them. A report
  // no one opened is not kept for ever by a partner that works in its own system. The reporter's
  // own confirmation holds nothing. Its cases, notes and audit entries go with it.
  const purgeDeliveries = `DELETE FROM deliveries WHERE report_id IN (
       SELECT report_id FROM deliveries WHERE report_id IS NOT NULL GROUP BY report_id
       HAVING SUM(CASE WHEN kind = 'report' AND status NOT IN ('sent', 'cancelled') THEN 1 ELSE 0 END) = 0
          AND SUM(CASE WHEN kind <> 'report' AND status IN ('pending', 'sending') THEN 1 ELSE 0 END) = 0
          AND COALESCE(MAX(CASE WHEN kind = 'report' THEN sent_at END), 0) < @cutoff)
     AND report_id NOT IN (SELECT report_id FROM cases WHERE status IN ('acknowledged', 'in-progress') OR closed_at >= @cutoff)`;
  // Gone: nothing of it left to send, and past its time in the workspace too. A report for partners
  // sent nothing (send: none) never had a delivery: it is kept as long as its cases say.
  const gone = `SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM deliveries WHERE report_id IS NOT NULL)
    AND created_at < @cutoff
    AND id NOT IN (SELECT report_id FROM cases WHERE status IN ('acknowledged', 'in-progress') OR closed_at >= @cutoff)`;

  return {
    /** Stores a report and its planned deliveries in one transaction. */
    async saveReport(report: NewReport): Promise<void> {
      await sql.tx(async (q) => {
        let reportId: number;
        try {
          const row = await q.get<{ id: number }>(
            `INSERT INTO reports (reference, type, locale, answers, submission_key, submission_digest, created_at, flags, follow_up_hash, source)
             VALUES (@reference, @type, @locale, @answers, @submissionKey, @submissionDigest, @createdAt, @flags, @followUpHash, @source) RETURNING id`,
            {
              reference: report.reference,
              type: report.type,
              locale: report.locale,
              answers: seal(JSON.stringify(report.answers)),
              submissionKey: report.submissionKey ?? null,
              submissionDigest: report.submissionDigest ?? null,
              createdAt: report.createdAt,
              flags: report.flags && Object.keys(report.flags).length > 0 ? seal(JSON.stringify(report.flags)) : null,
              followUpHash: report.followUpHash ?? null,
              source: report.source ?? null,
            },
          );
          reportId = row!.id;
        } catch (err) {
          if (isUniqueViolation(err, 'reference')) throw new ReferenceTaken();
          if (isUniqueViolation(err, 'submission_key')) throw new SubmissionTaken();
          throw err;
        }
        await recordMatches(q, { ...report, incidentDate: report.incidentDate ?? null, matches: report.matches ?? [] });
        for (const c of report.cases ?? []) await workspace.addCase(q, reportId, report.createdAt, c);
        for (const delivery of report.deliveries) {
          await q.run(
            `INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, fields, payload, status, next_attempt_at)
             VALUES (@reportId, @kind, @channel, @partnerId, @recipient, @fields, @payload, 'pending', @nextAttemptAt)`,
            {
              reportId,
              kind: delivery.kind,
              channel: delivery.channel ?? 'email',
              partnerId: delivery.partnerId,
              recipient: seal(delivery.recipient),
              fields: delivery.fields ? JSON.stringify(delivery.fields) : null,
              payload: delivery.payload ? seal(delivery.payload) : null,
              nextAttemptAt: report.createdAt,
            },
          );
        }
      });
    },
    /** The report first made with this submission key, and the digest of its answers. */
    async reportForSubmission(key: string): Promise<{ reference: string; digest: string | null } | undefined> {
      return sql.get(`SELECT reference, submission_digest AS digest FROM reports WHERE submission_key = ?`, [key]);
    },
    /** The partners and channels with deliveries due now (or whose claim expired). */
    async dueLines(now: number): Promise<SendingLine[]> {
      return (await relaxed.all<{ k: string }>(linesDue, { now })).map((row) => lineOf(row.k));
    },
    /** Claims due deliveries (and ones whose claim expired), of one line or all, for the sender holding `token`, atomically. */
    async claimDue(now: number, claimMs: number, limit: number, token: string, line?: SendingLine): Promise<Delivery[]> {
      const params = { now, until: now + claimMs, token };
      if (!line) return (await relaxed.all<DeliveryRow>(claimAny, { ...params, limit })).map(readDelivery);
      const expired = await relaxed.all<DeliveryRow>(claimLine[0], { ...params, limit, line: lineKey(line) });
      const due = limit > expired.length ? await relaxed.all<DeliveryRow>(claimLine[1], { ...params, limit: limit - expired.length, line: lineKey(line) }) : [];
      return [...expired, ...due].map(readDelivery);
    },
    /** Extends a claim that is still this sender's; false if it expired and another sender took it. */
    async renewClaim(id: number, token: string, until: number): Promise<boolean> {
      return (await relaxed.run(`UPDATE deliveries SET claimed_until = @until WHERE ${mine}`, { id, token, until })) === 1;
    },
    async markSent(id: number, token: string, now: number): Promise<void> {
      await relaxed.run(
        `UPDATE deliveries SET status = 'sent', sent_at = @now, claimed_until = NULL, claim_token = NULL, last_error = NULL, payload = NULL WHERE ${mine}`,
        { id, token, now },
      );
    },
    async markRetry(id: number, token: string, nextAttemptAt: number, error: string): Promise<void> {
      await relaxed.run(
        `UPDATE deliveries SET status = 'pending', next_attempt_at = @nextAttemptAt, claimed_until = NULL, claim_token = NULL, last_error = @error WHERE ${mine}`,
        { id, token, nextAttemptAt, error: seal(error) },
      );
    },
    /** Marks a delivery failed for good and, if asked, plans an alert about it in the same step. */
    async markFailed(id: number, token: string, error: string, alert: { recipient: string; now: number } | null): Promise<void> {
      await sql.tx(
        async (q) => {
          const failed = await q.run(`UPDATE deliveries SET status = 'failed', claimed_until = NULL, claim_token = NULL, last_error = @error WHERE ${mine}`, {
            id,
            token,
            error: seal(error),
          });
          // The alert names the delivery that failed (in its payload): a report's, or a case system's update.
          if (failed === 1 && alert) {
            await q.run(
              `INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at)
               SELECT report_id, 'alert', partner_id, CAST(@recipient AS TEXT), CAST(@payload AS TEXT), 'pending', CAST(@now AS BIGINT) FROM deliveries WHERE id = @id`,
              { id, recipient: alert.recipient, now: alert.now, payload: seal(JSON.stringify({ failed: id })) },
            );
          }
        },
        { relaxed: true },
      );
    },
    /** A chat conversation's state, unless it has expired (then it is deleted). */
    chatState: chats.read,
    saveChatState: chats.save,
    forgetChat: chats.forget,
    /** Deletes every conversation idle for longer than the expiry. */
    expireChats: chats.expire,
    /**
     * What is known of earlier reports sharing these keys since `since`, from match records alone
     * (no answers read): the same person's reports by name, the reports at a place by count.
     */
    async earlier(keys: MatchKey[], since: number): Promise<Earlier> {
      const victimKeys = keys.filter((k) => (VICTIM_KINDS as string[]).includes(k.kind)).map((k) => k.hash);
      const rows = victimKeys.length
        ? await sql.all<{ reference: string; type: string; kind: VictimBasis; created_at: number; incident_date: string | null }>(
            `SELECT reference, type, kind, created_at, incident_date FROM match_records
             WHERE hash IN (${victimKeys.map(() => '?').join(', ')}) AND created_at >= ?`,
            [...victimKeys, since],
          )
        : [];
      const victims = rows.map((row) => ({
        reference: row.reference,
        type: row.type,
        kind: row.kind,
        createdAt: row.created_at,
        ...(row.incident_date && { incidentDate: row.incident_date }),
      }));
      const count = async ({ kind, since, types, reportedWithinDays }: PlaceCount) => {
        const key = keys.find((k) => k.kind === kind);
        if (!key) return 0;
        const query =
          `SELECT COALESCE(SUM(reports), 0) AS n FROM place_counts WHERE hash = ? AND day >= ?` +
          (types?.length ? ` AND type IN (${types.map(() => '?').join(', ')})` : '') +
          (reportedWithinDays !== undefined ? ` AND days_after_incident BETWEEN 0 AND ?` : '');
        const row = await sql.get<{ n: number }>(query, [key.hash, dayOf(since), ...(types ?? []), ...(reportedWithinDays === undefined ? [] : [reportedWithinDays])]);
        return row!.n;
      };
      return { victims, count };
    },
    /** Deletes match records and place counts made before `before` (the start of the longest repeat window). */
    async purgeMatchRecords(before: number): Promise<number> {
      const records = await sql.run(`DELETE FROM match_records WHERE created_at < ?`, [before]);
      return records + (await sql.run(`DELETE FROM place_counts WHERE day < ?`, [dayOf(before)]));
    },
    /** A form's answers between steps, unless expired (then deleted). `id` is already a hash. */
    formDraft: drafts.read,
    saveFormDraft: drafts.save,
    forgetFormDraft: drafts.forget,
    takeFormDraft: drafts.take,
    expireFormDrafts: drafts.expire,
    /** Deletes reports whose deliveries all succeeded before `cutoff`; returns how many. */
    async purgeDelivered(cutoff: number): Promise<number> {
      return sql.tx(async (q) => {
        await q.run(purgeDeliveries, { cutoff });
        // Invitations' emails, once sent, and the invitations themselves, after the same time.
        await q.run(`DELETE FROM deliveries WHERE report_id IS NULL AND status IN ('sent', 'cancelled', 'failed') AND next_attempt_at < @cutoff`, { cutoff });
        await q.run(`DELETE FROM invitations WHERE expires_at < ?`, [cutoff]);
        await q.run(`DELETE FROM audit WHERE reference IN (SELECT reference FROM reports WHERE id IN (${gone})) OR (reference IS NULL AND at < @cutoff)`, { cutoff });
        for (const table of ['case_notes', 'messages', 'incidents', 'case_review_requests']) {
          await q.run(`DELETE FROM ${table} WHERE report_id IN (${gone})`, { cutoff });
        }
        await q.run(`DELETE FROM follow_up_failures WHERE window_start < ?`, [cutoff]);
        await q.run(`DELETE FROM cases WHERE report_id IN (${gone})`, { cutoff });
        return q.run(`DELETE FROM reports WHERE id IN (${gone})`, { cutoff });
      });
    },
    /** Leaves no copy of deleted rows in the engine's log. */
    async checkpoint(): Promise<void> {
      await sql.checkpoint();
    },
    async report(id: number): Promise<StoredReport | undefined> {
      const row = await sql.get<ReportRow>(`SELECT * FROM reports WHERE id = ?`, [id]);
      return row && readReport(row);
    },
    async reportByReference(reference: string): Promise<StoredReport | undefined> {
      const row = await sql.get<ReportRow>(`SELECT * FROM reports WHERE reference = ?`, [reference]);
      return row && readReport(row);
    },
    /**
     * What an Open311 client may know of a report it sent, and no other: its type, when, and
     * whether every partner has closed it. No answers are read.
     */
    async requestStatus(reference: string, source: string): Promise<{ type: string; createdAt: number; closed: boolean; updatedAt: number } | undefined> {
      const row = await sql.get<{ type: string; created_at: number; cases: number; closed: number | null; updated: number | null }>(
        `SELECT r.type, r.created_at, COUNT(c.partner_id) AS cases, SUM(CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END) AS closed,
           MAX(COALESCE(c.closed_at, c.acknowledged_at, c.received_at)) AS updated
         FROM reports r LEFT JOIN cases c ON c.report_id = r.id WHERE r.reference = ? AND r.source = ? GROUP BY r.id`,
        [reference, source],
      );
      return row && { type: row.type, createdAt: row.created_at, closed: row.cases > 0 && row.closed === row.cases, updatedAt: row.updated ?? row.created_at };
    },
    async deliveriesOf(reportId: number): Promise<Delivery[]> {
      return (await sql.all<DeliveryRow>(`SELECT * FROM deliveries WHERE report_id = ? ORDER BY id`, [reportId])).map(readDelivery);
    },
    async countReports(): Promise<number> {
      return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM reports`))!.n;
    },
    /** Deliveries and alerts that failed for good and wait for a person: what health reports. */
    async failures(): Promise<{ deliveries: number; alerts: number }> {
      const row = await sql.get<{ deliveries: number | null; alerts: number | null }>(
        `SELECT SUM(CASE WHEN kind = 'report' THEN 1 ELSE 0 END) AS deliveries, SUM(CASE WHEN kind = 'alert' THEN 1 ELSE 0 END) AS alerts
         FROM deliveries WHERE status = 'failed'`,
      );
      return { deliveries: row?.deliveries ?? 0, alerts: row?.alerts ?? 0 };
    },
    /** Deliveries still to send (pending or being sent). */
    async outboxDepth(): Promise<number> {
      return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'sending')`))!.n;
    },
    /** When the oldest delivery still to send was planned (its report's time), if any. */
    async oldestUndelivered(): Promise<number | undefined> {
      const row = await sql.get<{ t: number | null }>(
        `SELECT MIN(r.created_at) AS t FROM deliveries d JOIN reports r ON r.id = d.report_id WHERE d.status IN ('pending', 'sending')`,
      );
      return row?.t ?? undefined;
    },
    /** Every delivery not yet sent (pending, sending or failed), oldest first, for the admin command. */
    async unsent(): Promise<(Delivery & { reference: string })[]> {
      const rows = await sql.all<DeliveryRow & { reference: string | null }>(
        `SELECT d.*, r.reference FROM deliveries d LEFT JOIN reports r ON r.id = d.report_id WHERE d.status NOT IN ('sent', 'cancelled') ORDER BY d.id`,
      );
      // An invitation's link is not shown: it would let whoever reads the list register as the invitee.
      return rows.map((row) => ({ ...readDelivery({ ...row, payload: null }), reference: row.reference ?? '(invitation)' }));
    },
    /** Puts a failed delivery back in the queue, to be tried at once with a fresh count. */
    async retryDelivery(id: number, now: number): Promise<boolean> {
      return (await sql.run(`UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL WHERE id = ? AND status = 'failed'`, [now, id])) === 1;
    },
    /** Stops trying a delivery that a person has passed on another way. */
    async cancelDelivery(id: number): Promise<boolean> {
      return (
        (await sql.run(`UPDATE deliveries SET status = 'cancelled', claimed_until = NULL, claim_token = NULL WHERE id = ? AND status NOT IN ('sent', 'cancelled')`, [id])) === 1
      );
    },
    /** Cases, notes, the audit trail and staff sign-in. */
    workspace,
    /** The PostgreSQL pool every process shares (for shared rate limits); undefined on SQLite. */
    pool: sql.pool,
    /** Counts another incident of a report for repeats and the Case Review, as a report's own matches are counted. */
    async countIncident(match: { reference: string; type: string; createdAt: number; incidentDate: string; matches: MatchKey[] }): Promise<void> {
      await sql.tx((q) => recordMatches(q, match));
    },
    async close(): Promise<void> {
      await sql.close();
    },
  };
}

/** A unique constraint on `column` refused the row (each engine words it its own way). */
function isUniqueViolation(err: unknown, column: string): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: string; constraint?: string };
  if (e.code === '23505') return (e.constraint ?? '').includes(column);
  return new RegExp(`UNIQUE constraint failed: \\w+\\.${column}\\b`).test(e.message);
}

/** The database and its journal files are readable by the portal's own user, and no one else. */
function readableByOwnerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

const KEY_CHECK = 'report-key-check';

/**
 * A store sealed with REPORT_KEY opens only with that key: started without it, or with another,
 * the portal would say it was healthy while no report could be read or sent. Refuse at once.
 */
async function checkKey(sql: Sql, where: string, keyed: boolean, seal: (s: string) => string, open: (s: string) => string): Promise<void> {
  const check = (await sql.get<{ value: string }>(`SELECT value FROM meta WHERE name = ?`, [KEY_CHECK]))?.value;
  const sealedRow = await sql.get<{ answers: string }>(`SELECT answers FROM reports WHERE answers LIKE 'aes256gcm:%' LIMIT 1`);
  const sealedSample = check ?? sealedRow?.answers;
  if (sealedSample?.startsWith('aes256gcm:') && !keyed) {
    await sql.close();
    throw new ConfigError(where, 'its reports are encrypted: set REPORT_KEY to the key they were sealed with');
  }
  if (keyed && sealedSample) {
    try {
      open(sealedSample);
    } catch {
      await sql.close();
      throw new ConfigError('REPORT_KEY', `is not the key ${where} was sealed with`);
    }
  }
  if (keyed && !check) await sql.run(`INSERT INTO meta (name, value) VALUES (?, ?)`, [KEY_CHECK, seal(KEY_CHECK)]);
}
