import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WorkspaceStore } from '../store/workspace-store';

export const IDLE_MS = 30 * 60_000;
export const LONGEST_MS = 12 * 60 * 60_000;

export const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');
export const newSecret = () => randomBytes(32).toString('base64url');

/** Staff sessions: the browser holds a random id, the store only its hash. */
export function staffSessions(store: WorkspaceStore, now: () => number) {
  return {
    /** Starts a session; returns the cookie's value. */
    async start(email: string): Promise<string> {
      const id = newSecret();
      await store.createSession(hashOf(id), email, newSecret(), now());
      return id;
    },
    /** The session behind a cookie, if it is neither idle 30 minutes nor 12 hours old; each use keeps it alive. */
    async check(id: string | undefined): Promise<{ email: string; csrf: string } | undefined> {
      if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
      const hash = hashOf(id);
      const session = await store.session(hash);
      const t = now();
      if (!session) return undefined;
      if (t - session.seenAt > IDLE_MS || t - session.createdAt > LONGEST_MS) {
        await store.endSession(hash);
        return undefined;
      }
      await store.touchSession(hash, t);
      return { email: session.email, csrf: session.csrf };
    },
    async end(id: string): Promise<void> {
      await store.endSession(hashOf(id));
    },
    async endEverywhere(email: string): Promise<number> {
      return store.endSessionsOf(email);
    },
    async expire(): Promise<number> {
      const t = now();
      return store.expireSessions(t - IDLE_MS, t - LONGEST_MS);
    },
  };
}

export type StaffSessions = ReturnType<typeof staffSessions>;

/** A form's token matches its session's, compared in constant time. */
export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
