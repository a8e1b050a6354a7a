import type { Queries, Sql } from './sql';

// The workspace's tables (schema.ts): cases, notes, the audit trail, invitations, passkeys and
// sessions. Part of the store: the only code that speaks SQL.

export type CaseStatus = 'new' | 'acknowledged' | 'in-progress' | 'closed';
export type Outcome = 'resolved' | 'no-further-action' | 'passed-on' | 'duplicate';

export interface NewCase {
  partnerId: string;
  fields?: string[];
  /** The postcode's outward code, if this partner may see the postcode. */
  area?: string;
  /** The names of the repeat flags this partner may see. */
  flags: string[];
  dueAt: number;
  passedFrom?: string;
}

/** What a partner's case system is told of its cases, by webhook, besides the report itself. */
export type CaseEvent = 'report' | 'status' | 'message' | 'incident';

export interface CaseStatusEvent {
  status: CaseStatus;
  outcome: Outcome | null;
  stopContact: boolean;
  withdrawn: boolean;
  at: number;
}

/** Who a change made through a partner's own system is recorded as, in the audit trail. */
export const systemActor = (partnerId: string) => `system:${partnerId}`;

export interface Case {
  reportId: number;
  reference: string;
  type: string;
  partnerId: string;
  fields?: string[];
  area: string | null;
  flags: string[];
  status: CaseStatus;
  outcome: Outcome | null;
  assignedTo: string | null;
  passedFrom: string | null;
  receivedAt: number;
  dueAt: number;
  acknowledgedAt: number | null;
  closedAt: number | null;
  reminded: number;
  /** The reporter wrote since this partner last opened the report. */
  replyWaiting: boolean;
  /** The reporter asked partners not to contact them any more. */
  stopContact: boolean;
  /** The reporter withdrew the report. */
  withdrawn: boolean;
}

export interface Incident {
  date: string;
  time?: string;
  description: string;
  createdAt: number;
}

export interface InboxFilter {
  status?: CaseStatus;
  type?: string;
  area?: string;
  flag?: string;
}

export interface AuditEntry {
  at: number;
  actor: string;
  partnerId?: string;
  reference?: string;
  action: string;
  /** What changed (a status, an outcome, a partner's id): never anything a reporter wrote. */
  detail?: string;
}

export interface Note {
  author: string;
  body: string;
  createdAt: number;
}

export interface Message {
  partnerId: string;
  fromReporter: boolean;
  /** The staff member who wrote it, or "reporter". */
  author: string;
  body: string;
  createdAt: number;
}

export interface Passkey {
  id: string;
  email: string;
  publicKey: Buffer;
  counter: number;
  transports?: string[];
}

export interface StaffSession {
  email: string;
  csrf: string;
  createdAt: number;
  seenAt: number;
}

interface CaseRow {
  report_id: number;
  reference: string;
  type: string;
  partner_id: string;
  fields: string | null;
  area: string | null;
  flags: string;
  status: CaseStatus;
  outcome: Outcome | null;
  assigned_to: string | null;
  passed_from: string | null;
  received_at: number;
  due_at: number;
  acknowledged_at: number | null;
  closed_at: number | null;
  reminded: number;
  reply_waiting: number;
  stop_contact: number;
  withdrawn: number;
}

const toCase = (row: CaseRow): Case => ({
  reportId: row.report_id,
  reference: row.reference,
  type: row.type,
  partnerId: row.partner_id,
  ...(row.fields && { fields: JSON.parse(row.fields) as string[] }),
  area: row.area,
  flags: row.flags ? row.flags.split(',') : [],
  status: row.status,
  outcome: row.outcome,
  assignedTo: row.assigned_to,
  passedFrom: row.passed_from,
  receivedAt: row.received_at,
  dueAt: row.due_at,
  acknowledgedAt: row.acknowledged_at,
  closedAt: row.closed_at,
  reminded: row.reminded,
  replyWaiting: row.reply_waiting === 1,
  stopContact: row.stop_contact === 1,
  withdrawn: row.withdrawn === 1,
});

const CASE_SELECT = `SELECT c.*, r.reference, r.type FROM cases c JOIN reports r ON r.id = c.report_id`;

