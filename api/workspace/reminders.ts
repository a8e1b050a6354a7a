import type { Logger } from '../log';
import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import { calendarOf } from './plan-case';
import { workingDaysLate } from './working-days';

/**
 * Promises kept: a report still not acknowledged when its time runs out is sent to its partner
 * as a reminder, and, some working days later, to the partnership's administrators. Each once,
 * through the outbox.
 */
export function reminders(deps: { store: Store; routing: Routing; now: () => number; onPlanned?: () => void; log?: Logger; pollMs?: number }) {
  const { store, routing } = deps;
  let timer: NodeJS.Timeout | undefined;

  function runOnce(): number {
    const t = deps.now();
    let planned = 0;
    for (const c of store.workspace.overdue(t)) {
      const partner = routing.partners.find((p) => p.id === c.partnerId);
      if (c.reminded < 1 && partner) {
        if (store.workspace.remind(c, 1, { kind: 'overdue', recipient: partner.email, now: t })) planned++;
      }
      if (c.reminded < 2 && workingDaysLate(c.dueAt, t, calendarOf(routing)) >= routing.workspace.acknowledge.escalateAfterWorkingDays) {
        if (store.workspace.remind(c, 2, { kind: 'escalation', recipient: routing.partnership.adminEmail, now: t })) planned++;
      }
    }
    if (planned > 0) {
      deps.log?.info({ planned }, 'overdue reminders planned');
      deps.onPlanned?.();
    }
    return planned;
  }

  return {
    runOnce,
    start(): void {
      timer = setInterval(runOnce, deps.pollMs ?? 60_000);
      timer.unref();
      runOnce();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
