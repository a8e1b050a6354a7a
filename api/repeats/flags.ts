import { z } from 'zod';

export const repeatsSchema = z
  .object({
    /** Report types whose reports are matched. */
    reportTypes: z.array(z.string()).default(['asb', 'hate-crime']),
    victim: z.object({ windowMonths: z.number().int().min(1).default(6), minReports: z.number().int().min(2).default(2) }).strict().default({}),
    location: z.object({ windowDays: z.number().int().min(1).default(30), minReports: z.number().int().min(2).default(3) }).strict().default({}),
    // Peterborough's published threshold; councils vary, so every figure is configurable.
    caseReview: z
      .object({
        reportTypes: z.array(z.string()).default(['asb']),
        minReports: z.number().int().min(1).default(3),
        windowMonths: z.number().int().min(1).default(6),
        reportedWithinDays: z.number().int().min(1).default(31),
        communityMinIncidents: z.number().int().min(1).default(5),
      })
      .strict()
      .default({}),
  })
  .strict()
  .default({});

export type RepeatsConfig = z.infer<typeof repeatsSchema>;

/** An earlier report that shares a key with the new one. */
export interface EarlierMatch {
  reference: string;
  type: string;
  kind: 'victim' | 'postcode' | 'sector' | 'street';
  createdAt: number;
  /** The incident's date (YYYY-MM-DD), when the report gave one. */
  incidentDate?: string;
}

export interface RepeatFlags {
  repeatVictim?: { count: number; windowMonths: number; earlier: string[] };
  repeatLocation?: { count: number; windowDays: number; area: string };
  repeatStreet?: { count: number; windowDays: number; street: string };
  caseReview?: { references: string[] };
  communityCaseReview?: { count: number; windowMonths: number; area: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of the UTC day `months` before `now`: a report on that day is inside the window. */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export function daysBefore(now: number, days: number): number {
  const d = new Date(now - days * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function reportedInTime(createdAt: number, incidentDate: string | undefined, withinDays: number): boolean {
  if (!incidentDate) return false;
  return createdAt - Date.parse(`${incidentDate}T00:00:00Z`) <= (withinDays + 1) * DAY_MS;
}

/** What the partners, and the reporter, should be told about earlier reports. Pure: tested as a table. */
export function repeatFlags(
  current: { reference: string; type: string; createdAt: number; incidentDate?: string; area?: string; street?: string },
  earlier: EarlierMatch[],
  config: RepeatsConfig,
): RepeatFlags {
  const flags: RepeatFlags = {};
  const unique = (matches: EarlierMatch[]) => [...new Map(matches.map((m) => [m.reference, m])).values()];

  const victimSince = monthsBefore(current.createdAt, config.victim.windowMonths);
  const byVictim = unique(earlier.filter((m) => m.kind === 'victim' && m.createdAt >= victimSince));
  if (byVictim.length + 1 >= config.victim.minReports) {
    flags.repeatVictim = {
      count: byVictim.length + 1,
      windowMonths: config.victim.windowMonths,
      earlier: byVictim.sort((a, b) => a.createdAt - b.createdAt).map((m) => m.reference),
    };
  }

  if (current.area) {
    const placeSince = daysBefore(current.createdAt, config.location.windowDays);
    const inSector = unique(earlier.filter((m) => m.kind === 'sector' && m.createdAt >= placeSince));
    if (inSector.length + 1 >= config.location.minReports) {
      flags.repeatLocation = { count: inSector.length + 1, windowDays: config.location.windowDays, area: current.area };
    }
  }

  if (current.street) {
    const since = daysBefore(current.createdAt, config.location.windowDays);
    const inStreet = unique(earlier.filter((m) => m.kind === 'street' && m.createdAt >= since));
    if (inStreet.length + 1 >= config.location.minReports) {
      flags.repeatStreet = { count: inStreet.length + 1, windowDays: config.location.windowDays, street: current.street };
    }
  }

  const review = config.caseReview;
  if (review.reportTypes.includes(current.type)) {
    const since = monthsBefore(current.createdAt, review.windowMonths);
    const counts = (m: { type: string; createdAt: number; incidentDate?: string }) =>
      review.reportTypes.includes(m.type) && m.createdAt >= since && reportedInTime(m.createdAt, m.incidentDate, review.reportedWithinDays);
    const mine = unique(earlier.filter((m) => m.kind === 'victim')).filter(counts);
    if (counts(current) && mine.length + 1 >= review.minReports) {
      flags.caseReview = { references: [...mine.map((m) => m.reference), current.reference] };
    }
    if (current.area) {
      const community = unique(earlier.filter((m) => m.kind === 'sector' && counts(m)));
      if (community.length + 1 >= review.communityMinIncidents) {
        flags.communityCaseReview = { count: community.length + 1, windowMonths: review.windowMonths, area: current.area };
      }
    }
  }
  return flags;
}
