import { join } from 'node:path';
import { definitions as allDefinitions } from '../report-types';
import { resolveDefinition } from '../definitions/resolve';
import { loadRouting } from '../routing/load-routing';
import { wordingOf } from '../routing/wording';
import type { Store } from '../store/store';
import { hashOf, newSecret } from '../workspace/sessions';
import { cannotInvite } from '../workspace/staff';
import { useWording } from '../../i18n';
import { usePartnershipTimeZone } from '../time';
import type { PortalConfig } from './config';
import { outboxFor } from './outbox';

const DAY_MS = 24 * 60 * 60_000;

/**
 * `npm run admin -- invite <partner> <email>`: a one-time link, for 24 hours, sent through the
 * outbox at once (to data/mail/ on the embedded default), so a newcomer can sign in with no
 * mail server. The link is in the email only: the store keeps its hash.
 */
export async function invite(config: PortalConfig, store: Store, to: string | undefined, email: string | undefined): Promise<number> {
  if (!to || !email) {
    console.error('Usage: npm run admin -- invite <partner> <email>   (partner: an id from the partnership file, or "partnership" for an administrator)');
    return 1;
  }
  const routing = loadRouting(config.partnershipFile, allDefinitions);
  useWording(wordingOf(routing.partnership));
  usePartnershipTimeZone(routing.partnership.timeZone);
  const why = cannotInvite(routing, to, email);
  if (why) {
    console.error(`Cannot invite: ${why}.`);
    return 1;
  }
  const token = newSecret();
  const now = Date.now();
  const expiresAt = now + DAY_MS;
  const link = new URL(`/partners/invitation/${token}`, config.publicUrl).href;
  await store.workspace.invite({ hash: hashOf(token), email: email.trim().toLowerCase(), partnerId: to, now, expiresAt, link: JSON.stringify({ link, expiresAt }) });
  const mailDir = join(config.dataDir, 'mail');
  const outbox = outboxFor(config, routing, store, allDefinitions.map((d) => resolveDefinition(d, routing)), { now: Date.now });
  await outbox.dispatcher.runOnce();
  outbox.close();
  const sent = (await store.unsent()).every((d) => d.kind !== 'invitation' || d.partnerId !== to);
  console.log(
    sent
      ? `Invited ${email} to ${to}'s workspace: the email is ${config.smtpUrl ? 'sent' : `in ${mailDir}`}. The link works once, for 24 hours.`
      : `Invited ${email} to ${to}'s workspace; the email could not be sent yet and waits in the outbox (npm run admin -- outbox).`,
  );
  return 0;
}
