import { createHash } from 'node:crypto';
import type { Answers } from '../../api/definitions/types';
import type { Store } from '../../api/store/store';

/**
 * One report form's answers between its steps. The browser holds only a random token in a
 * cookie; every step is a post answered by a redirect, so no step is a form post in the
 * browser's history that Back could send again, and "Exit this page" deletes the draft.
 */
export interface FormDraft {
  /** When the form was first shown: answers sent sooner than a person types are a script's. */
  startedAt: number;
  answers: Answers;
  /** Makes a repeated "send" (a double click) return the first reference. */
  submissionKey: string;
  /** The questions page shows its errors (after "Continue"), not before. */
  showErrors?: boolean;
  /** The urgency gate was sent unanswered. */
  gateError?: boolean;
  /** Answers were sent after the draft had gone (expired): shown again to check. */
  resumed?: boolean;
  /** Sent: the answers are gone, only the reference is kept to show it again… */
  reference?: string;
  /** …and the follow-up code, which exists nowhere else but with the reporter (Exit this page deletes it). */
  followUpCode?: string;
  /** The report limit was reached: send again after this time. */
  limitedUntil?: number;
  /** The store could not save the report just now. */
  unavailable?: boolean;
}

/** A browser's drafts, one per report type. */
export type FormDrafts = Partial<Record<string, FormDraft>>;

export interface FormDraftStore {
  load(token: string): Promise<FormDrafts | undefined>;
  save(token: string, drafts: FormDrafts): Promise<void>;
  forget(token: string): Promise<void>;
}

export const DRAFT_COOKIE = 'portal-form';
export const isDraftToken = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Form drafts in the portal's store, sealed like reports. The browser's token is kept only as
 * a hash, so a copy of the database cannot be used to read a draft through the site.
 */
export function storedFormDrafts(store: Store, expiryMs: number, now: () => number): FormDraftStore {
  const id = (token: string) => createHash('sha256').update(token).digest('hex');
  return {
    async load(token) {
      const json = await store.formDraft(id(token), now(), expiryMs);
      return json ? (JSON.parse(json) as FormDrafts) : undefined;
    },
    async save(token, drafts) {
      if (Object.values(drafts).every((d) => d === undefined)) await store.forgetFormDraft(id(token));
      else await store.saveFormDraft(id(token), JSON.stringify(drafts), now());
    },
    async forget(token) {
      await store.forgetFormDraft(id(token));
    },
  };
}
