import type { Definition } from '../definitions/types';
import { daysAfterIncident, monthsBefore } from '../repeats/flags';
import { matchKeys } from '../repeats/keys';
import { sendsBy, type Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { CaseStatus, Incident, Outcome } from '../store/workspace-store';
import { dateIn } from '../time';
import { codeMatches } from './codes';

export type IncidentError = 'incidentDateMissing' | 'incidentDateInvalid' | 'incidentDateFuture' | 'incidentTimeInvalid' | 'incidentWhatEmpty' | 'incidentWhatLong';

export interface CaseReviewState {
  /** The reporter's report and its incidents, as the threshold counts them. */
  counted: number;
  threshold: { minReports: number; windowMonths: number };
  eligible: boolean;
  requestedAt?: number;
}

export const WRONG_CODES_ALLOWED = 5;
export const LOCK_MS = 60 * 60_000;
export const MAX_REPLY = 2000;
// A hash of a code no report has, so a reference that does not exist takes as long as one that does.
const DECOY = `sha256:${Buffer.alloc(16).toString('base64')}:${Buffer.alloc(32).toString('base64')}`;

export type Verified = { ok: true; reportId: number; reference: string } | { ok: false; locked?: { minutes: number } };

export interface PartnerStatus {
  stopContact: boolean;
  withdrawn: boolean;
  partnerId: string;
  name: string;
  status: CaseStatus;
  outcome: Outcome | null;
  receivedAt: number;
  acknowledgedAt: number | null;
  closedAt: number | null;
  messages: { fromReporter: boolean; body: string; createdAt: number }[];
}

/**
 * The reporter's side of a report, opened only with its reference and private code: each
 * partner's status and the messages between them. Five wrong codes in an hour lock that
 * reference's follow-up for an hour; partners are not affected.
 */
export function followUps(deps: { store: Store; routing: Routing; definitions?: Definition[]; matchSecret?: Buffer; now: () => number }) {
  const ws = deps.store.workspace;
  const review = deps.routing.repeats.caseReview;

  async function caseReview(reportId: number): Promise<CaseReviewState | undefined> {
    const report = await deps.store.report(reportId);
    if (!report || !review.reportTypes.includes(report.type)) return undefined;
    const definition = deps.definitions?.find((d) => d.id === report.type);
    const dateQuestion = definition?.sections.flatMap((x) => x.questions).find((q) => q.role === 'incidentDate');
    const firstDate = dateQuestion ? (report.answers[dateQuestion.id] as string | undefined) : undefined;
    const since = monthsBefore(deps.now(), review.windowMonths);
    const inTime = (createdAt: number, date: string | undefined) => createdAt >= since && (daysAfterIncident(createdAt, date) ?? Infinity) <= review.reportedWithinDays;
    const [incidents, requestedAt] = await Promise.all([ws.incidentsOf(reportId), ws.caseReviewRequestedAt(reportId)]);
    const counted = (inTime(report.createdAt, firstDate) ? 1 : 0) + incidents.filter((i) => inTime(i.createdAt, i.date)).length;
    return { counted, threshold: { minReports: review.minReports, windowMonths: review.windowMonths }, eligible: counted >= review.minReports, ...(requestedAt && { requestedAt }) };
  }

  return {
    caseReview,
    async verify(typedReference: string, typedCode: string): Promise<Verified> {
      const reference = typedReference.trim().toUpperCase().replace(/\s+/g, '').slice(0, 40);
      const locked = await ws.lockedUntil(reference, deps.now());
      if (locked) return { ok: false, locked: { minutes: Math.ceil((locked - deps.now()) / 60_000) } };
      const found = await ws.followUpHash(reference);
      const right = await codeMatches(typedCode.slice(0, 64), found?.hash ?? DECOY);
      if (right && found) {
        await ws.rightCode(reference);
        return { ok: true, reportId: found.reportId, reference };
      }
      const lockedNow = await ws.wrongCode(reference, deps.now(), LOCK_MS, WRONG_CODES_ALLOWED);
      return lockedNow ? { ok: false, locked: { minutes: Math.ceil(LOCK_MS / 60_000) } } : { ok: false };
    },
    /** Each partner's status and its messages with the reporter (never a partner's notes). */
    async status(reportId: number): Promise<PartnerStatus[]> {
      const [messages, cases] = await Promise.all([ws.messagesOf(reportId), ws.casesOfReport(reportId)]);
      return cases.map((c) => ({
        partnerId: c.partnerId,
        name: deps.routing.partners.find((p) => p.id === c.partnerId)?.name ?? c.partnerId,
        status: c.status,
        outcome: c.outcome,
        receivedAt: c.receivedAt,
        acknowledgedAt: c.acknowledgedAt,
        closedAt: c.closedAt,
        stopContact: c.stopContact,
        withdrawn: c.withdrawn,
        messages: messages.filter((m) => m.partnerId === c.partnerId).map(({ fromReporter, body, createdAt }) => ({ fromReporter, body, createdAt })),
      }));
    },
    /** The report's incidents added since, as the reporter wrote them. */
    incidents(reportId: number): Promise<Incident[]> {
      return ws.incidentsOf(reportId);
    },
    /**
     * Another incident (the ASB diary): joins the same report for its partners, who are told by
     * email (no content), and counts for repeats and the Case Review like a report.
     */
    async addIncident(reportId: number, form: { day?: unknown; month?: unknown; year?: unknown; time?: unknown; what?: unknown }): Promise<{ ok: true } | { ok: false; errors: IncidentError[] }> {
      const part = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
      const [day, month, year] = [part(form.day), part(form.month), part(form.year)];
      const time = part(form.time);
      const what = part(form.what);
      const errors: IncidentError[] = [];
      let date: string | undefined;
      if (!day && !month && !year) errors.push('incidentDateMissing');
      else {
        const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
        const valid = /^\d{4}$/.test(year) && /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day) && d.getUTCDate() === Number(day) && d.getUTCMonth() === Number(month) - 1;
        if (!valid) errors.push('incidentDateInvalid');
        else {
          date = d.toISOString().slice(0, 10);
          if (date > dateIn(deps.now())) errors.push('incidentDateFuture');
        }
      }
      if (time && !/^([01]?\d|2[0-3])[:.][0-5]\d$/.test(time)) errors.push('incidentTimeInvalid');
      if (!what) errors.push('incidentWhatEmpty');
      else if (what.length > MAX_REPLY) errors.push('incidentWhatLong');
      if (errors.length > 0 || !date) return { ok: false, errors };
      const report = (await deps.store.report(reportId))!;
      const t = deps.now();
      const open = (await ws.casesOfReport(reportId)).filter((c) => c.status !== 'closed');
      // By email to partners that take it; a partner's case system is told by the store, in the same step.
      const emailed = open.map((c) => deps.routing.partners.find((p) => p.id === c.partnerId)).filter((p) => p && sendsBy(p, 'email'));
      const notices = emailed.map((p) => ({ partnerId: p!.id, recipient: p!.email }));
      const n = await ws.addIncident(reportId, { date, ...(time && { time: time.replace('.', ':') }), description: what, createdAt: t }, notices);
      const definition = deps.definitions?.find((d) => d.id === report.type);
      if (definition && deps.matchSecret && deps.routing.repeats.reportTypes.includes(report.type)) {
        await deps.store.countIncident({ reference: `${report.reference}/${n + 1}`, type: report.type, createdAt: t, incidentDate: date, matches: matchKeys(definition, report.answers, deps.matchSecret) });
      }
      await ws.audit({ at: t, actor: 'reporter', reference: report.reference, action: 'reporter added an incident' });
      return { ok: true };
    },
    /** Asks for an ASB Case Review, once, when the reporter's own report and incidents meet the threshold. */
    async requestCaseReview(reportId: number): Promise<boolean> {
      const state = await caseReview(reportId);
      if (!state?.eligible || state.requestedAt) return false;
      const contact = deps.routing.workspace.caseReviewContact ?? deps.routing.partnership.adminEmail;
      const asked = await ws.requestCaseReview(reportId, deps.now(), contact, state.counted);
      if (asked) await ws.audit({ at: deps.now(), actor: 'reporter', reference: (await deps.store.report(reportId))!.reference, action: 'reporter asked for an ASB Case Review' });
      return asked;
    },
    /** The reporter asks every partner to stop contacting them, or withdraws the report: partners see it at once. */
    async ask(reportId: number, ask: 'stop-contact' | 'withdraw'): Promise<void> {
      await ws.reporterAsks(reportId, ask === 'withdraw' ? 'withdrawn' : 'stop_contact', deps.now());
      await ws.audit({ at: deps.now(), actor: 'reporter', reference: (await deps.store.report(reportId))!.reference, action: ask === 'withdraw' ? 'reporter withdrew the report' : 'reporter asked not to be contacted' });
    },
    /** The reporter answers one partner; that partner sees it in its workspace. */
    async reply(reportId: number, partnerId: unknown, text: unknown): Promise<{ ok: true } | { ok: false; error: 'replyEmpty' | 'replyLong' | 'replyPartner' }> {
      const body = typeof text === 'string' ? text.trim() : '';
      if (body === '') return { ok: false, error: 'replyEmpty' };
      if (body.length > MAX_REPLY) return { ok: false, error: 'replyLong' };
      const c = (await ws.casesOfReport(reportId)).find((k) => k.partnerId === partnerId);
      if (!c) return { ok: false, error: 'replyPartner' };
      await ws.addMessage(reportId, { partnerId: c.partnerId, fromReporter: true, author: 'reporter', body, createdAt: deps.now() });
      await ws.audit({ at: deps.now(), actor: 'reporter', partnerId: c.partnerId, reference: c.reference, action: 'reporter replied' });
      return { ok: true };
    },
  };
}

export type FollowUps = ReturnType<typeof followUps>;
