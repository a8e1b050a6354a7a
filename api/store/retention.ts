import type { Store } from './store';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Keeps reports only as long as the privacy notice says: they are deleted a set number of days
 * after every partner received them; idle chat conversations go after their expiry. Runs at
 * start-up and then every few minutes.
 */
export function startRetention(store: Store, days: number, now: () => number, chatExpiryMs = HOUR_MS): { stop: () => void } {
  const purge = () => {
    store.purgeDelivered(now() - days * 24 * HOUR_MS);
    store.expireChats(now() - chatExpiryMs);
  };
  purge();
  const timer = setInterval(purge, 5 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
