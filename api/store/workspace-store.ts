import type Database from 'better-sqlite3';

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

export function workspaceStore(db: Database.Database, relaxed: Database.Database, seal: (s: string) => string, open: (s: string) => string) {
  const insertCase = db.prepare(
    `INSERT INTO cases (report_id, partner_id, fields, area, flags, status, received_at, due_at, passed_from)
     VALUES (@reportId, @partnerId, @fields, @area, @flags, 'new', @receivedAt, @dueAt, @passedFrom)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit (at, actor, partner_id, reference, action, detail) VALUES (@at, @actor, @partnerId, @reference, @action, @detail)`,
  );
  const audit = (entry: AuditEntry) =>
    insertAudit.run({ partnerId: null, reference: null, detail: null, ...entry });

  // Partners whose case systems take each change by webhook: planned in the same step as the
  // change, so a case system never misses one. A change its own system made is not sent back.
  let caseSystems = new Set<string>();
  const insertEvent = db.prepare(
    `INSERT INTO deliveries (report_id, kind, channel, partner_id, recipient, fields, payload, status, next_attempt_at)
     VALUES (@reportId, @kind, 'webhook', @partnerId, @partnerId, @fields, @payload, 'pending', @at)`,
  );
  const event = (reportId: number, partnerId: string, kind: CaseEvent, at: number, payload?: object, fields?: string[]) => {
    if (!caseSystems.has(partnerId)) return;
    insertEvent.run({ reportId, kind, partnerId, at, fields: fields ? JSON.stringify(fields) : null, payload: payload ? seal(JSON.stringify(payload)) : null });
  };
  const statusRow = db.prepare(`SELECT status, outcome, stop_contact, withdrawn FROM cases WHERE report_id = ? AND partner_id = ?`);
  const statusEvent = (reportId: number, partnerId: string, at: number, actor: string) => {
    if (actor === systemActor(partnerId)) return;
    const row = statusRow.get(reportId, partnerId) as { status: CaseStatus; outcome: Outcome | null; stop_contact: number; withdrawn: number } | undefined;
    if (!row) return;
    const status: CaseStatusEvent = { status: row.status, outcome: row.outcome, stopContact: row.stop_contact === 1, withdrawn: row.withdrawn === 1, at };
    event(reportId, partnerId, 'status', at, status);
  };

  const addCase = (reportId: number, receivedAt: number, c: NewCase) =>
    insertCase.run({
      reportId,
      partnerId: c.partnerId,
      fields: c.fields ? JSON.stringify(c.fields) : null,
      area: c.area ?? null,
      flags: c.flags.join(','),
      receivedAt,
      dueAt: c.dueAt,
      passedFrom: c.passedFrom ?? null,
    });

  const passOn = db.transaction(
    (from: Case, to: NewCase, delivery: { recipient: string; now: number } | null, entry: AuditEntry) => {
      db.prepare(
        `UPDATE cases SET status = 'closed', outcome = 'passed-on', closed_at = ?, acknowledged_at = COALESCE(acknowledged_at, ?) WHERE report_id = ? AND partner_id = ?`,
      ).run(entry.at, entry.at, from.reportId, from.partnerId);
      addCase(from.reportId, entry.at, to);
      statusEvent(from.reportId, from.partnerId, entry.at, entry.actor);
      event(from.reportId, to.partnerId, 'report', entry.at, undefined, to.fields);
      if (delivery) {
        db.prepare(
          `INSERT INTO deliveries (report_id, kind, partner_id, recipient, fields, status, next_attempt_at) VALUES (?, 'report', ?, ?, ?, 'pending', ?)`,
        ).run(from.reportId, to.partnerId, seal(delivery.recipient), to.fields ? JSON.stringify(to.fields) : null, delivery.now);
      }
      audit(entry);
    },
  );

  const change = db.transaction((reportId: number, partnerId: string, set: Record<string, unknown>, entry: AuditEntry) => {
    const columns = Object.keys(set);
    const changed = db
      .prepare(`UPDATE cases SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE report_id = @reportId AND partner_id = @partnerId`)
      .run({ ...set, reportId, partnerId }).changes;
    if (changed === 1) audit(entry);
    if (changed === 1 && ('status' in set || 'outcome' in set)) statusEvent(reportId, partnerId, entry.at, entry.actor);
    return changed === 1;
  });

  const useInvitation = db.prepare(
    `UPDATE invitations SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING email, partner_id`,
  );
  const register = db.transaction((hash: string, now: number, key: Passkey) => {
    const row = useInvitation.get({ hash, now }) as { email: string; partner_id: string } | undefined;
    if (!row || row.email !== key.email) return false;
    db.prepare(`INSERT INTO passkeys (id, email, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      key.id,
      key.email,
      key.publicKey.toString('base64'),
      key.counter,
      key.transports ? JSON.stringify(key.transports) : null,
      now,
    );
    return true;
  });

  const sessionRow = relaxed.prepare(`SELECT email, csrf, created_at, seen_at FROM staff_sessions WHERE id_hash = ?`);
  const touchSession = relaxed.prepare(`UPDATE staff_sessions SET seen_at = ? WHERE id_hash = ?`);

  const auditMany = db.transaction((entries: AuditEntry[]) => entries.forEach(audit));

  return {
    addCase,
    /** Several entries in one step (an export: one for each report it held). */
    auditMany(entries: AuditEntry[]): void {
      auditMany(entries);
    },
    /** The partners whose case systems take their cases' changes by webhook. */
    sendEventsTo(partnerIds: string[]): void {
      caseSystems = new Set(partnerIds);
    },
    /** Cases are made with their report, in the same transaction (store.saveReport). */
    audit,
    /** A partner's reports, newest first, by the filters given. */
    inbox(partnerId: string, filter: InboxFilter, limit = 200): Case[] {
      const where = ['c.partner_id = @partnerId'];
      if (filter.status) where.push('c.status = @status');
      if (filter.type) where.push('r.type = @type');
      if (filter.area) where.push('c.area = @area');
      if (filter.flag) where.push(`(',' || c.flags || ',') LIKE '%,' || @flag || ',%'`);
      const rows = db
        .prepare(`${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.received_at DESC, c.report_id DESC LIMIT @limit`)
        .all({ partnerId, limit, status: null, type: null, area: null, flag: null, ...filter }) as CaseRow[];
      return rows.map(toCase);
    },
    /** The areas a partner's reports came from, for the inbox's filter. */
    areasOf(partnerId: string): string[] {
      return (db.prepare(`SELECT DISTINCT area FROM cases WHERE partner_id = ? AND area IS NOT NULL ORDER BY area`).all(partnerId) as { area: string }[]).map((r) => r.area);
    },
    caseOf(reference: string, partnerId: string): Case | undefined {
      const row = db.prepare(`${CASE_SELECT} WHERE r.reference = ? AND c.partner_id = ?`).get(reference, partnerId) as CaseRow | undefined;
      return row && toCase(row);
    },
    casesOfReport(reportId: number): Case[] {
      return (db.prepare(`${CASE_SELECT} WHERE c.report_id = ? ORDER BY c.received_at`).all(reportId) as CaseRow[]).map(toCase);
    },
    /** Changes a case and records it, in one step; false if there is no such case. */
    changeCase(c: Pick<Case, 'reportId' | 'partnerId'>, set: Partial<Record<'status' | 'outcome' | 'assigned_to' | 'acknowledged_at' | 'closed_at', string | number | null>>, entry: AuditEntry): boolean {
      return change(c.reportId, c.partnerId, set, entry);
    },
    /** Closes one partner's case as passed on and opens the receiver's (with its email, if it takes email). */
    passOn(from: Case, to: NewCase, delivery: { recipient: string; now: number } | null, entry: AuditEntry): void {
      passOn(from, to, delivery, entry);
    },
    addNote(c: Pick<Case, 'reportId' | 'partnerId'>, note: Note): void {
      db.prepare(`INSERT INTO case_notes (report_id, partner_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)`).run(
        c.reportId,
        c.partnerId,
        note.author,
        seal(note.body),
        note.createdAt,
      );
    },
    notesOf(c: Pick<Case, 'reportId' | 'partnerId'>): Note[] {
      const rows = db
        .prepare(`SELECT author, body, created_at FROM case_notes WHERE report_id = ? AND partner_id = ? ORDER BY id`)
        .all(c.reportId, c.partnerId) as { author: string; body: string; created_at: number }[];
      return rows.map((r) => ({ author: r.author, body: open(r.body), createdAt: r.created_at }));
    },
    /**
     * Adds a message between a partner and the reporter; a reporter's reply marks the partner's
     * case as waiting for it. A notice to the reporter, if they gave a safe address, goes in the
     * same step (no content: "A message about your reference").
     */
    addMessage(reportId: number, message: Message, notice?: { recipient: string; now: number }): void {
      db.transaction(() => {
        db.prepare(`INSERT INTO messages (report_id, partner_id, from_reporter, author, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
          reportId,
          message.partnerId,
          message.fromReporter ? 1 : 0,
          message.author,
          seal(message.body),
          message.createdAt,
        );
        if (message.fromReporter) db.prepare(`UPDATE cases SET reply_waiting = 1 WHERE report_id = ? AND partner_id = ?`).run(reportId, message.partnerId);
        event(reportId, message.partnerId, 'message', message.createdAt, message);
        if (notice) {
          db.prepare(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (?, 'message-notice', ?, ?, 'pending', ?)`).run(
            reportId,
            'reporter',
            seal(notice.recipient),
            notice.now,
          );
        }
      })();
    },
    messagesOf(reportId: number): Message[] {
      const rows = db
        .prepare(`SELECT partner_id, from_reporter, author, body, created_at FROM messages WHERE report_id = ? ORDER BY id`)
        .all(reportId) as { partner_id: string; from_reporter: number; author: string; body: string; created_at: number }[];
      return rows.map((r) => ({ partnerId: r.partner_id, fromReporter: r.from_reporter === 1, author: r.author, body: open(r.body), createdAt: r.created_at }));
    },
    /** A partner opened the report: its reporter's replies are read. */
    repliesRead(c: Pick<Case, 'reportId' | 'partnerId'>): void {
      db.prepare(`UPDATE cases SET reply_waiting = 0 WHERE report_id = ? AND partner_id = ? AND reply_waiting = 1`).run(c.reportId, c.partnerId);
    },
    /** Another incident joins the report; each partner working it is told (no content), in one step. */
    addIncident(reportId: number, incident: Incident, notices: { partnerId: string; recipient: string }[]): number {
      return db.transaction(() => {
        db.prepare(`INSERT INTO incidents (report_id, incident_date, incident_time, description, created_at) VALUES (?, ?, ?, ?, ?)`).run(
          reportId,
          incident.date,
          incident.time ?? null,
          seal(incident.description),
          incident.createdAt,
        );
        // The incident rides with its email, sealed, for a partner whose email carries answers; deleted once sent.
        for (const n of notices) {
          db.prepare(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (?, 'incident', ?, ?, ?, 'pending', ?)`).run(
            reportId,
            n.partnerId,
            seal(n.recipient),
            seal(JSON.stringify(incident)),
            incident.createdAt,
          );
        }
        db.prepare(`UPDATE cases SET reply_waiting = 1 WHERE report_id = ? AND status <> 'closed'`).run(reportId);
        const open = db.prepare(`SELECT partner_id FROM cases WHERE report_id = ? AND status <> 'closed'`).all(reportId) as { partner_id: string }[];
        for (const c of open) event(reportId, c.partner_id, 'incident', incident.createdAt, incident);
        return (db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE report_id = ?`).get(reportId) as { n: number }).n;
      })();
    },
    incidentsOf(reportId: number): Incident[] {
      const rows = db.prepare(`SELECT incident_date, incident_time, description, created_at FROM incidents WHERE report_id = ? ORDER BY id`).all(reportId) as {
        incident_date: string;
        incident_time: string | null;
        description: string;
        created_at: number;
      }[];
      return rows.map((r) => ({ date: r.incident_date, ...(r.incident_time && { time: r.incident_time }), description: open(r.description), createdAt: r.created_at }));
    },
    /** The reporter asks for an ASB Case Review: recorded once, with its email to the Case Review contact. */
    requestCaseReview(reportId: number, now: number, recipient: string, counted: number): boolean {
      return db.transaction(() => {
        const added = db.prepare(`INSERT INTO case_review_requests (report_id, requested_at) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(reportId, now).changes;
        if (added === 1) {
          db.prepare(
            `INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (?, 'case-review', 'partnership', ?, ?, 'pending', ?)`,
          ).run(reportId, seal(recipient), seal(JSON.stringify({ counted })), now);
        }
        return added === 1;
      })();
    },
    caseReviewRequestedAt(reportId: number): number | undefined {
      return (db.prepare(`SELECT requested_at FROM case_review_requests WHERE report_id = ?`).get(reportId) as { requested_at: number } | undefined)?.requested_at;
    },
    /** What the reporter asked of every partner working the report: no more contact, or withdrawn. */
    reporterAsks(reportId: number, ask: 'stop_contact' | 'withdrawn', now: number): void {
      db.transaction(() => {
        const cases = db.prepare(`UPDATE cases SET ${ask} = 1 WHERE report_id = ? RETURNING partner_id`).all(reportId) as { partner_id: string }[];
        for (const c of cases) statusEvent(reportId, c.partner_id, now, 'reporter');
      })();
    },
    /** The slow hash of a report's follow-up code, by its reference. */
    followUpHash(reference: string): { reportId: number; hash: string } | undefined {
      const row = db.prepare(`SELECT id, follow_up_hash FROM reports WHERE reference = ? AND follow_up_hash IS NOT NULL`).get(reference) as { id: number; follow_up_hash: string } | undefined;
      return row && { reportId: row.id, hash: row.follow_up_hash };
    },
    /** Until when a reference's follow-up is locked after wrong codes, if it is. */
    lockedUntil(reference: string, now: number): number | undefined {
      const row = db.prepare(`SELECT locked_until FROM follow_up_failures WHERE reference = ?`).get(reference) as { locked_until: number | null } | undefined;
      return row?.locked_until && row.locked_until > now ? row.locked_until : undefined;
    },
    /** Counts a wrong code; the `limit`th in a window locks the reference until the window's length has passed. */
    wrongCode(reference: string, now: number, windowMs: number, limit: number): number | undefined {
      return db.transaction(() => {
        const row = db.prepare(`SELECT failures, window_start FROM follow_up_failures WHERE reference = ?`).get(reference) as { failures: number; window_start: number } | undefined;
        const fresh = !row || row.window_start <= now - windowMs;
        const failures = fresh ? 1 : row.failures + 1;
        const lockedUntil = failures >= limit ? now + windowMs : null;
        db.prepare(
          `INSERT INTO follow_up_failures (reference, failures, window_start, locked_until) VALUES (@reference, @failures, @start, @lockedUntil)
           ON CONFLICT (reference) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until`,
        ).run({ reference, failures: lockedUntil ? 0 : failures, start: fresh || lockedUntil ? now : row.window_start, lockedUntil });
        return lockedUntil ?? undefined;
      })();
    },
    rightCode(reference: string): void {
      db.prepare(`DELETE FROM follow_up_failures WHERE reference = ?`).run(reference);
    },
    /** New reports past their time whose partner (level 1) or administrators (level 2) have not been told yet. */
    overdue(now: number): Case[] {
      return (db.prepare(`${CASE_SELECT} WHERE c.status = 'new' AND c.due_at <= ? ORDER BY c.due_at`).all(now) as CaseRow[]).map(toCase);
    },
    /** Records a reminder as planned, with its email, once per level. */
    remind(c: Case, level: number, email: { kind: 'overdue' | 'escalation'; recipient: string; now: number }): boolean {
      return db.transaction(() => {
        const marked = db.prepare(`UPDATE cases SET reminded = ? WHERE report_id = ? AND partner_id = ? AND reminded < ?`).run(level, c.reportId, c.partnerId, level).changes;
        if (marked !== 1) return false;
        db.prepare(
          `INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
        ).run(c.reportId, email.kind, c.partnerId, seal(email.recipient), email.now);
        return true;
      })();
    },
    countOverdue(now: number): number {
      return (db.prepare(`SELECT COUNT(*) AS n FROM cases WHERE status = 'new' AND due_at <= ?`).get(now) as { n: number }).n;
    },
    /** Every case, for the administrators' figures (no answers). */
    allCases(): Case[] {
      return (db.prepare(CASE_SELECT).all() as CaseRow[]).map(toCase);
    },
    auditOf(reference: string): (AuditEntry & { id: number })[] {
      return db.prepare(`SELECT id, at, actor, partner_id AS partnerId, reference, action, detail FROM audit WHERE reference = ? ORDER BY id`).all(reference) as (AuditEntry & { id: number })[];
    },
    recentAudit(limit: number): (AuditEntry & { id: number })[] {
      return db.prepare(`SELECT id, at, actor, partner_id AS partnerId, reference, action, detail FROM audit ORDER BY id DESC LIMIT ?`).all(limit) as (AuditEntry & { id: number })[];
    },

    /** Stores an invitation and its email (the link sealed until sent), in one step. */
    invite(invitation: { hash: string; email: string; partnerId: string; now: number; expiresAt: number; link: string }): void {
      db.transaction(() => {
        db.prepare(`INSERT INTO invitations (token_hash, email, partner_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
          invitation.hash,
          invitation.email,
          invitation.partnerId,
          invitation.now,
          invitation.expiresAt,
        );
        db.prepare(
          `INSERT INTO deliveries (report_id, kind, partner_id, recipient, payload, status, next_attempt_at) VALUES (NULL, 'invitation', ?, ?, ?, 'pending', ?)`,
        ).run(invitation.partnerId, seal(invitation.email), seal(invitation.link), invitation.now);
        audit({ at: invitation.now, actor: 'admin command', partnerId: invitation.partnerId, action: 'invited', detail: invitation.email });
      })();
    },
    /** Whether an invitation can still be used, and whose it is. */
    invitation(hash: string, now: number): { email: string; partnerId: string } | 'used' | 'expired' | undefined {
      const row = db.prepare(`SELECT email, partner_id, expires_at, used_at FROM invitations WHERE token_hash = ?`).get(hash) as
        | { email: string; partner_id: string; expires_at: number; used_at: number | null }
        | undefined;
      if (!row) return undefined;
      if (row.used_at !== null) return 'used';
      if (row.expires_at <= now) return 'expired';
      return { email: row.email, partnerId: row.partner_id };
    },
    /** Uses the invitation and keeps its passkey, or neither: an invitation registers one passkey, once. */
    registerPasskey(hash: string, now: number, key: Passkey): boolean {
      return register(hash, now, key);
    },
    passkeysOf(email: string): Passkey[] {
      const rows = db.prepare(`SELECT * FROM passkeys WHERE email = ?`).all(email) as { id: string; email: string; public_key: string; counter: number; transports: string | null }[];
      return rows.map((r) => ({ id: r.id, email: r.email, publicKey: Buffer.from(r.public_key, 'base64'), counter: r.counter, ...(r.transports && { transports: JSON.parse(r.transports) as string[] }) }));
    },
    passkeyUsed(id: string, counter: number, now: number): void {
      db.prepare(`UPDATE passkeys SET counter = ?, used_at = ? WHERE id = ?`).run(counter, now, id);
    },

    createSession(idHash: string, email: string, csrf: string, now: number): void {
      db.prepare(`INSERT INTO staff_sessions (id_hash, email, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)`).run(idHash, email, csrf, now, now);
    },
    session(idHash: string): StaffSession | undefined {
      const row = sessionRow.get(idHash) as { email: string; csrf: string; created_at: number; seen_at: number } | undefined;
      return row && { email: row.email, csrf: row.csrf, createdAt: row.created_at, seenAt: row.seen_at };
    },
    touchSession(idHash: string, now: number): void {
      touchSession.run(now, idHash);
    },
    endSession(idHash: string): void {
      db.prepare(`DELETE FROM staff_sessions WHERE id_hash = ?`).run(idHash);
    },
    /** Signs a person out on every device. */
    endSessionsOf(email: string): number {
      return db.prepare(`DELETE FROM staff_sessions WHERE email = ?`).run(email).changes;
    },
    expireSessions(idleBefore: number, startedBefore: number): number {
      return db.prepare(`DELETE FROM staff_sessions WHERE seen_at < ? OR created_at < ?`).run(idleBefore, startedBefore).changes;
    },
  };
}

export type WorkspaceStore = ReturnType<typeof workspaceStore>;
