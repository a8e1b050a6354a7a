import type { Store } from './store';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Keeps reports only as long as the privacy notice says: they are deleted a set number of days
 * after every partner received them. Runs at start-up and then hourly.
 */
export function startRetention(store: Store, days: number, now: () => number): { stop: () => void } {
  const purge = () => store.purgeDelivered(now() - days * 24 * HOUR_MS);
  purge();
  const timer = setInterval(purge, HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
