import { Hono, type MiddlewareHandler } from 'hono';
import type { Definition } from '../definitions/types';
import type { IntakeDeps } from '../intake/intake';
import type { Store } from '../store/store';
import { log } from '../log';
import { errorResponse } from './errors';
import { healthRoutes } from './health';
import { reportRoutes } from './reports';

export interface ApiDeps {
  store: Store;
  definitions: Definition[];
  intake: IntakeDeps;
  now?: () => number;
  /** Per-client allowance of reports, applied to the report route whatever spelling of its path. */
  reportLimit?: MiddlewareHandler;
}

/** The JSON API, mounted at /api. */
export function createApi(deps: ApiDeps) {
  const api = new Hono();
  api.route('/health', healthRoutes(deps.store, deps.now));
  api.route('/', reportRoutes(deps.definitions, deps.intake, deps.reportLimit));
  api.notFound((c) => errorResponse(c, 404, [{ path: '', message: 'No such API endpoint' }]));
  api.onError(function apiError(err, c) {
    const code = (err as { code?: string }).code;
    // The error itself may hold answers: log only its kind, never its message.
    log.error({ error: err.name, code, path: c.req.path }, 'api error');
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR')) {
      // Nothing was stored, so nothing is acknowledged: the client may safely send it again later.
      c.header('Retry-After', '60');
      return errorResponse(c, 503, [{ path: '', message: 'The report could not be saved just now. Nothing was sent. Try again in a few minutes.' }]);
    }
    return errorResponse(c, 500, [{ path: '', message: 'Something went wrong on our side. Try again later.' }]);
  });
  return api;
}
