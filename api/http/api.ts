import { Hono } from 'hono';
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
}

/** The JSON API, mounted at /api. */
export function createApi(deps: ApiDeps) {
  const api = new Hono();
  api.route('/health', healthRoutes(deps.store, deps.now));
  api.route('/', reportRoutes(deps.definitions, deps.intake));
  api.notFound((c) => errorResponse(c, 404, [{ path: '', message: 'No such API endpoint' }]));
  api.onError(function apiError(err, c) {
    // The error itself may hold answers: log only its kind, never its message.
    log.error({ error: err.name, path: c.req.path }, 'api error');
    return errorResponse(c, 500, [{ path: '', message: 'Something went wrong on our side. Try again later.' }]);
  });
  return api;
}
