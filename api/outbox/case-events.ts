import type { Definition } from '../definitions/types';
import { partnerView } from '../routing/partner-view';
import { visibleAnswers, visibleFlags } from '../routing/resolve-recipients';
import type { Delivery, Store, StoredReport } from '../store/store';
import type { CaseStatusEvent, Incident, Message } from '../store/workspace-store';

/** What a case system receives: Standard Webhooks' shape, a type, a time and the data. */
export interface CaseEventBody {
  type: 'report.created' | 'case.updated' | 'message.created' | 'incident.created';
  timestamp: string;
  data: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The body of a webhook delivery, read from the store when it is sent: the report as this
 * partner may see it (the one field filter, as its email and workspace show it), or the change
 * that was planned with it (a status, a message with the reporter, an incident).
 */
export async function caseEventBody(delivery: Delivery, report: StoredReport, definition: Definition, store: Store, link: string): Promise<CaseEventBody> {
  const about = { reference: report.reference, reportType: report.type, partner: delivery.partnerId, link };
  const work = await store.workspace.caseOf(report.reference, delivery.partnerId);
  const fields = delivery.fields ?? work?.fields;
  if (delivery.kind === 'report') {
    const view = partnerView(definition, report, fields);
    return {
      type: 'report.created',
      timestamp: iso(report.createdAt),
      data: {
        ...about,
        receivedAt: iso(report.createdAt),
        ...(work && { acknowledgeBy: iso(work.dueAt) }),
        // The reporter's language, so a reply can be written in it.
        language: report.locale,
        flags: Object.keys(visibleFlags(report.flags, fields)),
        answers: visibleAnswers(report.answers, fields),
        lines: view,
      },
    };
  }
  const payload = JSON.parse(delivery.payload ?? '{}') as unknown;
  if (delivery.kind === 'status') {
    const { status, outcome, stopContact, withdrawn, at } = payload as CaseStatusEvent;
    return { type: 'case.updated', timestamp: iso(at), data: { ...about, status, outcome, stopContact, withdrawn, changedAt: iso(at) } };
  }
  if (delivery.kind === 'message') {
    const message = payload as Message;
    const from = message.fromReporter ? { from: 'reporter' } : { from: 'partner', author: message.author };
    return { type: 'message.created', timestamp: iso(message.createdAt), data: { ...about, ...from, body: message.body, sentAt: iso(message.createdAt) } };
  }
  const incident = payload as Incident;
  // What happened only for a partner that sees the report's description, as in its email.
  const seesWhat = !fields || fields.includes('description');
  return {
    type: 'incident.created',
    timestamp: iso(incident.createdAt),
    data: { ...about, date: incident.date, ...(incident.time && { time: incident.time }), ...(seesWhat && { description: incident.description }), addedAt: iso(incident.createdAt) },
  };
}
