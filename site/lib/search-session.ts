import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../api/store/store';

/**
 * What someone searched for can say what is happening to them ("my husband hits me"), so it is
 * never kept in an address, where Back or the history would show it. The search form's query is
 * stored here (sealed, like form drafts) under a random token in a cookie, and the results page's
 * address carries only a short id of it. Idle 30 minutes, or Exit this page, and it is gone.
 */
export const SEARCH_COOKIE = 'portal-search';
export const SEARCH_IDLE_MS = 30 * 60_000;
/** Enough for Back through the searches of one visit. */
const KEPT = 10;

export interface SearchSessionStore {
  /** Keeps a query and answers the id its results page is found by. */
  remember(token: string, query: string): Promise<string>;
  find(token: string, id: string): Promise<string | undefined>;
  forget(token: string): Promise<void>;
}

export const isSearchId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{8}$/.test(value);

export function storedSearches(store: Store, now: () => number): SearchSessionStore {
  // Its own namespace in the drafts table, as the follow-up sessions have.
  const key = (token: string) => createHash('sha256').update(`search:${token}`).digest('hex');
  const load = async (token: string) => {
    const json = await store.formDraft(key(token), now(), SEARCH_IDLE_MS);
    return json ? (JSON.parse(json) as [id: string, query: string][]) : [];
  };
  return {
    async remember(token, query) {
      const id = randomBytes(6).toString('base64url');
      const kept = [...(await load(token)), [id, query] as [string, string]].slice(-KEPT);
      await store.saveFormDraft(key(token), JSON.stringify(kept), now());
      return id;
    },
    async find(token, id) {
      return (await load(token)).find(([kept]) => kept === id)?.[1];
    },
    async forget(token) {
      await store.forgetFormDraft(key(token));
    },
  };
}
