import { randomUUID } from 'node:crypto';
import type { Definition } from '../definitions/types';
import { renderAlertEmail } from '../mail/render-alert';
import { renderConfirmationEmail, renderMessageNotice } from '../mail/render-confirmation';
import { renderReportEmail, type RenderedEmail } from '../mail/render-report';
import { renderCaseReviewRequest, renderEscalationEmail, renderIncidentNotice, renderInvitationEmail, renderNotifyEmail, renderOverdueEmail } from '../mail/render-workspace';
import type { Mailer } from '../mail/transport';
import type { Routing } from '../routing/routing-schema';
import type { Logger } from '../log';
import type { Delivery, Store } from '../store/store';
import type { Incident } from '../store/workspace-store';
import { describeError, isPermanent, retryDelay, type RetryPolicy } from './backoff';

export interface DispatcherDeps {
  store: Store;
  mailer: Mailer;
  routing: Routing;
  definitions: Definition[];
  now: () => number;
  from: string;
  /** The host part of Message-IDs, e.g. the portal's public host name. */
  messageIdDomain: string;
  /** The portal's public address, for links to the workspace (by default https:// and the Message-ID host). */
  publicUrl?: URL;
  retry: RetryPolicy;
  /** How long a claim lasts; a row still "sending" after that belongs to a dead worker. */
  claimMs?: number;
  pollMs?: number;
  batchSize?: number;
  /** Told of each send by reference, partner and outcome: never the email's contents. */
  log?: Logger;
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** Sends planned deliveries, one email per partner, retrying with back-off; resumes after a restart. */
export function createDispatcher(deps: DispatcherDeps) {
  const claimMs = deps.claimMs ?? 120_000;
  const pollMs = deps.pollMs ?? 1_000;
  const batchSize = deps.batchSize ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  function partnerName(delivery: Delivery): string {
    return deps.routing.partners.find((p) => p.id === delivery.partnerId)?.name ?? delivery.partnerId;
  }

  const publicUrl = deps.publicUrl ?? new URL(`https://${deps.messageIdDomain}`);
  const link = (path: string) => new URL(path, publicUrl).href;

  function render(delivery: Delivery): { email: RenderedEmail; reference: string } {
    if (delivery.kind === 'invitation') {
      const { link: invitation, expiresAt } = JSON.parse(delivery.payload!) as { link: string; expiresAt: number };
      const partner = deps.routing.partners.find((p) => p.id === delivery.partnerId)?.name ?? `${deps.routing.partnership.name} (administrator)`;
      return { email: renderInvitationEmail({ partner, link: invitation, expiresAt }), reference: `invitation-${delivery.id}` };
    }
    const report = deps.store.report(delivery.reportId!)!;
    if (delivery.kind === 'alert') {
      const failed = deps.store.deliveriesOf(report.id).find((d) => d.kind === 'report' && d.partnerId === delivery.partnerId)!;
      return { email: renderAlertEmail(report, failed, partnerName(delivery)), reference: report.reference };
    }
    const definition = deps.definitions.find((d) => d.id === report.type)!;
    const followUpLink = link(report.locale === 'en' ? '/follow-up' : `/${report.locale}/follow-up`);
    if (delivery.kind === 'confirmation') {
      const followUp = delivery.payload ? { code: delivery.payload, link: followUpLink } : undefined;
      return { email: renderConfirmationEmail(definition, report, followUp), reference: report.reference };
    }
    if (delivery.kind === 'message-notice') return { email: renderMessageNotice(report.locale, followUpLink), reference: report.reference };
    const partner = deps.routing.partners.find((p) => p.id === delivery.partnerId);
    const work = deps.store.workspace.caseOf(report.reference, delivery.partnerId);
    const about = work && { type: report.type, reference: report.reference, partner: partnerName(delivery), dueAt: work.dueAt, link: link(`/partners/reports/${report.reference}`) };
    if (about && delivery.kind === 'overdue') return { email: renderOverdueEmail(about), reference: report.reference };
    if (about && delivery.kind === 'incident') {
      // As the partner chose its email: what happened too, if its emails carry answers and it sees the description.
      const incident = partner?.mail === 'full' && (!work.fields || work.fields.includes('description')) && delivery.payload ? (JSON.parse(delivery.payload) as Incident) : undefined;
      return { email: renderIncidentNotice(about, incident), reference: report.reference };
    }
    if (delivery.kind === 'case-review') {
      // The figures as they were when the reporter asked.
      const { counted } = JSON.parse(delivery.payload ?? '{"counted":0}') as { counted: number };
      const { windowMonths: months, reportedWithinDays: days } = deps.routing.repeats.caseReview;
      const partners = deps.store.workspace.casesOfReport(report.id).map((c) => deps.routing.partners.find((p) => p.id === c.partnerId)?.name ?? c.partnerId).join(', ');
      return { email: renderCaseReviewRequest({ reference: report.reference, count: counted, months, days, partners, link: link('/partners') }), reference: report.reference };
    }
    if (about && delivery.kind === 'escalation') return { email: renderEscalationEmail({ ...about, link: link('/partners/admin') }), reference: report.reference };
    if (about && partner?.mail === 'notify') return { email: renderNotifyEmail({ ...about, area: work.area }), reference: report.reference };
    return {
      email: renderReportEmail(definition, report, { name: partnerName(delivery) }, deps.routing.partnership.name, delivery.fields),
      reference: report.reference,
    };
  }

  async function deliver(delivery: Delivery, token: string): Promise<void> {
    // Still ours? A batch is sent one after another: a claim that ran out meanwhile belongs to
    // another sender now, and sending it here too would send it twice.
    if (!deps.store.renewClaim(delivery.id, token, deps.now() + claimMs)) return;
    // A slow server cannot outlast the claim either: it is renewed while the send goes on.
    const heartbeat = setInterval(() => deps.store.renewClaim(delivery.id, token, deps.now() + claimMs), Math.max(250, claimMs / 3));
    try {
      const { email, reference } = render(delivery);
      await deps.mailer.send({
        from: deps.from,
        to: delivery.recipient,
        ...email,
        messageId: `<${reference}.${delivery.partnerId}.${delivery.kind}@${deps.messageIdDomain}>`,
      });
      clearInterval(heartbeat);
      deps.store.markSent(delivery.id, token, deps.now());
      deps.log?.info({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts }, 'delivery sent');
    } catch (err) {
      clearInterval(heartbeat);
      const error = describeError(err);
      const code = (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      if (isPermanent(err) || delivery.attempts >= deps.retry.maxAttempts) {
        const alert = delivery.kind === 'report' ? { recipient: deps.routing.partnership.adminEmail, now: deps.now() } : null;
        deps.store.markFailed(delivery.id, token, error, alert);
        deps.log?.error({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts, code }, 'delivery failed');
        again = true;
      } else {
        const next = deps.now() + retryDelay(deps.retry, delivery.attempts);
        deps.store.markRetry(delivery.id, token, next, error);
        deps.log?.warn({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts, code, retryAt: new Date(next).toISOString() }, 'delivery will be retried');
      }
    }
  }

  async function drain(): Promise<number> {
    let sent = 0;
    do {
      again = false;
      const token = randomUUID();
      const due = deps.store.claimDue(deps.now(), claimMs, batchSize, token);
      for (const delivery of due) await deliver(delivery, token);
      sent += due.length;
      if (due.length === batchSize) again = true;
    } while (again);
    return sent;
  }

  /**
   * Sends everything due now; returns how many deliveries it attempted. Never rejects: when the
   * store cannot record an outcome (a full disk), the run stops and its claims expire, so every
   * delivery is tried again later; a rejection here would leave the server unable to stop.
   */
  function runOnce(): Promise<number> {
    running ??= drain()
      .catch((err: unknown) => {
        deps.log?.error({ error: (err as Error).name, code: (err as { code?: string }).code }, 'outbox paused: the store could not record a delivery');
        return 0;
      })
      .finally(() => (running = undefined));
    return running;
  }

  return {
    runOnce,
    /** Asks for a run soon, e.g. right after a report is stored. */
    wake(): void {
      if (!timer) return;
      if (running) again = true;
      else setImmediate(() => void runOnce());
    },
    start(): void {
      timer = setInterval(() => void runOnce(), pollMs);
      timer.unref();
      void runOnce();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
