import { loadUnderstanding } from '../../../bot/understanding';
import { describe, expect, it } from 'vitest';
import { createBotkit } from '../../../bot/botkit';
import { createChatEngine, type ChatStore } from '../../../bot/engine';
import { chatRoutes } from '../../../bot/route';
import { partnershipSetup } from '../../support/setup';

describe('the chat on a full disk', () => {
  it('answers 503 with a message, rather than nothing, when the store cannot keep the conversation', async () => {
    const full: ChatStore = {
      load: () => Promise.resolve(undefined),
      // Rejects, as the async store does when the disk is full.
      save: async () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
      forget: () => Promise.resolve(),
    };
    const setup = partnershipSetup();
    const engine = createChatEngine({
      definitions: setup.definitions,
      store: full,
      submit: () => Promise.resolve({ ok: false, errors: [] }),
      search: () => ({ results: [], english: [] }),
      now: () => new Date(),
      expiryMs: 60_000,
      caseReview: setup.routing.repeats.caseReview,
      numbers: { samaritans: '116 123', domesticAbuse: '0808 2000 247' },
      understanding: loadUnderstanding(),
    });
    const chat = chatRoutes(createBotkit(engine));
    const res = await chat.request('/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'report:asb', user: 'full-disk-user', channel: 'webhook' }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/cannot keep your answers/);
  });
});
