import { Hono } from 'hono';
import { nextSteps } from '../definitions/next-steps';
import type { Answers, Definition } from '../definitions/types';
import type { Limiter } from '../http/rate-limit';
import type { IntakeResult } from '../intake/intake';
import { REFERENCE_PATTERN } from '../intake/reference';
import { log } from '../log';
import { translator } from '../../i18n';
import { clientByKey, type Open311Client } from './clients';
import { BAD_KEY, NO_SUCH_REQUEST, NO_SUCH_RESOURCE, NO_SUCH_SERVICE, renderErrors } from './errors';
import { formatOf, render, splitFormat } from './render';
import { answersFrom, problemsOf } from './request-answers';
import { serviceDefinitionOf, serviceOf } from './services';
import { declaredBodyLimit } from '../http/body-limit';

const MAX_BODY_BYTES = 64 * 1024;
const NO_MEDIA = 'The photo was not passed on: this portal takes no photos.';

/** What a client may know of a report it sent: never an answer. */
export interface RequestStatus {
  type: string;
  createdAt: number;
  closed: boolean;
  updatedAt: number;
}

export interface Open311Deps {
  /** The report types, resolved against the partnership (its housing providers are options). */
  definitions: Definition[];
  clients: Open311Client[];
  /** The group every service is listed in: the partnership's name. */
  group: string;
  /** Validates and stores a report as sent by this client. */
  submit: (definition: Definition, answers: Answers, clientId: string) => Promise<IntakeResult>;
  /** A report's status, only if this client sent it. */
  status: (reference: string, clientId: string) => Promise<RequestStatus | undefined>;
  /** Requests one client may post in a window, by its id (a cobrand sends a whole city's from one address). */
  limit?: Limiter;
}

// The service list and definitions are read by council staff setting up a client: in English.
const t = translator('en');
// W3C datetimes, to the second, in UTC.
const w3c = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Open311 GeoReport v2, mounted at /open311/v2: the standard FixMyStreet and council systems speak. */
export function open311Routes(deps: Open311Deps) {
  const app = new Hono();
  const byCode = (code: string | undefined) => deps.definitions.find((d) => d.id === code);

  app.get('/:file{services\\.[a-z]+}', function listServices(c) {
    const target = splitFormat(c.req.param('file'));
    if (!target) return renderErrors(c, 'xml', 404, [NO_SUCH_RESOURCE]);
    return render(c, target.format, 'services', deps.definitions.map((d) => serviceOf(d, t, deps.group)));
  });

  app.get('/services/:file', function defineService(c) {
    const target = splitFormat(c.req.param('file'));
    if (!target) return renderErrors(c, 'xml', 404, [NO_SUCH_RESOURCE]);
    const definition = byCode(target.name);
    if (!definition) return renderErrors(c, target.format, 404, [NO_SUCH_SERVICE]);
    return render(c, target.format, 'service_definition', serviceDefinitionOf(definition, t));
  });

  app.post(
    '/:file{requests\\.[a-z]+}',
    declaredBodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => renderErrors(c, formatOf(c.req.path), 413, [`The request must be ${MAX_BODY_BYTES} bytes or fewer`]),
    }),
    async function postRequest(c) {
      const target = splitFormat(c.req.param('file'));
      if (!target) return renderErrors(c, 'xml', 404, [NO_SUCH_RESOURCE]);
      const { format } = target;
      c.header('Cache-Control', 'no-store');
      if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) {
        return renderErrors(c, format, 400, ['Send the request as application/x-www-form-urlencoded, as GeoReport v2 says']);
      }
      const form = new URLSearchParams(await c.req.text());
      const client = clientByKey(deps.clients, form.get('api_key') ?? undefined);
      if (!client) return renderErrors(c, format, 403, [BAD_KEY]);
      const retryAfter = await deps.limit?.(client.id);
      if (retryAfter !== undefined) {
        c.header('Retry-After', String(retryAfter));
        return renderErrors(c, format, 429, ['Too many requests from this client. Wait a minute, then send again']);
      }
      const code = form.get('service_code');
      if (!code) return renderErrors(c, format, 400, ['service_code: missing. GET services.json lists them']);
      const definition = byCode(code);
      if (!definition) return renderErrors(c, format, 404, [NO_SUCH_SERVICE]);
      if (!client.services.includes(definition.id)) return renderErrors(c, format, 403, [`This api_key may not send ${definition.id} requests`]);
      const mapped = answersFrom(definition, form);
      if (!mapped.ok) return renderErrors(c, format, 400, mapped.problems);
      // Nothing posted is logged: the answers go to intake and nowhere else.
      const result = await deps.submit(definition, mapped.answers, client.id);
      // Someone in danger now is told to call 999 (the danger attribute's own message), and nothing is stored.
      if (!result.ok) return renderErrors(c, format, 400, problemsOf(definition, result.errors, t));
      // GeoReport v2 names no status for a request created: 200, as its examples answer.
      return render(c, format, 'service_requests', [{ service_request_id: result.reference, service_notice: `${nextSteps(definition, t)}${form.get('media_url') ? ` ${NO_MEDIA}` : ''}`, account_id: null }]);
    },
  );

  app.get('/requests/:file', async function requestStatus(c) {
    const target = splitFormat(c.req.param('file'));
    if (!target) return renderErrors(c, 'xml', 404, [NO_SUCH_RESOURCE]);
    const { format } = target;
    c.header('Cache-Control', 'no-store');
    // GeoReport v2 lets anyone read a request; here only the client that sent it may, and only its status.
    const client = clientByKey(deps.clients, c.req.query('api_key'));
    if (!client) return renderErrors(c, format, 403, [BAD_KEY]);
    const reference = target.name.toUpperCase();
    const status = REFERENCE_PATTERN.test(reference) ? await deps.status(reference, client.id) : undefined;
    const definition = status && byCode(status.type);
    if (!status || !definition) return renderErrors(c, format, 404, [NO_SUCH_REQUEST]);
    return render(c, format, 'service_requests', [
      {
        service_request_id: reference,
        status: status.closed ? 'closed' : 'open',
        service_code: definition.id,
        service_name: t(`report.${definition.id}.title`),
        requested_datetime: w3c(status.createdAt),
        updated_datetime: w3c(status.updatedAt),
      },
    ]);
  });

  // A route of its own, not notFound: a mounted app's notFound is its parent's.
  app.all('*', (c) => renderErrors(c, formatOf(c.req.path), 404, [NO_SUCH_RESOURCE]));
  app.onError(function open311Error(err, c) {
    const code = (err as { code?: string }).code;
    // The error itself may hold answers: log only its kind, never its message.
    log.error({ error: err.name, code, route: c.req.routePath }, 'open311 error');
    if (code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR')) {
      // Nothing was stored: the client may safely send it again later.
      c.header('Retry-After', '60');
      return renderErrors(c, formatOf(c.req.path), 503, ['The report could not be saved just now. Nothing was stored. Send it again in a few minutes']);
    }
    return renderErrors(c, formatOf(c.req.path), 500, ['Something went wrong on our side. Try again later']);
  });
  return app;
}
