import { createHash } from 'node:crypto';
import type { Store } from '../../api/store/store';

/**
 * A reporter who gave the right reference and code sees their report on the next page (post,
 * redirect, get) without either ever being in an address: the browser holds a random token,
 * the store (sealed, like form drafts) which report it opened. Idle 15 minutes, or Exit this
 * page, and it is gone.
 */
export const FOLLOW_UP_COOKIE = 'portal-follow-up';
export const FOLLOW_UP_IDLE_MS = 15 * 60_000;

export interface FollowUpSession {
  reportId: number;
  reference: string;
}

export interface FollowUpSessionStore {
  load(token: string): Promise<FollowUpSession | undefined>;
  save(token: string, session: FollowUpSession): Promise<void>;
  forget(token: string): Promise<void>;
}

export function storedFollowUpSessions(store: Store, now: () => number): FollowUpSessionStore {
  // Its own namespace in the drafts table: a form draft's token never opens a report.
  const id = (token: string) => createHash('sha256').update(`follow-up:${token}`).digest('hex');
  return {
    async load(token) {
      const json = await store.formDraft(id(token), now(), FOLLOW_UP_IDLE_MS);
      if (!json) return undefined;
      await store.saveFormDraft(id(token), json, now()); // each look keeps it alive
      return JSON.parse(json) as FollowUpSession;
    },
    async save(token, session) {
      await store.saveFormDraft(id(token), JSON.stringify(session), now());
    },
    async forget(token) {
      await store.forgetFormDraft(id(token));
    },
  };
}