export function workspaceStore(sql: Sql, seal: (s: string) => string, open: (s: string) => string) {
  const audit = (q: Queries, entry: AuditEntry) =>
    q.run(`INSERT INTO audit (at, actor, partner_id, reference, action, detail) VALUES (@at, @actor, @partnerId, @reference, @action, @detail)`, {
      partnerId: null,
      reference: null,
      detail: null,
      ...entry,
    });

  // Partners whose case systems take each change by webhook: planned in the same step as the
  // change, so a case system never misses one. A change its own system made is not sent back.
  let caseSystems = new Set<string>();
  const event = async (q: Queries, reportId: number, partnerId: string, kind: CaseEvent, at: number, payload?: object, fields?: string[]) => {
    if (!caseSystems.has(partnerId)) return;
    await q.run(
      `INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, fields, payload, status, next_attempt_at)
       VALUES (@reportId, @kind, 'webhook', @partnerId, @partnerId, @fields, @payload, 'pending', @at)`,
      { reportId, kind, partnerId, at, fields: fields ? JSON.stringify(fields) : null, payload: payload ? seal(JSON.stringify(payload)) : null },
    );
  };
  const statusEvent = async (q: Queries, reportId: number, partnerId: string, at: number, actor: string) => {
    if (actor === systemActor(partnerId)) return;
    const row = await q.get<{ status: CaseStatus; outcome: Outcome | null; stop_contact: number; withdrawn: number }>(
      `SELECT status, outcome, stop_contact, withdrawn FROM cases WHERE report_id = ? AND partner_id = ?`,
      [reportId, partnerId],
    );
    if (!row) return;
    const status: CaseStatusEvent = { status: row.status, outcome: row.outcome, stopContact: row.stop_contact === 1, withdrawn: row.withdrawn === 1, at };
    await event(q, reportId, partnerId, 'status', at, status);
  };

  const addCase = (q: Queries, reportId: number, receivedAt: number, c: NewCase) =>
    q.run(
      `INSERT INTO cases (report_id, partner_id, fields, area, flags, status, received_at, due_at, passed_from)
       VALUES (@reportId, @partnerId, @fields, @area, @flags, 'new', @receivedAt, @dueAt, @passedFrom)`,
      {
        reportId,
        partnerId: c.partnerId,
        fields: c.fields ? JSON.stringify(c.fields) : null,
        area: c.area ?? null,
        flags: c.flags.join(','),
        receivedAt,
        dueAt: c.dueAt,
        passedFrom: c.passedFrom ?? null,
      },
    );
  const cases = async (query: string, params: unknown[]) => (await sql.all<CaseRow>(query, params)).map(toCase);

  return {
    /** Cases are made with their report, in the same transaction (store.saveReport). */
    addCase,
    /** Several entries in one step (an export: one for each report it held). */
    async auditMany(entries: AuditEntry[]): Promise<void> {
      await sql.tx(async (q) => {
        for (const entry of entries) await audit(q, entry);
      });
    },
    /** The partners whose case systems take their cases' changes by webhook. */
    sendEventsTo(partnerIds: string[]): void {
      caseSystems = new Set(partnerIds);
    },
    async audit(entry: AuditEntry): Promise<void> {
      await audit(sql, entry);
    },
    /** A partner's reports, newest first, by the filters given. */
    async inbox(partnerId: string, filter: InboxFilter, limit = 200): Promise<Case[]> {
      const where = ['c.partner_id = @partnerId'];
      if (filter.status) where.push('c.status = @status');
      if (filter.type) where.push('r.type = @type');
      if (filter.area) where.push('c.area = @area');
      if (filter.flag) where.push(`(',' || c.flags || ',') LIKE '%,' || @flag || ',%'`);
      const rows = await sql.all<CaseRow>(`${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.received_at DESC, c.report_id DESC LIMIT @limit`, {
        partnerId,
        limit,
        ...filter,
      });
      return rows.map(toCase);
    },
    /** The areas a partner's reports came from, for the inbox's filter. */
    async areasOf(partnerId: string): Promise<string[]> {
      const rows = await sql.all<{ area: string }>(`SELECT DISTINCT area FROM cases WHERE partner_id = ? AND area IS NOT NULL ORDER BY area`, [partnerId]);
      return rows.map((r) => r.area);
    },
    async caseOf(reference: string, partnerId: string): Promise<Case | undefined> {
      return (await cases(`${CASE_SELECT} WHERE r.reference = ? AND c.partner_id = ?`, [reference, partnerId]))[0];
    },
    async casesOfReport(reportId: number): Promise<Case[]> {
      return cases(`${CASE_SELECT} WHERE c.report_id = ? ORDER BY c.received_at`, [reportId]);
    },
    /** Changes a case and records it, in one step; false if there is no such case. */
    async changeCase(
      c: Pick<Case, 'reportId' | 'partnerId'>,
      set: Partial<Record<'status' | 'outcome' | 'assigned_to' | 'acknowledged_at' | 'closed_at', string | number | null>>,
      entry: AuditEntry,
    ): Promise<boolean> {
      return sql.tx(async (q) => {
        const columns = Object.keys(set);
        const changed = await q.run(`UPDATE cases SET ${columns.map((col) => `${col} = @${col}`).join(', ')} WHERE report_id = @reportId AND partner_id = @partnerId`, {
          ...set,
          reportId: c.reportId,
          partnerId: c.partnerId,
        });
        if (changed !== 1) return false;
        await audit(q, entry);
        if ('status' in set || 'outcome' in set) await statusEvent(q, c.reportId, c.partnerId, entry.at, entry.actor);
        return true;
      });
    },
    /** Closes one partner's case as passed on and opens the receiver's (with its email, if it takes email). */
    async passOn(from: Case, to: NewCase, delivery: { recipient: string; now: number } | null, entry: AuditEntry): Promise<void> {
      await sql.tx(async (q) => {
        await q.run(
          `UPDATE cases SET status = 'closed', outcome = 'passed-on', closed_at = ?, acknowledged_at = COALESCE(acknowledged_at, ?) WHERE report_id = ? AND partner_id = ?`,
          [entry.at, entry.at, from.reportId, from.partnerId],
        );
        await addCase(q, from.reportId, entry.at, to);
        await statusEvent(q, from.reportId, from.partnerId, entry.at, entry.actor);
        await event(q, from.reportId, to.partnerId, 'report', entry.at, undefined, to.fields);
        if (delivery) {
          await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, fields, status, next_attempt_at) VALUES (?, 'report', ?, ?, ?, 'pending', ?)`, [
            from.reportId,
            to.partnerId,
            seal(delivery.recipient),
            to.fields ? JSON.stringify(to.fields) : null,
            delivery.now,
          ]);
        }
        await audit(q, entry);
      });
    },
    async addNote(c: Pick<Case, 'reportId' | 'partnerId'>, note: Note): Promise<void> {
      await sql.run(`INSERT INTO case_notes (report_id, partner_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)`, [
        c.reportId,
        c.partnerId,
        note.author,
        seal(note.body),
        note.createdAt,
      ]);
    },
    async notesOf(c: Pick<Case, 'reportId' | 'partnerId'>): Promise<Note[]> {
      const rows = await sql.all<{ author: string; body: string; created_at: number }>(
        `SELECT author, body, created_at FROM case_notes WHERE report_id = ? AND partner_id = ? ORDER BY id`,
        [c.reportId, c.partnerId],
      );
      return rows.map((r) => ({ author: r.author, body: open(r.body), createdAt: r.created_at }));
    },
    /**
     * Adds a message between a partner and the reporter; a reporter's reply marks the partner's
     * case as waiting for it. A notice to the reporter, if they gave a safe address, goes in the
     * same step (no content: "A message about your reference").
     */
    async addMessage(reportId: number, message: Message, notice?: { recipient: string; now: number }): Promise<void> {
      await sql.tx(async (q) => {
        await q.run(`INSERT INTO messages (report_id, partner_id, from_reporter, author, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
          reportId,
          message.partnerId,
          message.fromReporter ? 1 : 0,
          message.author,
          seal(message.body),
          message.createdAt,
        ]);
        if (message.fromReporter) await q.run(`UPDATE cases SET reply_waiting = 1 WHERE report_id = ? AND partner_id = ?`, [reportId, message.partnerId]);
        await event(q, reportId, message.partnerId, 'message', message.createdAt, message);
        if (notice) {
          await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (?, 'message-notice', ?, ?, 'pending', ?)`, [
            reportId,
            'reporter',
            seal(notice.recipient),
            notice.now,
          ]);
        }
      });
    },
    async messagesOf(reportId: number): Promise<Message[]> {
      const rows = await sql.all<{ partner_id: string; from_reporter: number; author: string; body: string; created_at: number }>(
        `SELECT partner_id, from_reporter, author, body, created_at FROM messages WHERE report_id = ? ORDER BY id`,
        [reportId],
      );
      return rows.map((r) => ({ partnerId: r.partner_id, fromReporter: r.from_reporter === 1, author: r.author, body: open(r.body), createdAt: r.created_at }));
    },
    /** A partner opened the report: its reporter's replies are read. */
    async repliesRead(c: Pick<Case, 'reportId' | 'partnerId'>): Promise<void> {
      await sql.run(`UPDATE cases SET reply_waiting = 0 WHERE report_id = ? AND partner_id = ? AND reply_waiting = 1`, [c.reportId, c.partnerId]);
    },
    /** Another incident joins the report; each partner working it is told (no content), in one step. */
    async addIncident(reportId: number, incident: Incident, notices: { partnerId: string; recipient: string }[]): Promise<number> {
      return sql.tx(async (q) => {
        await q.run(`INSERT INTO incidents (report_id, incident_date, incident_time, description, created_at) VALUES (?, ?, ?, ?, ?)`, [
          reportId,
          incident.date,
          incident.time ?? null,
          seal(incident.description),
          incident.createdAt,
        ]);
        // The incident rides with its email, sealed, for a partner whose email carries answers; deleted once sent.
        for (const n of notices) {
          await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (?, 'incident', ?, ?, ?, 'pending', ?)`, [
            reportId,
            n.partnerId,
            seal(n.recipient),
            seal(JSON.stringify(incident)),
            incident.createdAt,
          ]);
        }
        await q.run(`UPDATE cases SET reply_waiting = 1 WHERE report_id = ? AND status <> 'closed'`, [reportId]);
        const working = await q.all<{ partner_id: string }>(`SELECT partner_id FROM cases WHERE report_id = ? AND status <> 'closed'`, [reportId]);
        for (const c of working) await event(q, reportId, c.partner_id, 'incident', incident.createdAt, incident);
        return (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM incidents WHERE report_id = ?`, [reportId]))!.n;
      });
    },
    async incidentsOf(reportId: number): Promise<Incident[]> {
      const rows = await sql.all<{ incident_date: string; incident_time: string | null; description: string; created_at: number }>(
        `SELECT incident_date, incident_time, description, created_at FROM incidents WHERE report_id = ? ORDER BY id`,
        [reportId],
      );
      return rows.map((r) => ({ date: r.incident_date, ...(r.incident_time && { time: r.incident_time }), description: open(r.description), createdAt: r.created_at }));
    },
    /** The reporter asks for an ASB Case Review: recorded once, with its email to the Case Review contact. */
    async requestCaseReview(reportId: number, now: number, recipient: string, counted: number): Promise<boolean> {
      return sql.tx(async (q) => {
        const added = await q.run(`INSERT INTO case_review_requests (report_id, requested_at) VALUES (?, ?) ON CONFLICT DO NOTHING`, [reportId, now]);
        if (added !== 1) return false;
        await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (?, 'case-review', 'partnership', ?, ?, 'pending', ?)`, [
          reportId,
          seal(recipient),
          seal(JSON.stringify({ counted })),
          now,
        ]);
        return true;
      });
    },
    async caseReviewRequestedAt(reportId: number): Promise<number | undefined> {
      return (await sql.get<{ requested_at: number }>(`SELECT requested_at FROM case_review_requests WHERE report_id = ?`, [reportId]))?.requested_at;
    },
    /** What the reporter asked of every partner working the report: no more contact, or withdrawn. */
    async reporterAsks(reportId: number, ask: 'stop_contact' | 'withdrawn', now: number): Promise<void> {
      await sql.tx(async (q) => {
        const asked = await q.all<{ partner_id: string }>(`UPDATE cases SET ${ask} = 1 WHERE report_id = ? RETURNING partner_id`, [reportId]);
        for (const c of asked) await statusEvent(q, reportId, c.partner_id, now, 'reporter');
      });
    },
    /** The slow hash of a report's follow-up code, by its reference. */
    async followUpHash(reference: string): Promise<{ reportId: number; hash: string } | undefined> {
      const row = await sql.get<{ id: number; follow_up_hash: string }>(`SELECT id, follow_up_hash FROM reports WHERE reference = ? AND follow_up_hash IS NOT NULL`, [reference]);
      return row && { reportId: row.id, hash: row.follow_up_hash };
    },
    /** Until when a reference's follow-up is locked after wrong codes, if it is. */
    async lockedUntil(reference: string, now: number): Promise<number | undefined> {
      const row = await sql.get<{ locked_until: number | null }>(`SELECT locked_until FROM follow_up_failures WHERE reference = ?`, [reference]);
      return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
    },
    /** Counts a wrong code; the `limit`th in a window locks the reference until the window's length has passed. */
    async wrongCode(reference: string, now: number, windowMs: number, limit: number): Promise<number | undefined> {
      return sql.tx(async (q) => {
        // Counted in one statement, which holds the row: two guesses at once, even in two
        // processes, are both counted.
        const row = await q.get<{ failures: number }>(
          `INSERT INTO follow_up_failures (reference, failures, window_start, locked_until) VALUES (@reference, 1, @now, NULL)
           ON CONFLICT (reference) DO UPDATE SET
             failures = CASE WHEN follow_up_failures.window_start <= @windowStart THEN 1 ELSE follow_up_failures.failures + 1 END,
             window_start = CASE WHEN follow_up_failures.window_start <= @windowStart THEN @now ELSE follow_up_failures.window_start END
           RETURNING failures`,
          { reference, now, windowStart: now - windowMs },
        );
        if (row!.failures < limit) return undefined;
        const lockedUntil = now + windowMs;
        await q.run(`UPDATE follow_up_failures SET failures = 0, window_start = ?, locked_until = ? WHERE reference = ?`, [now, lockedUntil, reference]);
        return lockedUntil;
      });
    },
    async rightCode(reference: string): Promise<void> {
      await sql.run(`DELETE FROM follow_up_failures WHERE reference = ?`, [reference]);
    },
    /** New reports past their time whose partner (level 1) or administrators (level 2) have not been told yet. */
    async overdue(now: number): Promise<Case[]> {
      return cases(`${CASE_SELECT} WHERE c.status = 'new' AND c.due_at <= ? ORDER BY c.due_at`, [now]);
    },
    /** Records a reminder as planned, with its email, once per level. */
    async remind(c: Case, level: number, email: { kind: 'overdue' | 'escalation'; recipient: string; now: number }): Promise<boolean> {
      return sql.tx(async (q) => {
        const marked = await q.run(`UPDATE cases SET reminded = ? WHERE report_id = ? AND partner_id = ? AND reminded < ?`, [level, c.reportId, c.partnerId, level]);
        if (marked !== 1) return false;
        await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`, [
          c.reportId,
          email.kind,
          c.partnerId,
          seal(email.recipient),
          email.now,
        ]);
        return true;
      });
    },
    async countOverdue(now: number): Promise<number> {
      return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases WHERE status = 'new' AND due_at <= ?`, [now]))!.n;
    },
    /** Every case, for the administrators' figures (no answers). */
    async allCases(): Promise<Case[]> {
      return cases(CASE_SELECT, []);
    },
    async auditOf(reference: string): Promise<(AuditEntry & { id: number })[]> {
      return sql.all(`SELECT id, at, actor, partner_id AS "partnerId", reference, action, detail FROM audit WHERE reference = ? ORDER BY id`, [reference]);
    },
    async recentAudit(limit: number): Promise<(AuditEntry & { id: number })[]> {
      return sql.all(`SELECT id, at, actor, partner_id AS "partnerId", reference, action, detail FROM audit ORDER BY id DESC LIMIT ?`, [limit]);
    },

    /** Stores an invitation and its email (the link sealed until sent), in one step. */
    async invite(invitation: { hash: string; email: string; partnerId: string; now: number; expiresAt: number; link: string }): Promise<void> {
      await sql.tx(async (q) => {
        await q.run(`INSERT INTO invitations (token_hash, email, partner_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`, [
          invitation.hash,
          invitation.email,
          invitation.partnerId,
          invitation.now,
          invitation.expiresAt,
        ]);
        await q.run(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (NULL, 'invitation', ?, ?, ?, 'pending', ?)`, [
          invitation.partnerId,
          seal(invitation.email),
          seal(invitation.link),
          invitation.now,
        ]);
        await audit(q, { at: invitation.now, actor: 'admin command', partnerId: invitation.partnerId, action: 'invited', detail: invitation.email });
      });
    },
    /** Whether an invitation can still be used, and whose it is. */
    async invitation(hash: string, now: number): Promise<{ email: string; partnerId: string } | 'used' | 'expired' | undefined> {
      const row = await sql.get<{ email: string; partner_id: string; expires_at: number; used_at: number | null }>(
        `SELECT email, partner_id, expires_at, used_at FROM invitations WHERE token_hash = ?`,
        [hash],
      );
      if (!row) return undefined;
      if (row.used_at !== null) return 'used';
      if (row.expires_at <= now) return 'expired';
      return { email: row.email, partnerId: row.partner_id };
    },
    /** Uses the invitation and keeps its passkey, or neither: an invitation registers one passkey, once. */
    async registerPasskey(hash: string, now: number, key: Passkey): Promise<boolean> {
      return sql.tx(async (q) => {
        const row = await q.get<{ email: string; partner_id: string }>(
          `UPDATE invitations SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING email, partner_id`,
          { hash, now },
        );
        // Thrown, not returned: the invitation's use is undone with the refusal.
        if (!row || row.email !== key.email) throw new NotRegistered();
        await q.run(`INSERT INTO passkeys (id, email, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [
          key.id,
          key.email,
          key.publicKey.toString('base64'),
          key.counter,
          key.transports ? JSON.stringify(key.transports) : null,
          now,
        ]);
        return true;
      }).catch((err: unknown) => {
        if (err instanceof NotRegistered) return false;
        throw err;
      });
    },
    async passkeysOf(email: string): Promise<Passkey[]> {
      const rows = await sql.all<{ id: string; email: string; public_key: string; counter: number; transports: string | null }>(`SELECT * FROM passkeys WHERE email = ?`, [email]);
      return rows.map((r) => ({ id: r.id, email: r.email, publicKey: Buffer.from(r.public_key, 'base64'), counter: r.counter, ...(r.transports && { transports: JSON.parse(r.transports) as string[] }) }));
    },
    async passkeyUsed(id: string, counter: number, now: number): Promise<void> {
      await sql.run(`UPDATE passkeys SET counter = ?, used_at = ? WHERE id = ?`, [counter, now, id]);
    },

    async createSession(idHash: string, email: string, csrf: string, now: number): Promise<void> {
      await sql.run(`INSERT INTO staff_sessions (id_hash, email, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)`, [idHash, email, csrf, now, now]);
    },
    async session(idHash: string): Promise<StaffSession | undefined> {
      const row = await sql.relaxed.get<{ email: string; csrf: string; created_at: number; seen_at: number }>(
        `SELECT email, csrf, created_at, seen_at FROM staff_sessions WHERE id_hash = ?`,
        [idHash],
      );
      return row && { email: row.email, csrf: row.csrf, createdAt: row.created_at, seenAt: row.seen_at };
    },
    async touchSession(idHash: string, now: number): Promise<void> {
      await sql.relaxed.run(`UPDATE staff_sessions SET seen_at = ? WHERE id_hash = ?`, [now, idHash]);
    },
    async endSession(idHash: string): Promise<void> {
      await sql.run(`DELETE FROM staff_sessions WHERE id_hash = ?`, [idHash]);
    },
    /** Signs a person out on every device. */
    async endSessionsOf(email: string): Promise<number> {
      return sql.run(`DELETE FROM staff_sessions WHERE email = ?`, [email]);
    },
    async expireSessions(idleBefore: number, startedBefore: number): Promise<number> {
      return sql.run(`DELETE FROM staff_sessions WHERE seen_at < ? OR created_at < ?`, [idleBefore, startedBefore]);
    },
  };
}

/** An invitation that could not register this passkey. */
class NotRegistered extends Error {}

export type WorkspaceStore = ReturnType<typeof workspaceStore>;
