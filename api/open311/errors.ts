import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { render, type Format } from './render';

/** Errors as GeoReport v2 shapes them: each with a code (the HTTP status) and a description a person can act on. */
export function renderErrors(c: Context, format: Format, status: ContentfulStatusCode, descriptions: string[]): Response {
  return render(c, format, 'errors', descriptions.map((description) => ({ code: status, description })), status);
}

// An unknown request and another client's are told apart by nothing, not even their words.
export const NO_SUCH_REQUEST = 'No request with this service_request_id was sent with this api_key';
export const BAD_KEY = 'api_key: missing or not valid. Ask the partnership for your key';
export const NO_SUCH_SERVICE = 'service_code: no such service. GET services.json lists them';
export const NO_SUCH_RESOURCE = 'No such resource. This server offers services, services/{service_code}, POST requests and requests/{service_request_id}, each as .json or .xml';
