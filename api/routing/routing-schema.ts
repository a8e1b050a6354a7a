import { z } from 'zod';
import { ConfigError } from '../config-error';
import { isLoopbackHost } from '../loopback';
import { repeatsSchema } from '../repeats/flags';
import { legalSchema } from './legal-schema';
import { open311Schema } from './open311-schema';
import { workspaceSchema } from './workspace-schema';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');

const webhookUrl = z
  .string()
  .url('must be a full URL such as https://cases.example.org/portal')
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'must start with https:// (http:// only to this machine, for testing)');
const channel = z.enum(['email', 'webhook']);
export type SendMethod = z.infer<typeof channel>;

export const partnerSchema = z
  .object({
    id,
    name: z.string().min(1),
    email: z.string().email('must be an email address'),
    /** full: the report's answers (those its rules allow); notify: only that a report waits in the workspace. */
    mail: z.enum(['full', 'notify']).default('full'),
    /** Who works this partner's reports in the workspace, by the email address they are invited at. */
    staff: z.array(z.string().email('must be an email address').transform((a) => a.toLowerCase())).default([]),
    /**
     * How reports reach the partner besides its workspace: email, its case system's webhook, both,
     * or none (the workspace only). Reminders of overdue reports go to its email either way.
     */
    send: z
      .union([z.literal('none'), channel, z.array(channel).min(1)], { errorMap: () => ({ message: 'must be email, webhook, none, or a list of email and webhook' }) })
      .default('email')
      .transform((v): SendMethod[] => (v === 'none' ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
    /** The case system's address; its signing secret is WEBHOOK_SECRET_<ID> in the environment. */
    webhook: z.object({ url: webhookUrl }).strict().optional(),
  })
  .strict()
  .refine((p) => !p.send.includes('webhook') || p.webhook, { message: 'sends by webhook: give webhook.url', path: ['webhook'] })
  // Reports sent nowhere wait in the workspace: someone must be able to sign in to read them.
  .refine((p) => p.send.length > 0 || p.staff.length > 0, { message: 'is sent nothing (send: none): give it staff to read its reports in the workspace', path: ['send'] });

export const ruleSchema = z
  .object({
    report: id,
    /** Every listed question's answer must be (or include) one of the listed values. */
    when: z.record(z.string(), z.array(z.string()).min(1)).optional(),
    to: z.array(id).min(1),
    /** Only these answers reach the partners of this rule (how to contact safely always does). */
    fields: z.array(z.string().min(1)).min(1).optional(),
    /** With fields: the questions these partners do not receive, each decided on, so a new question is never left out unseen. */
    withheld: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const routingSchema = z
  .object({
    partnership: z
      .object({
        name: z.string().min(1),
        siteName: z.string().min(1),
        area: z.string().min(1),
        region: z.string().min(1),
        examplePostcode: z.string().min(1),
        exampleStreet: z.string().min(1),
        adminEmail: z.string().email('must be an email address'),
        mailFrom: z.string().min(3).default('Community safety portal <portal@example.org>'),
        timeZone: z
          .string()
          .refine((zone) => {
            try {
              return Boolean(new Intl.DateTimeFormat('en-GB', { timeZone: zone }));
            } catch {
              return false;
            }
          }, 'must be a time zone such as Europe/London')
          .default('Europe/London'),
      })
      .strict(),
    partners: z.array(partnerSchema).min(1),
    housingProviders: z.array(id).default([]),
    rules: z.array(ruleSchema).min(1),
    /** Repeat victims, repeat locations and the ASB Case Review threshold. */
    repeats: repeatsSchema,
    /** What the accessibility statement and the privacy notice say that only the partnership knows. */
    legal: legalSchema,
    /** The partners' workspace: administrators, times to acknowledge, closed days. */
    workspace: workspaceSchema,
    /** Systems that send reports by Open311 GeoReport v2, each with OPEN311_KEY_<ID> in the environment; none by default. */
    open311: open311Schema,
  })
  .strict();

export type Partner = z.infer<typeof partnerSchema>;

export const sendsBy = (partner: Partner, method: SendMethod) => partner.send.includes(method);

/** The environment variable holding a partner's (or Open311 client's) secret: WEBHOOK_SECRET_COUNCIL_ASB. */
export const secretName = (prefix: string, id: string) => `${prefix}_${id.toUpperCase().replace(/-/g, '_')}`;

/** A secret named after no partner is a typing mistake: start-up says so, rather than ignore it. */
export function refuseUnknownSecrets(secrets: Record<string, string>, routing: Routing, prefix: string): void {
  for (const name of Object.keys(secrets)) {
    if (name.startsWith(`${prefix}_`) && !routing.partners.some((p) => secretName(prefix, p.id) === name)) {
      throw new ConfigError(`environment variable ${name}`, 'names no partner in the partnership file');
    }
  }
}
export type Rule = z.infer<typeof ruleSchema>;
export type Routing = z.infer<typeof routingSchema>;
