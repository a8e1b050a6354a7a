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
export type CaseReviewThreshold = RepeatsConfig['caseReview'];

/**
 * What a victim match was made on. "contact" is an email or phone whose kind was not recorded
 * (match records made before the portal told them apart).
 */
export type VictimBasis = 'email' | 'phone' | 'contact';
export const VICTIM_KINDS: readonly VictimBasis[] = ['email', 'phone', 'contact'];

/** An earlier report by the same person (the same email or phone). */
export interface EarlierMatch {
  reference: string;
  type: string;
  kind: VictimBasis;
  createdAt: number;
  /** The incident's date (YYYY-MM-DD), when the report gave one. */
  incidentDate?: string;
}

/** Which earlier reports at a place to count: made since `since` (the start of a day); for the Case Review, of these types and reported in time. */
export interface PlaceCount {
  kind: 'sector' | 'street';
  since: number;
  types?: string[];
  reportedWithinDays?: number;
}

/**
 * What is known of earlier reports. A person's own reports are few and each is named in a flag;
 * a busy place can have thousands, so those are only counted (by the store, in SQL, by index).
 */
export interface Earlier {
  victims: EarlierMatch[];
  /** How many distinct earlier reports share the new report's key of this kind. */
  count(query: PlaceCount): Promise<number>;
}

/**
 * What partners are told about earlier reports. Each flag says what it was counted on, so a
 * partner knows how much to trust it: anyone can type someone else's phone number.
 */
export interface RepeatFlags {
  repeatVictim?: { count: number; windowMonths: number; earlier: string[]; on: VictimBasis[] };
  /** Reports anywhere in the postcode sector (e.g. "PE1 1"), not at one address. */
  repeatLocation?: { count: number; windowDays: number; area: string };
  /** Reports naming the same street, whatever the house number: `street` is its normalised name. */
  repeatStreet?: { count: number; windowDays: number; street: string };
  caseReview?: { references: string[]; on: VictimBasis[] };
  communityCaseReview?: { count: number; windowMonths: number; area: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day a time falls on, as a number: windows start at the start of a day. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** Days from the incident's date (YYYY-MM-DD) to the report; undefined when no date was given. */
export function daysAfterIncident(createdAt: number, incidentDate: string | undefined): number | undefined {
  return incidentDate ? dayOf(createdAt) - dayOf(Date.parse(`${incidentDate}T00:00:00Z`)) : undefined;
}

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

/** The start of the longest window: match records older than this count for nothing, and go. */
export function windowsStart(now: number, config: RepeatsConfig): number {
  const months = Math.max(config.victim.windowMonths, config.caseReview.windowMonths);
  return Math.min(monthsBefore(now, months), daysBefore(now, config.location.windowDays));
}

/** Made within `withinDays` days of the incident's day (the store counts places by the same rule). */
function reportedInTime(createdAt: number, incidentDate: string | undefined, withinDays: number): boolean {
  const days = daysAfterIncident(createdAt, incidentDate);
  return days !== undefined && days <= withinDays;
}

/** What the partners, and the reporter, should be told about earlier reports. Reads only `earlier`: tested as a table. */
export async function repeatFlags(
  current: { reference: string; type: string; createdAt: number; incidentDate?: string; area?: string; street?: string },
  // `street` is the normalised street name, as matched.
  earlier: Earlier,
  config: RepeatsConfig,
): Promise<RepeatFlags> {
  const flags: RepeatFlags = {};
  const unique = (matches: EarlierMatch[]) => [...new Map(matches.map((m) => [m.reference, m])).values()];
  const basis = (matches: EarlierMatch[]) => VICTIM_KINDS.filter((kind) => matches.some((m) => m.kind === kind));

  const victimSince = monthsBefore(current.createdAt, config.victim.windowMonths);
  const victimMatches = earlier.victims.filter((m) => m.createdAt >= victimSince);
  const byVictim = unique(victimMatches);
  if (byVictim.length + 1 >= config.victim.minReports) {
    flags.repeatVictim = {
      count: byVictim.length + 1,
      windowMonths: config.victim.windowMonths,
      earlier: byVictim.sort((a, b) => a.createdAt - b.createdAt).map((m) => m.reference),
      on: basis(victimMatches),
    };
  }

  const placeSince = daysBefore(current.createdAt, config.location.windowDays);
  if (current.area) {
    const inSector = await earlier.count({ kind: 'sector', since: placeSince });
    if (inSector + 1 >= config.location.minReports) {
      flags.repeatLocation = { count: inSector + 1, windowDays: config.location.windowDays, area: current.area };
    }
  }

  if (current.street) {
    const inStreet = await earlier.count({ kind: 'street', since: placeSince });
    if (inStreet + 1 >= config.location.minReports) {
      flags.repeatStreet = { count: inStreet + 1, windowDays: config.location.windowDays, street: current.street };
    }
  }

  const review = config.caseReview;
  if (review.reportTypes.includes(current.type)) {
    const since = monthsBefore(current.createdAt, review.windowMonths);
    const counts = (m: { type: string; createdAt: number; incidentDate?: string }) =>
      review.reportTypes.includes(m.type) && m.createdAt >= since && reportedInTime(m.createdAt, m.incidentDate, review.reportedWithinDays);
    const mineMatches = earlier.victims.filter(counts);
    const mine = unique(mineMatches);
    if (counts(current) && mine.length + 1 >= review.minReports) {
      flags.caseReview = { references: [...mine.map((m) => m.reference), current.reference], on: basis(mineMatches) };
    }
    if (current.area) {
      const community = await earlier.count({ kind: 'sector', since, types: review.reportTypes, reportedWithinDays: review.reportedWithinDays });
      if (community + 1 >= review.communityMinIncidents) {
        flags.communityCaseReview = { count: community + 1, windowMonths: review.windowMonths, area: current.area };
      }
    }
  }
  return flags;
}
