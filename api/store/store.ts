import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError } from '../config-error';
import { migrate } from './schema';
import { sealer } from './sealed';
import type { Answers } from '../definitions/types';
import { dayOf, daysAfterIncident, VICTIM_KINDS, type Earlier, type PlaceCount, type RepeatFlags, type VictimBasis } from '../repeats/flags';
import type { MatchKey } from '../repeats/keys';
import { workspaceStore, type NewCase } from './workspace-store';

// The only module that speaks SQL (its tables and migrations are in schema.ts).

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

export type Store = ReturnType<typeof openStore>;

const AUDIENCE = `CASE WHEN kind IN ('report', 'incident', 'overdue', 'status', 'message') THEN 'partner' ELSE 'others' END`;

export function openStore(file: string, options: { reportKey?: Buffer } = {}) {
  const { seal, open } = sealer(options.reportKey);
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
  readableByOwnerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // What is deleted is overwritten, not left in free pages for anyone with the file to read.
  db.pragma('secure_delete = ON');
  // FULL: a report acknowledged to its reporter survives power loss, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, file);
  checkKey(db, file, options.reportKey !== undefined, seal, open);
  // Writes a power cut may undo without losing anything a person was told was kept: a chat's or a
  // form's place between turns (the reader is asked the last answer again), and the outbox's
  // claims and outcomes (a delivery marked sent just before the cut is sent again: at least
  // once, never lost). These do not wait for the disk to confirm, which costs about half a
  // millisecond of the only thread each time. Reports are committed on `db`, which waits
  // (synchronous = FULL); a crash of the process alone loses neither.
  const relaxed = new Database(file);
  relaxed.pragma('synchronous = NORMAL');
  relaxed.pragma('secure_delete = ON');
  relaxed.pragma('foreign_keys = ON');
  relaxed.pragma('busy_timeout = 5000');
  const chatRow = relaxed.prepare(`SELECT state, updated_at FROM chat_state WHERE user_id = ?`);
  const saveChat = relaxed.prepare(
    `INSERT INTO chat_state (user_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const forgetChat = relaxed.prepare(`DELETE FROM chat_state WHERE user_id = ?`);
  const draftRow = relaxed.prepare(`SELECT state, updated_at FROM form_drafts WHERE id = ?`);
  const saveDraft = relaxed.prepare(
    `INSERT INTO form_drafts (id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const forgetDraft = relaxed.prepare(`DELETE FROM form_drafts WHERE id = ?`);

  const insertReport = db.prepare(
    `INSERT INTO reports (reference, type, locale, answers, submission_key, submission_digest, created_at, flags, follow_up_hash, source)
     VALUES (@reference, @type, @locale, @answers, @submissionKey, @submissionDigest, @createdAt, @flags, @followUpHash, @source)`,
  );
  const insertDelivery = db.prepare(
    `INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, fields, payload, status, next_attempt_at)
     VALUES (@reportId, @kind, @channel, @partnerId, @recipient, @fields, @payload, 'pending', @nextAttemptAt)`,
  );
  const insertMatch = db.prepare(
    `INSERT INTO match_records (reference, type, kind, hash, created_at, incident_date)
     VALUES (@reference, @type, @kind, @hash, @createdAt, @incidentDate)`,
  );
  const countPlace = db.prepare(
    `INSERT INTO place_counts (hash, day, type, days_after_incident, reports) VALUES (@hash, @day, @type, @daysAfterIncident, 1)
     ON CONFLICT (hash, day, type, days_after_incident) DO UPDATE SET reports = reports + 1`,
  );
  // Prepared once per shape: intake asks these for every report.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => prepared.get(sql) ?? prepared.set(sql, db.prepare(sql)).get(sql)!;
  const workspace = workspaceStore(db, relaxed, seal, open);
  const victimMatches = (keys: number) =>
    statement(
      `SELECT reference, type, kind, created_at, incident_date FROM match_records
       WHERE hash IN (${Array(keys).fill('?').join(', ')}) AND created_at >= ?`,
    );
  const placeCount = (types: number, inTime: boolean) =>
    statement(
      `SELECT COALESCE(SUM(reports), 0) AS n FROM place_counts WHERE hash = ? AND day >= ?` +
        (types ? ` AND type IN (${Array(types).fill('?').join(', ')})` : '') +
        (inTime ? ` AND days_after_incident BETWEEN 0 AND ?` : ''),
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
          followUpHash: report.followUpHash ?? null,
          source: report.source ?? null,
        }).lastInsertRowid,
      );
    } catch (err) {
      if (err instanceof Error && /UNIQUE constraint failed: reports.reference/.test(err.message)) {
        throw new ReferenceTaken();
      }
      throw err;
    }
    // A person's reports are matched one by one (a flag names them); a place's are counted.
    for (const match of report.matches ?? []) {
      if ((VICTIM_KINDS as string[]).includes(match.kind)) {
        insertMatch.run({ reference: report.reference, type: report.type, ...match, createdAt: report.createdAt, incidentDate: report.incidentDate ?? null });
      } else {
        const daysAfter = daysAfterIncident(report.createdAt, report.incidentDate) ?? -1;
        countPlace.run({ hash: match.hash, day: dayOf(report.createdAt), type: report.type, daysAfterIncident: daysAfter });
      }
    }
    for (const c of report.cases ?? []) workspace.addCase(reportId, report.createdAt, c);
    for (const delivery of report.deliveries) {
      insertDelivery.run({
        reportId,
        kind: delivery.kind,
        channel: delivery.channel ?? 'email',
        partnerId: delivery.partnerId,
        recipient: seal(delivery.recipient),
        fields: delivery.fields ? JSON.stringify(delivery.fields) : null,
        payload: delivery.payload ? seal(delivery.payload) : null,
        nextAttemptAt: report.createdAt,
      });
    }
  });

  const due = `((status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND claimed_until <= @now))`;
  const claim = relaxed.prepare(
    `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_until = @until, claim_token = @token
     WHERE id IN (
       SELECT id FROM deliveries d WHERE ${due}
         AND (@partnerId IS NULL OR (partner_id = @partnerId AND channel = @channel AND ${AUDIENCE} = @audience))
         -- A case system hears of a report's changes in the order they happened: none overtakes
         -- an earlier one still to send (one that failed for good no longer holds the rest).
         AND NOT (channel = 'webhook' AND EXISTS (
           SELECT 1 FROM deliveries e WHERE e.report_id = d.report_id AND e.partner_id = d.partner_id AND e.channel = 'webhook'
             AND e.id < d.id AND e.status IN ('pending', 'sending')))
       ORDER BY next_attempt_at, id LIMIT @limit)
     RETURNING *`,
  );
  const dueLines = relaxed.prepare(`SELECT DISTINCT partner_id AS partnerId, channel, ${AUDIENCE} AS audience FROM deliveries WHERE ${due}`);
  // A sender keeps its claim while it works (renewed before and during each send), and records
  // an outcome only for a claim that is still its own.
  const renewClaim = relaxed.prepare(
    `UPDATE deliveries SET claimed_until = @until WHERE id = @id AND status = 'sending' AND claim_token = @token`,
  );
  const mine = `id = @id AND status = 'sending' AND claim_token = @token`;
  const markSent = relaxed.prepare(
    `UPDATE deliveries SET status = 'sent', sent_at = @now, claimed_until = NULL, claim_token = NULL, last_error = NULL, payload = NULL WHERE ${mine}`,
  );
  const markRetry = relaxed.prepare(
    `UPDATE deliveries SET status = 'pending', next_attempt_at = @nextAttemptAt, claimed_until = NULL, claim_token = NULL, last_error = @error
     WHERE ${mine}`,
  );
  const markFailed = relaxed.prepare(
    `UPDATE deliveries SET status = 'failed', claimed_until = NULL, claim_token = NULL, last_error = @error WHERE ${mine}`,
  );
  // The alert names the delivery that failed (in its payload): a report's, or a case system's update.
  const insertAlert = relaxed.prepare(
    `INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at)
     SELECT report_id, 'alert', partner_id, @recipient, @payload, 'pending', @now FROM deliveries WHERE id = @id`,
  );
  // A report goes once every partner's delivery was sent (or passed on by a person) before the
  // cutoff, and no partner has worked it since: one that failed waits for a person, and one a
  // partner acknowledged and has not closed (or closed after the cutoff) waits for them. A report
  // no one opened is not kept for ever by a partner that works in its own system. The reporter's
  // own confirmation holds nothing. Its cases, notes and audit entries go with it.
  const purgeDeliveries = db.prepare(
    `DELETE FROM deliveries WHERE report_id IN (
       SELECT report_id FROM deliveries WHERE report_id IS NOT NULL GROUP BY report_id
       HAVING SUM(CASE WHEN kind = 'report' AND status NOT IN ('sent', 'cancelled') THEN 1 ELSE 0 END) = 0
          AND SUM(CASE WHEN kind <> 'report' AND status IN ('pending', 'sending') THEN 1 ELSE 0 END) = 0
          AND COALESCE(MAX(CASE WHEN kind = 'report' THEN sent_at END), 0) < @cutoff)
     AND report_id NOT IN (SELECT report_id FROM cases WHERE status IN ('acknowledged', 'in-progress') OR closed_at >= @cutoff)`,
  );
  // Gone: nothing of it left to send, and past its time in the workspace too. A report for partners
  // sent nothing (send: none) never had a delivery: it is kept as long as its cases say.
  const gone = `SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM deliveries WHERE report_id IS NOT NULL)
    AND created_at < @cutoff
    AND id NOT IN (SELECT report_id FROM cases WHERE status IN ('acknowledged', 'in-progress') OR closed_at >= @cutoff)`;
  const purgeAudit = db.prepare(`DELETE FROM audit WHERE reference IN (SELECT reference FROM reports WHERE id IN (${gone})) OR (reference IS NULL AND at < @cutoff)`);
  const purgeNotes = db.prepare(`DELETE FROM case_notes WHERE report_id IN (${gone})`);
  const purgeMessages = db.prepare(`DELETE FROM messages WHERE report_id IN (${gone})`);
  const purgeIncidents = db.prepare(`DELETE FROM incidents WHERE report_id IN (${gone})`);
  const purgeCaseReviews = db.prepare(`DELETE FROM case_review_requests WHERE report_id IN (${gone})`);
  const purgeCases = db.prepare(`DELETE FROM cases WHERE report_id IN (${gone})`);
  const purgeReports = db.prepare(`DELETE FROM reports WHERE id IN (${gone})`);
  // Invitations' emails, once sent, and the invitations themselves, after the same time.
  const purgeInvitations = db.prepare(`DELETE FROM deliveries WHERE report_id IS NULL AND status IN ('sent', 'cancelled', 'failed') AND next_attempt_at < @cutoff`);
  const purge = db.transaction((cutoff: number) => {
    purgeDeliveries.run({ cutoff });
    purgeInvitations.run({ cutoff });
    db.prepare(`DELETE FROM invitations WHERE expires_at < ?`).run(cutoff);
    purgeAudit.run({ cutoff });
    purgeNotes.run({ cutoff });
    purgeMessages.run({ cutoff });
    purgeIncidents.run({ cutoff });
    purgeCaseReviews.run({ cutoff });
    db.prepare(`DELETE FROM follow_up_failures WHERE window_start < ?`).run(cutoff);
    purgeCases.run({ cutoff });
    return purgeReports.run({ cutoff }).changes;
  });
  const fail = relaxed.transaction((id: number, token: string, error: string, alert: { recipient: string; now: number } | null) => {
    if (markFailed.run({ id, token, error: seal(error) }).changes === 1 && alert) insertAlert.run({ id, ...alert, payload: seal(JSON.stringify({ failed: id })) });
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
    /** The partners and channels with deliveries due now (or whose claim expired). */
    dueLines(now: number): SendingLine[] {
      return dueLines.all({ now }) as SendingLine[];
    },
    /** Claims due deliveries (and ones whose claim expired), of one line or all, for the sender holding `token`, atomically. */
    claimDue(now: number, claimMs: number, limit: number, token: string, line?: SendingLine): Delivery[] {
      const which = line ?? { partnerId: null, channel: null, audience: null };
      return (claim.all({ now, until: now + claimMs, limit, token, ...which }) as DeliveryRow[]).map(readDelivery);
    },
    /** Extends a claim that is still this sender's; false if it expired and another sender took it. */
    renewClaim(id: number, token: string, until: number): boolean {
      return renewClaim.run({ id, token, until }).changes === 1;
    },
    markSent(id: number, token: string, now: number): void {
      markSent.run({ id, token, now });
    },
    markRetry(id: number, token: string, nextAttemptAt: number, error: string): void {
      markRetry.run({ id, token, nextAttemptAt, error: seal(error) });
    },
    /** Marks a delivery failed for good and, if asked, plans an alert about it in the same step. */
    markFailed(id: number, token: string, error: string, alert: { recipient: string; now: number } | null): void {
      fail(id, token, error, alert);
    },
    /** A chat conversation's state, unless it has expired (then it is deleted). */
    chatState(user: string, now: number, expiryMs: number): string | undefined {
      const row = chatRow.get(user) as { state: string; updated_at: number } | undefined;
      if (row && row.updated_at < now - expiryMs) {
        forgetChat.run(user);
        return undefined;
      }
      return row && open(row.state);
    },
    saveChatState(user: string, state: string, now: number): void {
      saveChat.run(user, seal(state), now);
    },
    forgetChat(user: string): void {
      forgetChat.run(user);
    },
    /** Deletes every conversation idle for longer than the expiry. */
    expireChats(before: number): number {
      return db.prepare(`DELETE FROM chat_state WHERE updated_at < ?`).run(before).changes;
    },
    /**
     * What is known of earlier reports sharing these keys since `since`, from match records alone
     * (no answers read): the same person's reports by name, the reports at a place by count.
     */
    earlier(keys: MatchKey[], since: number): Earlier {
      const victimKeys = keys.filter((k) => (VICTIM_KINDS as string[]).includes(k.kind)).map((k) => k.hash);
      const rows = victimKeys.length
        ? (victimMatches(victimKeys.length).all(...victimKeys, since) as { reference: string; type: string; kind: VictimBasis; created_at: number; incident_date: string | null }[])
        : [];
      const victims = rows.map((row) => ({
        reference: row.reference,
        type: row.type,
        kind: row.kind,
        createdAt: row.created_at,
        ...(row.incident_date && { incidentDate: row.incident_date }),
      }));
      const count = ({ kind, since, types, reportedWithinDays }: PlaceCount) => {
        const key = keys.find((k) => k.kind === kind);
        if (!key) return 0;
        const query = placeCount(types?.length ?? 0, reportedWithinDays !== undefined);
        return (query.get(key.hash, dayOf(since), ...(types ?? []), ...(reportedWithinDays === undefined ? [] : [reportedWithinDays])) as { n: number }).n;
      };
      return { victims, count };
    },
    /** Deletes match records and place counts made before `before` (the start of the longest repeat window). */
    purgeMatchRecords(before: number): number {
      const records = db.prepare(`DELETE FROM match_records WHERE created_at < ?`).run(before).changes;
      return records + db.prepare(`DELETE FROM place_counts WHERE day < ?`).run(dayOf(before)).changes;
    },
    /** A form's answers between steps, unless expired (then deleted). `id` is already a hash. */
    formDraft(id: string, now: number, expiryMs: number): string | undefined {
      const row = draftRow.get(id) as { state: string; updated_at: number } | undefined;
      if (row && row.updated_at < now - expiryMs) {
        forgetDraft.run(id);
        return undefined;
      }
      return row && open(row.state);
    },
    saveFormDraft(id: string, state: string, now: number): void {
      saveDraft.run(id, seal(state), now);
    },
    forgetFormDraft(id: string): void {
      forgetDraft.run(id);
    },
    expireFormDrafts(before: number): number {
      return db.prepare(`DELETE FROM form_drafts WHERE updated_at < ?`).run(before).changes;
    },
    /** Deletes reports whose deliveries all succeeded before `cutoff`; returns how many. */
    purgeDelivered(cutoff: number): number {
      return purge(cutoff);
    },
    /** Writes the log back into the database and empties it, so no copy of deleted rows stays in it. */
    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    report(id: number): StoredReport | undefined {
      const row = db.prepare(`SELECT * FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
      return row && readReport(row);
    },
    reportByReference(reference: string): StoredReport | undefined {
      const row = db.prepare(`SELECT * FROM reports WHERE reference = ?`).get(reference) as ReportRow | undefined;
      return row && readReport(row);
    },
    /**
     * What an Open311 client may know of a report it sent, and no other: its type, when, and
     * whether every partner has closed it. No answers are read.
     */
    requestStatus(reference: string, source: string): { type: string; createdAt: number; closed: boolean; updatedAt: number } | undefined {
      const row = db
        .prepare(
          `SELECT r.type, r.created_at, COUNT(c.partner_id) AS cases, SUM(CASE WHEN c.status = 'closed' THEN 1 ELSE 0 END) AS closed,
             MAX(COALESCE(c.closed_at, c.acknowledged_at, c.received_at)) AS updated
           FROM reports r LEFT JOIN cases c ON c.report_id = r.id WHERE r.reference = ? AND r.source = ? GROUP BY r.id`,
        )
        .get(reference, source) as { type: string; created_at: number; cases: number; closed: number | null; updated: number | null } | undefined;
      return row && { type: row.type, createdAt: row.created_at, closed: row.cases > 0 && row.closed === row.cases, updatedAt: row.updated ?? row.created_at };
    },
    deliveriesOf(reportId: number): Delivery[] {
      const rows = db.prepare(`SELECT * FROM deliveries WHERE report_id = ? ORDER BY id`).all(reportId) as DeliveryRow[];
      return rows.map(readDelivery);
    },
    countReports(): number {
      return (db.prepare(`SELECT COUNT(*) AS n FROM reports`).get() as { n: number }).n;
    },
    /** Deliveries and alerts that failed for good and wait for a person: what health reports. */
    failures(): { deliveries: number; alerts: number } {
      const row = db
        .prepare(
          `SELECT SUM(CASE WHEN kind = 'report' THEN 1 ELSE 0 END) AS deliveries, SUM(CASE WHEN kind = 'alert' THEN 1 ELSE 0 END) AS alerts
           FROM deliveries WHERE status = 'failed'`,
        )
        .get() as { deliveries: number | null; alerts: number | null };
      return { deliveries: row.deliveries ?? 0, alerts: row.alerts ?? 0 };
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
        .prepare(`SELECT d.*, r.reference FROM deliveries d LEFT JOIN reports r ON r.id = d.report_id WHERE d.status NOT IN ('sent', 'cancelled') ORDER BY d.id`)
        .all() as (DeliveryRow & { reference: string | null })[];
      // An invitation's link is not shown: it would let whoever reads the list register as the invitee.
      return rows.map((row) => ({ ...readDelivery({ ...row, payload: null }), reference: row.reference ?? '(invitation)' }));
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
        db.prepare(`UPDATE deliveries SET status = 'cancelled', claimed_until = NULL, claim_token = NULL WHERE id = ? AND status NOT IN ('sent', 'cancelled')`).run(id)
          .changes === 1
      );
    },
    /** Cases, notes, the audit trail and staff sign-in. */
    workspace,
    /** Counts another incident of a report for repeats and the Case Review, as a report's own matches are counted. */
    countIncident(match: { reference: string; type: string; createdAt: number; incidentDate: string; matches: MatchKey[] }): void {
      db.transaction(() => {
        for (const key of match.matches) {
          if ((VICTIM_KINDS as string[]).includes(key.kind)) {
            insertMatch.run({ reference: match.reference, type: match.type, ...key, createdAt: match.createdAt, incidentDate: match.incidentDate });
          } else {
            const daysAfter = daysAfterIncident(match.createdAt, match.incidentDate) ?? -1;
            countPlace.run({ hash: key.hash, day: dayOf(match.createdAt), type: match.type, daysAfterIncident: daysAfter });
          }
        }
      })();
    },
    close(): void {
      relaxed.close();
      db.close();
    },
  };
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
function checkKey(db: Database.Database, file: string, keyed: boolean, seal: (s: string) => string, open: (s: string) => string): void {
  const check = (db.prepare(`SELECT value FROM meta WHERE name = ?`).get(KEY_CHECK) as { value: string } | undefined)?.value;
  const sealedRow = db.prepare(`SELECT answers FROM reports WHERE answers LIKE 'aes256gcm:%' LIMIT 1`).get() as { answers: string } | undefined;
  const sealedSample = check ?? sealedRow?.answers;
  if (sealedSample?.startsWith('aes256gcm:') && !keyed) {
    throw new ConfigError(file, 'its reports are encrypted: set REPORT_KEY to the key they were sealed with');
  }
  if (keyed && sealedSample) {
    try {
      open(sealedSample);
    } catch {
      throw new ConfigError('REPORT_KEY', `is not the key ${file} was sealed with`);
    }
  }
  if (keyed && !check) db.prepare(`INSERT INTO meta (name, value) VALUES (?, ?)`).run(KEY_CHECK, seal(KEY_CHECK));
}
