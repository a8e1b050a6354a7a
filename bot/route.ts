import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { errorResponse } from '../api/http/errors';
import type { BotkitChat } from './botkit';

const webhookMessage = z
  .object({
    type: z.enum(['message', 'hello', 'forget']),
    text: z.string().max(2000).optional(),
    // Made by the chat window: random, and not tied to anything else about the reader.
    user: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    channel: z.literal('webhook'),
    locale: z.string().max(5).optional(),
  })
  .strict();

/** POST /api/chat: Botkit's web adapter in webhook mode. */
export function chatRoutes(bot: BotkitChat, limit?: MiddlewareHandler) {
  const app = new Hono();
  if (limit) app.post('/', limit);
  return app.post(
    '/',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => errorResponse(c, 413, [{ path: '', message: 'The message is too long' }]) }),
    async function chatTurn(c) {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return errorResponse(c, 400, [{ path: '', message: 'The request body is not valid JSON' }]);
      }
      const parsed = webhookMessage.safeParse(raw);
      if (!parsed.success) {
        return errorResponse(c, 400, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      const { status, body } = await bot.handle(parsed.data);
      c.header('Cache-Control', 'no-store');
      return c.json(body, status as 200);
    },
  );
}
