import { answerByRole, type Answers, type Definition } from '../definitions/types';
import { partnerView, type PartnerView } from '../routing/partner-view';
import { resolveRecipients } from '../routing/resolve-recipients';
import { sendsBy, type Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { Case, InboxFilter, Message, Note, Outcome } from '../store/workspace-store';
import { planCase } from './plan-case';
import type { StaffMember } from './staff';

export const OUTCOMES: Outcome[] = ['resolved', 'no-further-action', 'duplicate'];

export interface CaseView {
  case: Case;
  report: { locale: string; createdAt: number };
  view: PartnerView;
  notes: Note[];
  /** This partner's messages with the reporter. */
  messages: Message[];
  /** Incidents the reporter added since; what happened only for a partner that sees the report's description. */
  incidents: { date: string; time?: string; description?: string; createdAt: number }[];
  history: { at: number; actor: string; action: string; detail?: string }[];
}

export type Done = { ok: true } | { ok: false; error: string };

export interface CaseworkDeps {
  store: Store;
  routing: Routing;
  definitions: Definition[];
  now: () => number;
}

/**
 * What staff do with reports, each step checked against who they are and recorded. A report
 * is open to a partner only if it was routed or passed to that partner; anything else is
 * refused the same way whether the reference exists or not, and the refusal is audited.
 */
export function casework(deps: CaseworkDeps) {
  const ws = deps.store.workspace;
  const record = (staff: StaffMember, c: { reference: string } | string, action: string, detail?: string) =>
    ws.audit({
      at: deps.now(),
      actor: staff.email,
      ...(staff.partner && { partnerId: staff.partner.id }),
      reference: typeof c === 'string' ? c : c.reference,
      action,
      ...(detail && { detail }),
    });

  async function mine(staff: StaffMember, reference: string): Promise<Case | undefined> {
    const c = staff.partner && /^[A-Z]{2,6}-[A-Z0-9-]{4,20}$/.test(reference) ? await ws.caseOf(reference, staff.partner.id) : undefined;
    if (!c) await record(staff, reference.slice(0, 40), 'refused', 'not routed to this partner');
    return c;
  }

  async function act(staff: StaffMember, reference: string, step: (c: Case, t: number) => Promise<Done>): Promise<Done> {
    const c = await mine(staff, reference);
    if (!c) return { ok: false, error: 'not-found' };
    return step(c, deps.now());
  }

  return {
    async inbox(staff: StaffMember, filter: InboxFilter): Promise<Case[]> {
      return staff.partner ? ws.inbox(staff.partner.id, filter) : [];
    },
    /** One of this partner's cases, without its answers (so no view is recorded); a refusal is. */
    async caseOf(staff: StaffMember, reference: string): Promise<Case | undefined> {
      return mine(staff, reference);
    },
    async areas(staff: StaffMember): Promise<string[]> {
      return staff.partner ? ws.areasOf(staff.partner.id) : [];
    },
    /** A report as this partner may see it; the view is audited. */
    async open(staff: StaffMember, reference: string): Promise<CaseView | undefined> {
      const c = await mine(staff, reference);
      if (!c) return undefined;
      const report = (await deps.store.report(c.reportId))!;
      const definition = deps.definitions.find((d) => d.id === report.type)!;
      await record(staff, c, 'viewed');
      await ws.repliesRead(c);
      const [trail, allMessages, allIncidents, notes] = await Promise.all([ws.auditOf(c.reference), ws.messagesOf(c.reportId), ws.incidentsOf(c.reportId), ws.notesOf(c)]);
      const history = trail
        .filter((e) => e.partnerId === c.partnerId && e.action !== 'viewed')
        .map(({ at, actor, action, detail }) => ({ at, actor, action, ...(detail && { detail }) }));
      const messages = allMessages.filter((m) => m.partnerId === c.partnerId);
      const seesWhat = !c.fields || c.fields.includes('description');
      const incidents = allIncidents.map(({ description, ...rest }) => ({ ...rest, ...(seesWhat && { description }) }));
      return { case: c, report: { locale: report.locale, createdAt: report.createdAt }, view: partnerView(definition, report, c.fields), notes, messages, incidents, history };
    },
    async acknowledge(staff: StaffMember, reference: string): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        if (c.status !== 'new') return { ok: false, error: 'not-new' };
        await ws.changeCase(c, { status: 'acknowledged', acknowledged_at: t }, { at: t, actor: staff.email, partnerId: c.partnerId, reference, action: 'acknowledged' });
        return { ok: true };
      });
    },
    async start(staff: StaffMember, reference: string): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        if (c.status === 'closed' || c.status === 'in-progress') return { ok: false, error: 'not-open' };
        await ws.changeCase(c, { status: 'in-progress', acknowledged_at: c.acknowledgedAt ?? t }, { at: t, actor: staff.email, partnerId: c.partnerId, reference, action: 'in progress' });
        return { ok: true };
      });
    },
    async close(staff: StaffMember, reference: string, outcome: unknown): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        if (c.status === 'closed') return { ok: false, error: 'closed' };
        if (!OUTCOMES.includes(outcome as Outcome)) return { ok: false, error: 'outcome' };
        await ws.changeCase(
          c,
          { status: 'closed', outcome: outcome as Outcome, closed_at: t, acknowledged_at: c.acknowledgedAt ?? t },
          { at: t, actor: staff.email, partnerId: c.partnerId, reference, action: 'closed', detail: outcome as string },
        );
        return { ok: true };
      });
    },
    async assign(staff: StaffMember, reference: string, to: unknown): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        const assignee = typeof to === 'string' ? to.trim().toLowerCase() : '';
        if (assignee !== '' && !staff.partner!.staff.includes(assignee)) return { ok: false, error: 'assignee' };
        await ws.changeCase(c, { assigned_to: assignee || null }, { at: t, actor: staff.email, partnerId: c.partnerId, reference, action: assignee ? 'assigned' : 'unassigned', ...(assignee && { detail: assignee }) });
        return { ok: true };
      });
    },
    async note(staff: StaffMember, reference: string, text: unknown): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        const body = typeof text === 'string' ? text.trim() : '';
        if (body === '') return { ok: false, error: 'note-empty' };
        if (body.length > 5000) return { ok: false, error: 'note-long' };
        await ws.addNote(c, { author: staff.email, body, createdAt: t });
        await record(staff, c, 'note added');
        return { ok: true };
      });
    },
    /** Writes to the reporter: they read it on the follow-up page; told by email only if they said email is safe. */
    async message(staff: StaffMember, reference: string, text: unknown): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        const body = typeof text === 'string' ? text.trim() : '';
        if (body === '') return { ok: false, error: 'message-empty' };
        if (body.length > 2000) return { ok: false, error: 'message-long' };
        const report = (await deps.store.report(c.reportId))!;
        const definition = deps.definitions.find((d) => d.id === report.type)!;
        const email = answerByRole(definition, report.answers, 'reporterEmail');
        const safe = ([] as string[]).concat(report.answers.safeContact ?? []).includes('email');
        await ws.addMessage(c.reportId, { partnerId: c.partnerId, fromReporter: false, author: staff.email, body, createdAt: t }, email && safe ? { recipient: email, now: t } : undefined);
        await record(staff, c, 'message to the reporter');
        return { ok: true };
      });
    },
    /** Passes a report to another partner, who sees only what its own rules allow. */
    async passOn(staff: StaffMember, reference: string, to: unknown, reason: unknown): Promise<Done> {
      return act(staff, reference, async (c, t) => {
        if (c.status === 'closed') return { ok: false, error: 'closed' };
        const receiver = deps.routing.partners.find((p) => p.id === to && p.id !== c.partnerId);
        if (!receiver) return { ok: false, error: 'receiver' };
        const why = typeof reason === 'string' ? reason.trim() : '';
        if (why === '') return { ok: false, error: 'reason-empty' };
        if (why.length > 1000) return { ok: false, error: 'reason-long' };
        if ((await ws.casesOfReport(c.reportId)).some((other) => other.partnerId === receiver.id)) return { ok: false, error: 'has-it' };
        const report = (await deps.store.report(c.reportId))!;
        const definition = deps.definitions.find((d) => d.id === report.type)!;
        const fields = fieldsFor(definition, report.answers, deps.routing, receiver.id);
        const planned = planCase(definition, report.answers, report.flags, { partner: receiver, ...(fields && { fields }) }, deps.routing, t, c.partnerId);
        await ws.passOn(c, planned, sendsBy(receiver, 'email') ? { recipient: receiver.email, now: t } : null, { at: t, actor: staff.email, partnerId: c.partnerId, reference, action: 'passed on', detail: receiver.id });
        // The reason is this partner's note: the receiver learns who passed it on, not what was written.
        await ws.addNote(c, { author: staff.email, body: `Passed on to ${receiver.name}: ${why}`, createdAt: t });
        await ws.audit({ at: t, actor: staff.email, partnerId: receiver.id, reference, action: 'received', detail: `passed on by ${c.partnerId}` });
        return { ok: true };
      });
    },
    /** The partners a report can be passed to from this case. */
    async receivers(c: Case) {
      const has = new Set((await ws.casesOfReport(c.reportId)).map((other) => other.partnerId));
      return deps.routing.partners.filter((p) => !has.has(p.id));
    },
  };
}

export type Casework = ReturnType<typeof casework>;

/**
 * What a partner receiving a passed-on report may see: what its rules for this report allow; if
 * no rule of this report's type names it for these answers, what any rule of the type naming it
 * allows; if none names it at all, only how to contact the reporter safely.
 */
export function fieldsFor(definition: Definition, answers: Answers, routing: Routing, partnerId: string): string[] | undefined {
  const routed = resolveRecipients(definition, answers, routing).find((r) => r.partner.id === partnerId);
  if (routed) return routed.fields;
  const rules = routing.rules.filter((r) => r.report === definition.id && r.to.includes(partnerId));
  if (rules.some((r) => !r.fields)) return undefined;
  return [...new Set([...rules.flatMap((r) => r.fields ?? []), ...definition.printFirst])];
}
