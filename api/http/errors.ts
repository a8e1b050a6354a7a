import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ApiError {
  path: string;
  message: string;
}

/** The one error shape of the API: `{ errors: [{ path, message }] }`. */
export function errorResponse(c: Context, status: ContentfulStatusCode, errors: ApiError[]) {
  return c.json({ errors }, status);
}
