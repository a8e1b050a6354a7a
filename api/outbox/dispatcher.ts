import { randomUUID } from 'node:crypto';
import type { Definition } from '../definitions/types';
import { renderAlertEmail } from '../mail/render-alert';
import { renderConfirmationEmail, renderMessageNotice } from '../mail/render-confirmation';
import { renderReportEmail, type RenderedEmail } from '../mail/render-report';
import { renderCaseReviewRequest, renderEscalationEmail, renderIncidentNotice, renderInvitationEmail, renderNotifyEmail, renderOverdueEmail } from '../mail/render-workspace';
import type { Mailer } from '../mail/transport';
import type { Routing } from '../routing/routing-schema';
import type { Logger } from '../log';
import type { Delivery, SendingLine, Store, StoredReport } from '../store/store';
import type { Incident } from '../store/workspace-store';
import { describeError, isPermanent, retryDelay, type RetryPolicy } from './backoff';
import { caseEventBody } from './case-events';
import { WebhookError, type WebhookMessage, type WebhookSender } from './webhook';

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
  /** Deliveries sent at once on one partner's line (its email, or its webhook). */
  perPartner?: number;
  /** Partners' own mail relays (SMTP_URL_<ID>), for what goes to them. */
  partnerMailers?: Record<string, Mailer>;
  /** Posts to partners' case systems; each partner's signing secret by its id. */
  postWebhook?: WebhookSender;
  webhookSecrets?: Record<string, string>;
  /** Told of each send by delivery, partner and outcome: never its contents. */
  log?: Logger;
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

const ONCE_PER_REPORT: string[] = ['report', 'confirmation', 'overdue', 'escalation', 'case-review'];
// A webhook's address as an alert names it: never a token in its query or its user part.
const shownUrl = (url: string | undefined) => (url ? `${new URL(url).origin}${new URL(url).pathname}` : '');

/**
 * Sends planned deliveries, by email and to partners' case systems, retrying with back-off;
 * resumes after a restart.
 */
