import { z } from 'astro/zod';
import { sourcesSchema } from './guidance';

/** Front matter of the accessibility statement and the privacy notice. */
export const pageSchema = z
  .object({
    title: z.string().min(1),
    lastReviewed: z.coerce.date(),
    /** The words of the parts made from the partnership file, in this page's language. */
    labels: z.record(z.string(), z.string()).default({}),
    sources: sourcesSchema,
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
