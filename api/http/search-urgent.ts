import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { SearchResult } from '../search/search';
import { errorResponse } from './errors';
import { declaredBodyLimit } from './body-limit';

const asked = z.object({ locale: z.string().max(5), query: z.string().max(200) }).strict();

/**
 * POST /api/search/urgent: whether what is being typed in the search box speaks of danger to a
 * person now or of self-harm, and if so the safety page to show first. Results as you type are
 * found in the browser, but the safety phrases (bot/safety) are the server's: this asks them, so
 * "he's got a knife" puts "Get help now" first with JavaScript on as it does without. The query
 * is posted, never put in an address, and nothing of it is kept or logged.
 */
export function urgentSearchRoutes(urgent: (locale: string, query: string) => SearchResult | undefined, limit?: MiddlewareHandler) {
  const app = new Hono();
  if (limit) app.post('/', limit);
  return app.post(
    '/',
    declaredBodyLimit({ maxSize: 2 * 1024, onError: (c) => errorResponse(c, 413, [{ path: '', message: 'The query is too long' }]) }),
    async function urgentFirst(c) {
      const parsed = asked.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return errorResponse(c, 400, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      c.header('Cache-Control', 'no-store');
      return c.json({ first: urgent(parsed.data.locale, parsed.data.query) ?? null });
    },
  );
}
