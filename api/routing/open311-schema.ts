import { z } from 'zod';
import { reportTypeIds } from '../report-types';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');

/**
 * A system that sends reports by Open311 GeoReport v2 (a FixMyStreet cobrand, a council's
 * app). Its key is never in the file: it is OPEN311_KEY_<ID> in the environment.
 */
export const open311ClientSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** The report types it may send: a cobrand sending ASB categories sends only asb. */
    services: z
      .array(z.string().refine((type) => reportTypeIds.includes(type), (type) => ({ message: `no report type "${type}" (one of ${reportTypeIds.join(', ')})` })))
      .min(1, 'name at least one report type'),
  })
  .strict();

export const open311Schema = z
  .object({ clients: z.array(open311ClientSchema).default([]) })
  .strict()
  .superRefine((open311, ctx) => {
    const seen = new Set<string>();
    open311.clients.forEach((client, i) => {
      if (seen.has(client.id)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'id'], message: `"${client.id}" is used twice` });
      seen.add(client.id);
    });
  })
  .default({ clients: [] });

export type Open311Config = z.infer<typeof open311Schema>;
export type Open311ClientConfig = z.infer<typeof open311ClientSchema>;
