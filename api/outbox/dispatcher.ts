import type { Definition } from '../definitions/types';
import { renderAlertEmail } from '../mail/render-alert';
import { renderConfirmationEmail } from '../mail/render-confirmation';
import { renderReportEmail, type RenderedEmail } from '../mail/render-report';
import type { Mailer } from '../mail/transport';
import type { Routing } from '../routing/routing-schema';
import type { Logger } from '../log';
import type { Delivery, Store } from '../store/store';
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

  function render(delivery: Delivery): { email: RenderedEmail; reference: string } {
    const report = deps.store.report(delivery.reportId)!;
    if (delivery.kind === 'alert') {
      const failed = deps.store.deliveriesOf(report.id).find((d) => d.kind === 'report' && d.partnerId === delivery.partnerId)!;
      return { email: renderAlertEmail(report, failed, partnerName(delivery)), reference: report.reference };
    }
    const definition = deps.definitions.find((d) => d.id === report.type)!;
    if (delivery.kind === 'confirmation') return { email: renderConfirmationEmail(definition, report), reference: report.reference };
    const partner = { id: delivery.partnerId, name: partnerName(delivery), email: delivery.recipient };
    return {
      email: renderReportEmail(definition, report, partner, deps.routing.partnership.name, delivery.fields),
      reference: report.reference,
    };
  }

  async function deliver(delivery: Delivery): Promise<void> {
    try {
      const { email, reference } = render(delivery);
      await deps.mailer.send({
        from: deps.from,
        to: delivery.recipient,
        ...email,
        messageId: `<${reference}.${delivery.partnerId}.${delivery.kind}@${deps.messageIdDomain}>`,
      });
      deps.store.markSent(delivery.id, deps.now());
      deps.log?.info({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts }, 'delivery sent');
    } catch (err) {
      const error = describeError(err);
      const code = (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      if (isPermanent(err) || delivery.attempts >= deps.retry.maxAttempts) {
        const alert = delivery.kind === 'report' ? { recipient: deps.routing.partnership.adminEmail, now: deps.now() } : null;
        deps.store.markFailed(delivery.id, error, alert);
        deps.log?.error({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts, code }, 'delivery failed');
        again = true;
      } else {
        const next = deps.now() + retryDelay(deps.retry, delivery.attempts);
        deps.store.markRetry(delivery.id, next, error);
        deps.log?.warn({ delivery: delivery.id, kind: delivery.kind, partner: delivery.partnerId, attempts: delivery.attempts, code, retryAt: new Date(next).toISOString() }, 'delivery will be retried');
      }
    }
  }

  async function drain(): Promise<number> {
    let sent = 0;
    do {
      again = false;
      const due = deps.store.claimDue(deps.now(), claimMs, batchSize);
      for (const delivery of due) await deliver(delivery);
      sent += due.length;
      if (due.length === batchSize) again = true;
    } while (again);
    return sent;
  }

  /** Sends everything due now; returns how many deliveries it attempted. */
  function runOnce(): Promise<number> {
    if (!running) running = drain().finally(() => (running = undefined));
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
