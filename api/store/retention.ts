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
export function purgeExpired(store: Store, policy: RetentionPolicy, now: number, mailer?: Pick<Mailer, 'purge'>) {
  const cutoff = now - policy.reportDays * DAY_MS;
  const gone = {
    reports: store.purgeDelivered(cutoff),
    // Copies of the emails, where the portal keeps them (the pickup folder), go with the reports.
    emails: mailer?.purge?.(cutoff) ?? 0,
    matchRecords: store.purgeMatchRecords(windowsStart(now, policy.repeats)),
    chats: store.expireChats(now - policy.chatExpiryMs),
    formDrafts: store.expireFormDrafts(now - policy.formExpiryMs),
  };
  // Deleted rows are overwritten (secure_delete); this leaves no copy of them in the log either.
  store.checkpoint();
  return gone;
}

/** Purges at start-up and then every few minutes. */
export function startRetention(store: Store, policy: RetentionPolicy, now: () => number, mailer?: Pick<Mailer, 'purge'>): { stop: () => void } {
  purgeExpired(store, policy, now(), mailer);
  const timer = setInterval(() => purgeExpired(store, policy, now(), mailer), 5 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
