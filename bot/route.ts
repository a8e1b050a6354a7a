import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { MAX_ANSWER } from '../api/definitions/schema';
import { errorResponse } from '../api/http/errors';
import type { BotkitChat } from './botkit';
import { declaredBodyLimit } from '../api/http/body-limit';

const webhookMessage = z
  .object({
    type: z.enum(['message', 'hello', 'forget']),
    // As long as the form's longest answer, so a description typed in the chat is never cut.
    text: z.string().max(MAX_ANSWER).optional(),
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
    // Room for 5,000 characters of Urdu (three bytes each in UTF-8) and the message's own fields.
    declaredBodyLimit({ maxSize: 24 * 1024, onError: (c) => errorResponse(c, 413, [{ path: '', message: 'The message is too long' }]) }),
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
      if (status === 503) {
        // The store cannot keep the conversation (a full disk): say so, rather than say nothing.
        c.header('Retry-After', '60');
        return errorResponse(c, 503, [{ path: '', message: 'The chat cannot keep your answers just now. Try again in a few minutes, or use the forms. If you are in danger, call 999.' }]);
      }
      return c.json(body, status as 200);
    },
  );
}
