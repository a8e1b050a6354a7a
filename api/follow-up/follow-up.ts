import type { Routing } from '../routing/routing-schema';
import type { Store } from '../store/store';
import type { CaseStatus, Outcome } from '../store/workspace-store';
import { codeMatches } from './codes';

export const WRONG_CODES_ALLOWED = 5;
export const LOCK_MS = 60 * 60_000;
export const MAX_REPLY = 2000;
// A hash of a code no report has, so a reference that does not exist takes as long as one that does.
const DECOY = `scrypt:4096:8:1:${Buffer.alloc(16).toString('base64')}:${Buffer.alloc(32).toString('base64')}`;

export type Verified = { ok: true; reportId: number; reference: string } | { ok: false; locked?: { minutes: number } };

export interface PartnerStatus {
  partnerId: string;
  name: string;
  status: CaseStatus;
  outcome: Outcome | null;
  receivedAt: number;
  acknowledgedAt: number | null;
  closedAt: number | null;
  messages: { fromReporter: boolean; body: string; createdAt: number }[];
}

/**
 * The reporter's side of a report, opened only with its reference and private code: each
 * partner's status and the messages between them. Five wrong codes in an hour lock that
 * reference's follow-up for an hour; partners are not affected.
 */
export function followUps(deps: { store: Store; routing: Routing; now: () => number }) {
  const ws = deps.store.workspace;
  return {
    async verify(typedReference: string, typedCode: string): Promise<Verified> {
      const reference = typedReference.trim().toUpperCase().replace(/\s+/g, '').slice(0, 40);
      const locked = ws.lockedUntil(reference, deps.now());
      if (locked) return { ok: false, locked: { minutes: Math.ceil((locked - deps.now()) / 60_000) } };
      const found = ws.followUpHash(reference);
      const right = await codeMatches(typedCode.slice(0, 64), found?.hash ?? DECOY);
      if (right && found) {
        ws.rightCode(reference);
        return { ok: true, reportId: found.reportId, reference };
      }
      const lockedNow = ws.wrongCode(reference, deps.now(), LOCK_MS, WRONG_CODES_ALLOWED);
      return lockedNow ? { ok: false, locked: { minutes: Math.ceil(LOCK_MS / 60_000) } } : { ok: false };
    },
    /** Each partner's status and its messages with the reporter (never a partner's notes). */
    status(reportId: number): PartnerStatus[] {
      const messages = ws.messagesOf(reportId);
      return ws.casesOfReport(reportId).map((c) => ({
        partnerId: c.partnerId,
        name: deps.routing.partners.find((p) => p.id === c.partnerId)?.name ?? c.partnerId,
        status: c.status,
        outcome: c.outcome,
        receivedAt: c.receivedAt,
        acknowledgedAt: c.acknowledgedAt,
        closedAt: c.closedAt,
        messages: messages.filter((m) => m.partnerId === c.partnerId).map(({ fromReporter, body, createdAt }) => ({ fromReporter, body, createdAt })),
      }));
    },
    /** The reporter answers one partner; that partner sees it in its workspace. */
    reply(reportId: number, partnerId: unknown, text: unknown): { ok: true } | { ok: false; error: 'replyEmpty' | 'replyLong' | 'replyPartner' } {
      const body = typeof text === 'string' ? text.trim() : '';
      if (body === '') return { ok: false, error: 'replyEmpty' };
      if (body.length > MAX_REPLY) return { ok: false, error: 'replyLong' };
      const c = ws.casesOfReport(reportId).find((k) => k.partnerId === partnerId);
      if (!c) return { ok: false, error: 'replyPartner' };
      ws.addMessage(reportId, { partnerId: c.partnerId, fromReporter: true, author: 'reporter', body, createdAt: deps.now() });
      ws.audit({ at: deps.now(), actor: 'reporter', partnerId: c.partnerId, reference: c.reference, action: 'reporter replied' });
      return { ok: true };
    },
  };
}

export type FollowUps = ReturnType<typeof followUps>;
