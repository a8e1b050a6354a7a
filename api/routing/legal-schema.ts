import { z } from 'zod';

const email = z.string().email('must be an email address');
const day = z.coerce.date();

/**
 * Data Protection Act 2018, Schedule 1, Part 2: the conditions a controller may name for special
 * category and criminal offence data that the portal's purposes can rest on. The privacy notice
 * names each in the reader's language.
 */
export const SCHEDULE_1_CONDITIONS = ['6', '10', '11', '18'] as const;

/**
 * What the accessibility statement and the privacy notice must say that only the partnership
 * knows: who is responsible, how to reach them, who processes data for them, how the site was
 * tested. The build and start-up fail naming any field that is missing.
 */
export const legalSchema = z
  .object({
    /** The address of the website the pages cover. */
    website: z.string().url(),
    /** The public body that runs the website on the partnership's behalf. */
    runBy: z.string().min(1),
    /** Where people write about their data or the site's accessibility. */
    contact: z.object({ email, post: z.string().min(1), phone: z.string().min(1).optional() }).strict(),
    /** The bodies responsible in law for the data (joint controllers when more than one). */
    controllers: z
      .array(
        z
          .object({
            name: z.string().min(1),
            address: z.string().min(1),
            dpo: email,
            /** Its own privacy notice, for what it does with a report once it has it. */
            privacyNotice: z.string().url().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Companies that process data for the controllers: the host and the email service. */
    processors: z
      .array(z.object({ role: z.enum(['hosting', 'email']), name: z.string().min(1), country: z.string().min(1) }).strict())
      .min(1),
    /** Schedule 1 Part 2 paragraphs relied on for special category and criminal offence data. */
    schedule1: z.array(z.enum(SCHEDULE_1_CONDITIONS)).min(1),
    /** The appropriate policy document those conditions need (DPA 2018 Schedule 1 Part 4). */
    appropriatePolicyDocument: z.string().url(),
    /** How long the host keeps request logs (method, path, status and time; no address). */
    logDays: z.number().int().min(1),
    accessibility: z
      .object({
        /** EHRC in Great Britain, ECNI in Northern Ireland. */
        enforcement: z.enum(['EHRC', 'ECNI']),
        status: z.enum(['full', 'partial', 'not']),
        /** Each known failing, with the WCAG criterion it fails and when it will be fixed. */
        issues: z
          .array(z.object({ issue: z.string().min(1), criterion: z.string().regex(/^\d\.\d+\.\d+ .+/, 'must be a WCAG criterion such as "1.4.10 Reflow"'), fixBy: day.optional() }).strict())
          .default([]),
        /** Working days to answer a request for another format, and a report of a problem. */
        formatReplyDays: z.number().int().min(1),
        problemReplyDays: z.number().int().min(1),
        tested: z
          .object({
            on: day,
            by: z.string().min(1),
            methods: z.array(z.enum(['automated', 'keyboard', 'screen-reader', 'zoom', 'small-screen', 'no-javascript'])).min(1),
            /** The pages tested, as paths. */
            sample: z.array(z.string().regex(/^\//, 'must be a path starting with /')).min(1),
          })
          .strict(),
        prepared: day,
        reviewed: day,
      })
      .strict()
      .refine((a) => a.status === 'full' || a.issues.length > 0, {
        message: 'a site that is not fully compliant lists its known failings in issues',
        path: ['issues'],
      }),
  })
  .strict();

export type Legal = z.infer<typeof legalSchema>;

/** Every value still on an example domain, by its path, so a build can say what is left to fill in. */
export function exampleValues(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return /(^|[.@/])example\.(org|com|net)\b|\bexample\b/i.test(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => exampleValues(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => exampleValues(v, [...path, k]));
  return [];
}
