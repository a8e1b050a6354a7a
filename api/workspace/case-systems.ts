import { holderOf, secretDigest } from '../http/secret-match';
import { Hono } from 'hono';
import { ConfigError } from '../config-error';
import { errorResponse } from '../http/errors';
import { refuseUnknownSecrets, secretName, type Partner, type Routing } from '../routing/routing-schema';
import { systemActor } from '../store/workspace-store';
import type { Casework } from './casework';
import { declaredBodyLimit } from '../http/body-limit';

/** The partners whose own systems may post status updates: each by its PARTNER_TOKEN_<ID>. */
export function caseSystemTokens(routing: Routing, secrets: Record<string, string>): { partner: Partner; token: Buffer }[] {
  refuseUnknownSecrets(secrets, routing, 'PARTNER_TOKEN');
  return routing.partners.flatMap((partner) => {
    const name = secretName('PARTNER_TOKEN', partner.id);
    const token = secrets[name];
    if (token === undefined) return [];
    if (token.length < 32) throw new ConfigError(`environment variable ${name}`, 'must be at least 32 characters (a long random token)');
    return [{ partner, token: secretDigest(token) }];
  });
}

/**
 * `POST /api/case-systems/reports/{reference}/status` with `Authorization: Bearer <token>`: a
 * partner's case system acknowledges, starts or closes its own case, as its staff would in the
 * workspace, recorded as that system. It is not sent back to the system by webhook.
 */
export function caseSystemRoutes(casework: Casework, tokens: { partner: Partner; token: Buffer }[]) {
  const app = new Hono();
  // A status is a few words: anything much longer is not one.
  app.use(declaredBodyLimit({ maxSize: 4096, onError: (c) => errorResponse(c, 413, [{ path: '', message: 'The request is too large' }]) }));
  app.post('/reports/:reference/status', async (c) => {
    const bearer = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const partner = holderOf(tokens, (t) => t.token, bearer)?.partner;
    if (!partner) {
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 401, [{ path: '', message: 'Give your system’s token as Authorization: Bearer <token>' }]);
    }
    const body = (await c.req.json().catch(() => undefined)) as { status?: unknown; outcome?: unknown } | undefined;
    const status = body?.status;
    if (status !== 'acknowledged' && status !== 'in-progress' && status !== 'closed') {
      return errorResponse(c, 400, [{ path: 'status', message: 'must be acknowledged, in-progress or closed' }]);
    }
    const system = { email: systemActor(partner.id), partner, admin: false };
    const reference = c.req.param('reference').toUpperCase();
    const current = await casework.caseOf(system, reference);
    if (!current) return errorResponse(c, 404, [{ path: '', message: `No report ${reference} was sent to ${partner.id}` }]);
    // Asking again for the state it is in changes nothing and is no error: a retried request is safe.
    const same = current.status === status && (status !== 'closed' || current.outcome === body?.outcome);
    const done = same
      ? ({ ok: true } as const)
      : status === 'acknowledged'
        ? await casework.acknowledge(system, reference)
        : status === 'in-progress'
          ? await casework.start(system, reference)
          : await casework.close(system, reference, body?.outcome);
    if (!done.ok) {
      const why: Record<string, [string, string]> = {
        outcome: ['outcome', 'must be resolved, no-further-action or duplicate'],
        'not-new': ['status', `cannot be acknowledged: it is ${current.status}`],
        'not-open': ['status', `cannot be started: it is ${current.status}`],
        closed: ['status', 'cannot change: it is closed'],
      };
      const [path, message] = why[done.error] ?? ['', done.error];
      return errorResponse(c, path === 'outcome' ? 400 : 409, [{ path, message }]);
    }
    const now = (await casework.caseOf(system, reference))!;
    return c.json({ reference, status: now.status, outcome: now.outcome });
  });
  return app;
}
