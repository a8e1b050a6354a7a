import { z } from 'astro/zod';

const number = z.string().regex(/^\+?[0-9][0-9 ]{1,15}$/, 'must be digits and spaces only, as dialled');

/**
 * One service in content/helplines.yaml. Numbers live only here, never in a page, each with the
 * source it was checked against and when. A number that nobody verified is not printed.
 */
export const helplineSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    phone: number.optional(),
    text: number.optional(),
    email: z.string().email().optional(),
    /** Other numbers that the purpose or hours text gives (e.g. "18001 101"), verified like the phone. */
    mentions: z.array(number).optional(),
    website: z.string().url().optional(),
    hours: z.string().min(1).optional(),
    purpose: z.string().min(1),
    source: z.string().url(),
    lastChecked: z.coerce.date(),
    verified: z.boolean(),
    /** What is still to be confirmed about this service, and why ("phone: two sources disagree"). Listed at every build. */
    unconfirmed: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((h) => h.phone || h.text || h.email || h.website, { message: 'needs a phone, text, email or website' })
  .refine((h) => h.verified || (!h.phone && !h.text && !h.mentions), {
    message: 'an unverified service must not carry a phone or text number: link to its website instead',
  });

export type Helpline = z.infer<typeof helplineSchema>;
