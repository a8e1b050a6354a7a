import { z } from 'zod';

const email = z.string().email('must be an email address').transform((address) => address.toLowerCase());
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const days = z.number().int('must be a whole number of working days').min(0).max(30);

/**
 * The partners' workspace: who administers the partnership, and the promises partners keep.
 * Each report type's time to acknowledge is also what the confirmation tells its reporter.
 */
export const workspaceSchema = z
  .object({
    /** Staff who see every partner's queue, the audit trail, and overdue reports once escalated. */
    administrators: z.array(email).default([]),
    acknowledge: z
      .object({
        /** Working days for a partner to acknowledge a report, per report type. */
        workingDays: z.record(z.string(), days),
        /** Per partner and report type, where a partner promised otherwise. */
        partners: z.record(z.string(), z.record(z.string(), days)).default({}),
        /** Working days after a report fell overdue before the administrators are told too. */
        escalateAfterWorkingDays: days.default(1),
      })
      .strict(),
    /** Who receives a reporter's request for an ASB Case Review; unset, the partnership's adminEmail. */
    caseReviewContact: email.optional(),
    /** Days that are not working days besides Saturdays and Sundays: bank holidays, in the partnership's time zone. */
    closedDays: z.array(date).default([]),
  })
  .strict();

export type WorkspaceConfig = z.infer<typeof workspaceSchema>;

/** The working days a partner has to acknowledge a report of a type. */
export function acknowledgeDays(workspace: WorkspaceConfig, type: string, partnerId?: string): number {
  const promised = partnerId === undefined ? undefined : workspace.acknowledge.partners[partnerId]?.[type];
  // Every report type has its time (the partnership check refuses a file without one).
  return promised ?? workspace.acknowledge.workingDays[type];
}
