import type { BotkitMessage, BotWorker } from 'botkit';
import type { BotMessage, ChatEngine } from './engine';

/** The conversation engine, or one around it whose turns may wait (the follow-up code's check). */
export type ChatTurns = Pick<ChatEngine, 'hello' | 'forget'> & { turn(user: string, text: string, locale: string): BotMessage[] | Promise<BotMessage[]> };

export interface WebhookMessage {
  type: 'message' | 'hello' | 'forget';
  text?: string;
  user: string;
  channel: 'webhook';
  locale?: string;
}

/**
 * Botkit at the edge: its web adapter speaks the webhook protocol, and every message goes to the
 * portal's own conversation engine, so the engine (and every question) would survive a new bot
 * framework. Botkit keeps nothing itself; state lives in the portal's store.
 *
 * Botkit and the Bot Framework SDK under it are most of what the server would load (about 90 MB
 * and most of a second, `npm run bench` says), so they are loaded when the first chat message
 * arrives, not at start.
 */
export function createBotkit(engine: ChatTurns) {
  let started: ReturnType<typeof startBotkit> | undefined;
  return {
    /** One webhook request in, the bot's messages out. */
    async handle(message: WebhookMessage): Promise<{ status: number; body: unknown[] }> {
      // A failed load is tried again on the next message, not kept as the answer for good.
      started ??= startBotkit(engine).catch((err: unknown) => {
        started = undefined;
        throw err;
      });
      return (await started).handle(message);
    },
  };
}

// Botkit's own dialog state would otherwise sit in its memory storage, one entry for every
// conversation ever held, never freed. The portal's engine keeps each conversation in the store.
const keepsNothing = {
  read: async () => ({}),
  write: async () => undefined,
  delete: async () => undefined,
};

async function startBotkit(engine: ChatTurns) {
  const [{ WebAdapter }, { Botkit }] = await Promise.all([import('botbuilder-adapter-web'), import('botkit')]);
  // Webhook mode only: no websocket server is listening (noServer), so no second port is opened.
  const adapter = new WebAdapter({ noServer: true });
  const controller = new Botkit({ adapter, storage: keepsNothing, disable_webserver: true, disable_console: true });
  await new Promise<void>((resolve) => controller.ready(resolve));

  // Users whose turn the store could not keep (Botkit would swallow the error and answer nothing).
  const failed = new Set<string>();
  const answer = async (bot: BotWorker, message: BotkitMessage) => {
    const incoming = message as BotkitMessage & Partial<WebhookMessage>;
    const user = String(incoming.user);
    const locale = String(incoming.locale ?? 'en');
    let replies;
    try {
      replies = incoming.type === 'hello' ? await engine.hello(user, locale) : await engine.turn(user, String(incoming.text ?? ''), locale);
    } catch {
      failed.add(user);
      return;
    }
    for (const reply of replies) {
      await bot.reply(message, { ...reply });
    }
  };
  controller.on('message', answer);
  controller.on('hello', answer);
  controller.on('forget', async (_bot, message) => engine.forget(String(message.user)));

  return {
    async handle(message: WebhookMessage): Promise<{ status: number; body: unknown[] }> {
      let status = 200;
      let body: unknown[] = [];
      const res = {
        status: (code: number) => (status = code),
        json: (value: unknown[]) => (body = value),
        end: () => undefined,
      };
      await adapter.processActivity({ body: message } as never, res as never, controller.handleTurn.bind(controller));
      if (failed.delete(message.user)) return { status: 503, body: [] };
      return { status, body };
    },
  };
}

export type BotkitChat = ReturnType<typeof createBotkit>;
