import { z } from 'astro/zod';
import { reportTypeIds } from '../../api/report-types';
import { topics } from './topics';

/** Where each fact a page states was checked (the numbers' sources are in the helpline list). */
export const sourcesSchema = z
  .array(z.object({ fact: z.string().min(1), url: z.string().url(), checked: z.coerce.date() }).strict())
  .default([]);

/** Front matter of a guidance page: a wrong or missing field fails the build, naming file and field. */
export const guidanceSchema = z
  .object({
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(300),
    topic: z.enum(topics),
    /** Sensitive topics carry the "Exit this page" control. */
    sensitive: z.boolean(),
    lastReviewed: z.coerce.date(),
    /** Ids from content/helplines.yaml, shown in the box under the page. */
    helplines: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
    reportTypes: z.array(z.enum(reportTypeIds as [string, ...string[]])).default([]),
    /**
     * How people name the subject in this language ("my husband hits me"), for search: weighted
     * high. Bounded, so a list cannot grow past what a person can read through (domestic abuse
     * has the most ways to say it, about a hundred).
     */
    keywords: z.array(z.string().min(1).max(60)).max(120).default([]),
    sources: sourcesSchema,
  })
  .strict();

export type Guidance = z.infer<typeof guidanceSchema>;
