import { join } from 'node:path';
import { ConfigError } from '../config-error';
import type { Routing } from '../routing/routing-schema';
import { refuseUnknownSecrets, secretName } from '../routing/routing-schema';
import type { PortalConfig } from '../server/config';
import { isLoopback, pickupMailer, smtpMailer, type Mailer } from './transport';

export interface Mailers {
  /** The portal's own: SMTP_URL, or the pickup folder when there is none. */
  mailer: Mailer;
  /** Partners that take their email through a relay of their own (SMTP_URL_<ID>). */
  partnerMailers: Record<string, Mailer>;
  /** What start-up should say: mail sent without the TLS the policy asks for. */
  warnings: string[];
}

/**
 * Every SMTP connection the portal makes: TLS 1.2 or later to any server not on this machine,
 * unless SMTP_REQUIRE_TLS=false says otherwise (and start-up says so); DKIM on all when keyed.
 */
export function mailersFor(config: PortalConfig, routing: Routing): Mailers {
  const warnings: string[] = [];
  const smtp = (url: string, name: string) => {
    const offMachine = !isLoopback(url);
    if (offMachine && !config.smtpRequireTls) warnings.push(`SMTP_REQUIRE_TLS is false: email through ${name} may cross the network unencrypted`);
    return smtpMailer(url, { requireTls: offMachine && config.smtpRequireTls, dkim: config.dkim });
  };
  const partnerMailers: Record<string, Mailer> = {};
  refuseUnknownSecrets(config.secrets, routing, 'SMTP_URL');
  for (const [name, url] of Object.entries(config.secrets)) {
    const partner = routing.partners.find((p) => secretName('SMTP_URL', p.id) === name);
    if (!partner) continue;
    if (!/^smtps?:\/\/\S+$/.test(url)) throw new ConfigError(`environment variable ${name}`, 'must start with smtp:// or smtps://');
    if (url.includes('?')) throw new ConfigError(`environment variable ${name}`, 'must not carry options after "?": the portal sets TLS and timeouts itself');
    partnerMailers[partner.id] = smtp(url, name);
  }
  const mailer = config.smtpUrl ? smtp(config.smtpUrl, 'SMTP_URL') : pickupMailer(join(config.dataDir, 'mail'), config.dkim);
  return { mailer, partnerMailers, warnings };
}

/** Each partner's webhook signing secret, by partner id: a partner that sends by webhook must have one. */
export function webhookSecrets(config: PortalConfig, routing: Routing): Record<string, string> {
  refuseUnknownSecrets(config.secrets, routing, 'WEBHOOK_SECRET');
  const secrets: Record<string, string> = {};
  for (const partner of routing.partners.filter((p) => p.send.includes('webhook'))) {
    const name = secretName('WEBHOOK_SECRET', partner.id);
    const secret = config.secrets[name];
    if (!secret) throw new ConfigError(`environment variable ${name}`, `must be set: ${partner.id} is sent reports by webhook (a secret such as whsec_ and 32 or more random bytes in base64)`);
    if (!/^whsec_[A-Za-z0-9+/]{43,}={0,2}$/.test(secret)) throw new ConfigError(`environment variable ${name}`, 'must be whsec_ followed by base64 of 32 or more random bytes');
    secrets[partner.id] = secret;
  }
  return secrets;
}
