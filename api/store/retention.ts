import { windowsStart, type RepeatsConfig } from '../repeats/flags';
import type { Mailer } from '../mail/transport';
import type { Store } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Reports go this many days after every partner received them. */
  reportDays: number;
  /** Match records (hashes and dates, no contents) stay as long as the longest repeat window. */
  repeats: RepeatsConfig;
  chatExpiryMs: number;
  formExpiryMs: number;
}

/** Deletes everything kept past its time, as the privacy notice says; returns what went. */
export async function purgeExpired(store: Store, policy: RetentionPolicy, now: number, mailer?: Pick<Mailer, 'purge'>) {
  const cutoff = now - policy.reportDays * DAY_MS;
  const gone = {
    reports: await store.purgeDelivered(cutoff),
    // Copies of the emails, where the portal keeps them (the pickup folder), go with the reports.
    emails: mailer?.purge?.(cutoff) ?? 0,
    matchRecords: await store.purgeMatchRecords(windowsStart(now, policy.repeats)),
    chats: await store.expireChats(now - policy.chatExpiryMs),
    formDrafts: await store.expireFormDrafts(now - policy.formExpiryMs),
  };
  // Deleted rows are overwritten (secure_delete); this leaves no copy of them in the log either.
  await store.checkpoint();
  return gone;
}

/** Purges at start-up and then every few minutes. */
export function startRetention(store: Store, policy: RetentionPolicy, now: () => number, mailer?: Pick<Mailer, 'purge'>): { stop: () => Promise<void> } {
  let running: Promise<unknown> | undefined;
  // A purge that fails (a locked or full disk) is tried again at the next turn; the server goes on.
  const purge = () => {
    running ??= purgeExpired(store, policy, now(), mailer)
      .catch(() => {})
      .finally(() => (running = undefined));
  };
  purge();
  const timer = setInterval(purge, 5 * 60 * 1000);
  timer.unref();
  return {
    /** Nothing more starts; a purge in progress ends before the store closes. */
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