export function createDispatcher(deps: DispatcherDeps) {
  const claimMs = deps.claimMs ?? 120_000;
  const pollMs = deps.pollMs ?? 1_000;
  const perPartner = deps.perPartner ?? 2;

  function partnerName(delivery: Delivery): string {
    return deps.routing.partners.find((p) => p.id === delivery.partnerId)?.name ?? delivery.partnerId;
  }

  const publicUrl = deps.publicUrl ?? new URL(`https://${deps.messageIdDomain}`);
  const link = (path: string) => new URL(path, publicUrl).href;

  async function render(delivery: Delivery): Promise<{ email: RenderedEmail; reference: string }> {
    if (delivery.kind === 'invitation') {
      const { link: invitation, expiresAt } = JSON.parse(delivery.payload!) as { link: string; expiresAt: number };
      const partner = deps.routing.partners.find((p) => p.id === delivery.partnerId)?.name ?? `${deps.routing.partnership.name} (administrator)`;
      return { email: renderInvitationEmail({ partner, link: invitation, expiresAt }), reference: `invitation-${delivery.id}` };
    }
    const report = (await deps.store.report(delivery.reportId!))!;
    if (delivery.kind === 'alert') {
      // The failed delivery it is about; an alert planned before alerts named one is about the report's.
      const named = delivery.payload ? (JSON.parse(delivery.payload) as { failed: number }).failed : undefined;
      const all = await deps.store.deliveriesOf(report.id);
      const failed = all.find((d) => d.id === named) ?? all.find((d) => d.kind === 'report' && d.partnerId === delivery.partnerId)!;
      const webhook = failed.channel === 'webhook' ? shownUrl(deps.routing.partners.find((p) => p.id === failed.partnerId)?.webhook?.url) : undefined;
      return { email: renderAlertEmail(report, failed, partnerName(delivery), webhook), reference: report.reference };
    }
    const definition = deps.definitions.find((d) => d.id === report.type)!;
    const followUpLink = link(report.locale === 'en' ? '/follow-up' : `/${report.locale}/follow-up`);
    if (delivery.kind === 'confirmation') {
      const followUp = delivery.payload ? { code: delivery.payload, link: followUpLink } : undefined;
      return { email: renderConfirmationEmail(definition, report, followUp), reference: report.reference };
    }
    if (delivery.kind === 'message-notice') return { email: renderMessageNotice(report.locale, followUpLink), reference: report.reference };
    const partner = deps.routing.partners.find((p) => p.id === delivery.partnerId);
    const work = await deps.store.workspace.caseOf(report.reference, delivery.partnerId);
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
      const partners = (await deps.store.workspace.casesOfReport(report.id)).map((c) => deps.routing.partners.find((p) => p.id === c.partnerId)?.name ?? c.partnerId).join(', ');
      return { email: renderCaseReviewRequest({ reference: report.reference, count: counted, months, days, partners, link: link('/partners') }), reference: report.reference };
    }
    if (about && delivery.kind === 'escalation') return { email: renderEscalationEmail({ ...about, link: link('/partners/admin') }), reference: report.reference };
    if (about && partner?.mail === 'notify') return { email: renderNotifyEmail({ ...about, area: work.area }), reference: report.reference };
    return {
      email: renderReportEmail(definition, report, { name: partnerName(delivery) }, deps.routing.partnership.name, delivery.fields),
      reference: report.reference,
    };
  }

  async function webhookOf(delivery: Delivery, report: StoredReport): Promise<WebhookMessage> {
    const partner = deps.routing.partners.find((p) => p.id === delivery.partnerId);
    const secret = deps.webhookSecrets?.[delivery.partnerId];
    // The configuration changed since this was planned: a person must pass it on another way.
    if (!partner?.webhook || !secret) throw new WebhookError('the partner has no webhook configured now', true);
    const definition = deps.definitions.find((d) => d.id === report.type)!;
    const body = await caseEventBody(delivery, report, definition, deps.store, link(`/partners/reports/${report.reference}`));
    // Signed at the wall clock's time: the receiver checks it against its own, within minutes.
    return { url: partner.webhook.url, secret, id: `msg_${report.reference}_${delivery.id}`, timestamp: new Date(), body: JSON.stringify(body) };
  }

  async function send(delivery: Delivery, line: SendingLine): Promise<void> {
    if (delivery.channel === 'webhook') {
      if (!deps.postWebhook) throw new WebhookError('webhooks are not set up in this process', true);
      await deps.postWebhook(await webhookOf(delivery, (await deps.store.report(delivery.reportId!))!));
      return;
    }
    const { email, reference } = await render(delivery);
    // A partner's own relay carries what goes to that partner; the portal's carries the rest.
    const mailer = (line.audience === 'partner' && deps.partnerMailers?.[delivery.partnerId]) || deps.mailer;
    await mailer.send({
      from: deps.from,
      to: delivery.recipient,
      ...email,
      // The same on a resend after a crash; a kind a report may have many of is told apart by its row.
      messageId: `<${reference}.${delivery.partnerId}.${delivery.kind}${ONCE_PER_REPORT.includes(delivery.kind) ? '' : `.${delivery.id}`}@${deps.messageIdDomain}>`,
    });
  }

  async function deliver(delivery: Delivery, token: string, line: SendingLine): Promise<void> {
    // Still ours? A claim that ran out meanwhile belongs to another sender now, and sending it
    // here too would send it twice.
    if (!(await deps.store.renewClaim(delivery.id, token, deps.now() + claimMs))) return;
    // A slow server cannot outlast the claim either: it is renewed while the send goes on.
    const heartbeat = setInterval(() => {
      // The store cannot be written (a full disk): the claim runs out and the send is tried again.
      deps.store.renewClaim(delivery.id, token, deps.now() + claimMs).catch(() => {});
    }, Math.max(250, claimMs / 3));
    const about = { delivery: delivery.id, kind: delivery.kind, channel: delivery.channel, partner: delivery.partnerId, attempts: delivery.attempts };
    try {
      await send(delivery, line);
      clearInterval(heartbeat);
      await deps.store.markSent(delivery.id, token, deps.now());
      deps.log?.info(about, 'delivery sent');
    } catch (err) {
      clearInterval(heartbeat);
      const error = describeError(err);
      const code = (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      if (isPermanent(err) || delivery.attempts >= deps.retry.maxAttempts) {
        // A report that reached no one by this channel, or a case system left out of step: a person is told.
        const alerted = delivery.kind === 'report' || delivery.channel === 'webhook';
        await deps.store.markFailed(delivery.id, token, error, alerted ? { recipient: deps.routing.partnership.adminEmail, now: deps.now() } : null);
        deps.log?.error({ ...about, code, error: err instanceof WebhookError ? err.message : undefined }, 'delivery failed');
      } else {
        const next = deps.now() + retryDelay(deps.retry, delivery.attempts, (err as WebhookError).retryAfterMs);
        await deps.store.markRetry(delivery.id, token, next, error);
        deps.log?.warn({ ...about, code, retryAt: new Date(next).toISOString() }, 'delivery will be retried');
      }
    }
  }

  // Each partner's deliveries by each channel go out in a line of their own, a few at a time: a
  // partner's server that never answers holds its own line only, never another partner's.
  const busy = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const lineKey = (line: SendingLine) => `${line.partnerId} ${line.channel} ${line.audience}`;
  let again = false;
  let stopping = false;
  let wakeUp = () => {};

  /** Starts what is due on every line with room; how many it started. */
  async function fill(): Promise<number> {
    let started = 0;
    if (stopping) return 0;
    for (const line of await deps.store.dueLines(deps.now())) {
      const key = lineKey(line);
      const room = perPartner - (busy.get(key) ?? 0);
      if (room <= 0) continue;
      const token = randomUUID();
      for (const delivery of await deps.store.claimDue(deps.now(), claimMs, room, token, line)) {
        busy.set(key, (busy.get(key) ?? 0) + 1);
        const sending: Promise<void> = deliver(delivery, token, line)
          .catch((err: unknown) => {
            // The store could not record an outcome (a full disk): the claim expires and it is tried again.
            deps.log?.error({ error: (err as Error).name, code: (err as { code?: string }).code }, 'outbox paused: the store could not record a delivery');
          })
          .finally(() => {
            busy.set(key, busy.get(key)! - 1);
            inFlight.delete(sending);
            // What it planned (an alert) may have come after the lines were read: look again.
            again = true;
          });
        inFlight.add(sending);
        started++;
      }
    }
    return started;
  }

  async function drain(): Promise<number> {
    let started = 0;
    for (;;) {
      again = false;
      try {
        started += await fill();
      } catch (err) {
        deps.log?.error({ error: (err as Error).name, code: (err as { code?: string }).code }, 'outbox paused: the store could not record a delivery');
        await Promise.all(inFlight);
        return started;
      }
      if (inFlight.size === 0) {
        if (!again) return started;
        continue;
      }
      // On to the next as soon as any send ends, or new work arrives.
      await Promise.race([...inFlight, new Promise<void>((resolve) => (wakeUp = resolve))]);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /**
   * Sends everything due now and waits for it; returns how many deliveries it attempted. Never
   * rejects: when the store cannot record an outcome (a full disk), the run stops and its claims
   * expire, so every delivery is tried again later; a rejection here would leave the server
   * unable to stop.
   */
  function runOnce(): Promise<number> {
    running ??= drain().finally(() => (running = undefined));
    return running;
  }

  function nudge(): void {
    again = true;
    wakeUp();
  }

  return {
    runOnce,
    /** Asks for a run soon, e.g. right after a report is stored. */
    wake(): void {
      if (!timer) return;
      if (running) nudge();
      else setImmediate(() => timer && void runOnce());
    },
    start(): void {
      stopping = false;
      timer = setInterval(() => (running ? nudge() : void runOnce()), pollMs);
      timer.unref();
      void runOnce();
    },
    async stop(): Promise<void> {
      // What is being sent finishes (or times out); nothing more starts.
      stopping = true;
      clearInterval(timer);
      timer = undefined;
      wakeUp();
      await running;
    },
  };
}
