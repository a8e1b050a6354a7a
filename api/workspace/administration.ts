import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { Case } from '../store/workspace-store';
import type { StaffMember } from './staff';

export interface PartnerQueue {
  partnerId: string;
  name: string;
  new: number;
  acknowledged: number;
  inProgress: number;
  closed: number;
  overdue: number;
  /** When the longest-waiting open report arrived, if any is open. */
  oldestOpen?: number;
}

export interface Figures {
  queues: PartnerQueue[];
  overdue: number;
  /** Closed reports by outcome, per report type. */
  outcomesByType: { type: string; outcomes: Record<string, number> }[];
  /** Reports by outward code, across partners (each report counted once). */
  byArea: { area: string; count: number }[];
}

/** What the partnership's administrators see: figures about every queue, never a report's answers. */
export function administration(deps: { store: Store; routing: Routing; now: () => number }) {
  return {
    async figures(): Promise<Figures> {
      const cases = await deps.store.workspace.allCases();
      const t = deps.now();
      const isOverdue = (c: Case) => c.status === 'new' && c.dueAt <= t;
      const queues = deps.routing.partners.map((partner) => {
        const mine = cases.filter((c) => c.partnerId === partner.id);
        const open = mine.filter((c) => c.status !== 'closed');
        const count = (status: Case['status']) => mine.filter((c) => c.status === status).length;
        return {
          partnerId: partner.id,
          name: partner.name,
          new: count('new'),
          acknowledged: count('acknowledged'),
          inProgress: count('in-progress'),
          closed: count('closed'),
          overdue: mine.filter(isOverdue).length,
          ...(open.length > 0 && { oldestOpen: Math.min(...open.map((c) => c.receivedAt)) }),
        };
      });
      const types = [...new Set(cases.map((c) => c.type))].sort();
      const outcomesByType = types.map((type) => {
        const outcomes: Record<string, number> = {};
        for (const c of cases) if (c.type === type && c.outcome) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
        return { type, outcomes };
      });
      const areaOfReport = new Map<number, string>();
      for (const c of cases) if (c.area) areaOfReport.set(c.reportId, c.area);
      const areas = new Map<string, number>();
      for (const area of areaOfReport.values()) areas.set(area, (areas.get(area) ?? 0) + 1);
      const byArea = [...areas].map(([area, count]) => ({ area, count })).sort((a, b) => b.count - a.count || a.area.localeCompare(b.area));
      return { queues, overdue: cases.filter(isOverdue).length, outcomesByType, byArea };
    },
    /** The audit trail, newest first: who did what to which report, never what it says. */
    async audit(viewer: StaffMember, limit = 500) {
      if (!viewer.admin) return [];
      await deps.store.workspace.audit({ at: deps.now(), actor: viewer.email, action: 'read the audit trail' });
      return deps.store.workspace.recentAudit(limit);
    },
  };
}

export type Administration = ReturnType<typeof administration>;
