import { Hono } from 'hono';
import type { Store } from '../store/store';

/** 200 while the portal serves; the outbox figures tell a monitor when partners are not getting mail. */
export function healthRoutes(store: Store, now: () => number = Date.now) {
  return new Hono().get('/', function health(c) {
    const oldest = store.oldestUndelivered();
    return c.json({
      status: 'ok',
      outbox: {
        undelivered: store.outboxDepth(),
        oldestUndeliveredSeconds: oldest === undefined ? 0 : Math.max(0, Math.round((now() - oldest) / 1000)),
      },
    });
  });
}
