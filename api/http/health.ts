import { Hono } from 'hono';
import type { Store } from '../store/store';

/**
 * The outbox, as a monitor needs it: what waits to be sent and for how long, and what failed
 * for good and waits for a person (deliveries, and the alerts that should have told someone).
 * Any failure makes the status "failing": a portal that stores reports but cannot pass them
 * on is not well, though it still answers residents (so the HTTP status stays 200).
 */
export function healthRoutes(store: Store, now: () => number = Date.now) {
  return new Hono().get('/', async function health(c) {
    const [oldest, failed, undelivered, overdue] = await Promise.all([
      store.oldestUndelivered(),
      store.failures(),
      store.outboxDepth(),
      store.workspace.countOverdue(now()),
    ]);
    return c.json({
      status: failed.deliveries + failed.alerts > 0 ? 'failing' : 'ok',
      outbox: {
        undelivered,
        oldestUndeliveredSeconds: oldest === undefined ? 0 : Math.max(0, Math.round((now() - oldest) / 1000)),
        failedDeliveries: failed.deliveries,
        failedAlerts: failed.alerts,
      },
      // Reports no partner has acknowledged in the time promised (a matter for people, not a failure).
      workspace: { overdue },
    });
  });
}
