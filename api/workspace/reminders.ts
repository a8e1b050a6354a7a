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
  let running: Promise<number> | undefined;

  async function plan(): Promise<number> {
    const t = deps.now();
    let planned = 0;
    for (const c of await store.workspace.overdue(t)) {
      const partner = routing.partners.find((p) => p.id === c.partnerId);
      if (c.reminded < 1 && partner) {
        if (await store.workspace.remind(c, 1, { kind: 'overdue', recipient: partner.email, now: t })) planned++;
      }
      if (c.reminded < 2 && workingDaysLate(c.dueAt, t, calendarOf(routing)) >= routing.workspace.acknowledge.escalateAfterWorkingDays) {
        if (await store.workspace.remind(c, 2, { kind: 'escalation', recipient: routing.partnership.adminEmail, now: t })) planned++;
      }
    }
    if (planned > 0) {
      deps.log?.info({ planned }, 'overdue reminders planned');
      deps.onPlanned?.();
    }
    return planned;
  }

  /** Plans what is due; one run at a time, so a slow one is joined, not overlapped. */
  function runOnce(): Promise<number> {
    running ??= plan().finally(() => (running = undefined));
    return running;
  }

  // A run that fails (a locked or full disk) is tried again at the next turn; the server goes on.
  const tick = () =>
    void runOnce().catch((err: unknown) => deps.log?.error({ error: (err as Error).name, code: (err as { code?: string }).code }, 'overdue reminders failed'));

  return {
    runOnce,
    start(): void {
      timer = setInterval(tick, deps.pollMs ?? 60_000);
      timer.unref();
      tick();
    },
    /** Nothing more starts; a run in progress ends before the store closes. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
