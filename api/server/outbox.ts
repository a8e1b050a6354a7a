import type { Definition } from '../definitions/types';
import type { Logger } from '../log';
import { mailersFor, webhookSecrets } from '../mail/mailers';
import type { Mailer } from '../mail/transport';
import { createDispatcher } from '../outbox/dispatcher';
import { webhookSender } from '../outbox/webhook';
import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { PortalConfig } from './config';

/**
 * The one outbox, as the portal and the admin command both run it: email through the portal's
 * relay (or the pickup folder) and partners' own, webhooks to partners' case systems, each
 * partner on its own line.
 */
export function outboxFor(
  config: PortalConfig,
  routing: Routing,
  store: Store,
  definitions: Definition[],
  options: { now: () => number; mailer?: Mailer; pollMs?: number; log?: Logger },
) {
  const mailers = mailersFor(config, routing);
  const mailer = options.mailer ?? mailers.mailer;
  const secrets = webhookSecrets(config, routing);
  // Each change to a case is planned for its partner's case system with the change itself.
  store.workspace.sendEventsTo(Object.keys(secrets));
  const dispatcher = createDispatcher({
    store,
    mailer,
    partnerMailers: mailers.partnerMailers,
    postWebhook: webhookSender(config.webhookTimeoutMs, options.now),
    webhookSecrets: secrets,
    perPartner: config.outboxPerPartner,
    routing,
    definitions,
    now: options.now,
    from: config.mailFrom ?? routing.partnership.mailFrom,
    messageIdDomain: config.publicUrl.hostname,
    publicUrl: config.publicUrl,
    retry: config.retry,
    claimMs: config.claimMs,
    pollMs: options.pollMs,
    log: options.log,
  });
  return {
    dispatcher,
    mailer,
    warnings: mailers.warnings,
    close(): void {
      mailer.close();
      for (const m of Object.values(mailers.partnerMailers)) m.close();
    },
  };
}
