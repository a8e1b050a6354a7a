import { Hono } from 'hono';
import type { Store } from '../store/store';

export function healthRoutes(store: Store) {
  return new Hono().get('/', function health(c) {
    return c.json({ status: 'ok', outbox: { undelivered: store.outboxDepth() } });
  });
}
