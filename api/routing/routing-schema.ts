import { z } from 'zod';
import { repeatsSchema } from '../repeats/flags';
import { legalSchema } from './legal-schema';
import { workspaceSchema } from './workspace-schema';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');

export const partnerSchema = z
  .object({
    id,
    name: z.string().min(1),
    email: z.string().email('must be an email address'),
    /** full: the report's answers (those its rules allow); notify: only that a report waits in the workspace. */
    mail: z.enum(['full', 'notify']).default('full'),
    /** Who works this partner's reports in the workspace, by the email address they are invited at. */
    staff: z.array(z.string().email('must be an email address').transform((a) => a.toLowerCase())).default([]),
  })
  .strict();

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
  })
  .strict();

export type Partner = z.infer<typeof partnerSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Routing = z.infer<typeof routingSchema>;
