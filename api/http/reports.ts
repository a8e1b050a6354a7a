import { createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { errorMessage } from '../definitions/messages';
import type { Definition } from '../definitions/types';
import { intake, type IntakeDeps } from '../intake/intake';
import { localeFromAcceptLanguage, translator } from '../../i18n';
import { errorResponse } from './errors';
import { describeDefinition } from './describe';
import { declaredBodyLimit } from './body-limit';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_KEY_LENGTH = 200;

export function reportRoutes(definitions: Definition[], deps: IntakeDeps, limit?: MiddlewareHandler) {
  const app = new Hono();

  app.get('/report-types', function listReportTypes(c) {
    const t = translator(localeFromAcceptLanguage(c.req.header('accept-language')));
    return c.json({ reportTypes: definitions.map((d) => describeDefinition(d, t)) });
  });

  if (limit) app.post('/reports/:type', limit);
  app.post(
    '/reports/:type',
    declaredBodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, [{ path: '', message: `The request body must be ${MAX_BODY_BYTES} bytes or fewer` }]),
    }),
    async function submitReport(c) {
      const locale = localeFromAcceptLanguage(c.req.header('accept-language'));
      const t = translator(locale);
      const definition = definitions.find((d) => d.id === c.req.param('type'));
      if (!definition) return errorResponse(c, 404, [{ path: '', message: t('validation.unknownReportType') }]);
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return errorResponse(c, 415, [{ path: '', message: 'Send the answers as application/json' }]);
      }
      let answers: unknown;
      try {
        answers = await c.req.json();
      } catch {
        return errorResponse(c, 400, [{ path: '', message: t('validation.badJson') }]);
      }
      const key = c.req.header('idempotency-key');
      if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
        return errorResponse(c, 400, [{ path: '', message: `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} characters` }]);
      }
      const result = await intake(deps, definition, {
        answers,
        locale,
        // Hashed: a long key is neither cut (two keys would collide) nor stored as sent.
        submissionKey: key ? `api:${createHash('sha256').update(key).digest('hex')}` : undefined,
      });
      if (!result.ok && result.errors.some((e) => e.code === 'keyReused')) {
        return errorResponse(c, 409, [{ path: '', message: 'This Idempotency-Key was already used for a different report. Send each new report with a new key.' }]);
      }
      if (!result.ok) {
        // Someone in danger is told to call 999; 422 says the answers were understood, not refused.
        const inDanger = result.errors.some((e) => e.code === 'inDanger');
        return errorResponse(
          c,
          inDanger ? 422 : 400,
          result.errors.map((e) => ({ path: e.path, message: errorMessage(definition, e, t) })),
        );
      }
      // The follow-up code is told once, here: the portal keeps only its hash.
      return c.json({ reference: result.reference, ...(result.followUpCode && { followUpCode: result.followUpCode }) }, 201);
    },
  );

  return app;
}
