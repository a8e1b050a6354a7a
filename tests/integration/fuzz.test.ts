import { join } from 'node:path';
import { loadUnderstanding } from '../../bot/understanding';
import { loadSafetyNumbers } from '../../bot/safety/numbers';
import { reportTypeIds } from '../../api/report-types';
import { projectRoot } from '../support/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotkit } from '../../bot/botkit';
import { sqliteChatStore } from '../../bot/chat-store';
import { createChatEngine } from '../../bot/engine';
import { chatRoutes } from '../../bot/route';
import { validateAnswers } from '../../api/definitions/schema';
import { questionsOf } from '../../api/definitions/types';
import { createApi } from '../../api/http/api';
import { intake } from '../../api/intake/intake';
import { createCore } from '../support/core';

let core: Awaited<ReturnType<typeof createCore>>;
let api: ReturnType<typeof createApi>;
let chat: ReturnType<typeof chatRoutes>;
beforeAll(async () => {
  core = await createCore();
  api = createApi({ store: core.store, definitions: core.definitions, intake: core.deps(), now: () => core.clock.now });
  const engine = createChatEngine({
    definitions: core.definitions,
    store: sqliteChatStore(core.store),
    submit: (definition, submission) => intake(core.deps(), definition, submission),
    search: () => ({ results: [], english: [] }),
    now: () => new Date(core.clock.now),
    expiryMs: 60_000,
    caseReview: core.routing.repeats.caseReview,
    numbers: loadSafetyNumbers(join(projectRoot, 'content', 'helplines.yaml')),
    understanding: loadUnderstanding(),
  });
  chat = chatRoutes(createBotkit(engine));
});
afterAll(() => core.close());

// Strings people and scripts send: control characters, markup, header breaks, very long text, other scripts.
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', 'a\r\nBcc: x@example.org', '../../etc/passwd', "'; DROP TABLE reports; --", 'تشدد', 'zgłoś', ''),
  fc.string({ minLength: 4000, maxLength: 6000 }),
);
const value = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 5 }), nasty, { maxKeys: 3 }));

describe.each(reportTypeIds)('fuzzing POST /api/reports/%s', (type) => {
  const definition = () => core.byId(type);
  // Mostly the definition's own questions, with valid and invalid values mixed, plus strangers.
  const answers = fc.constant(null).chain(() => {
    const ids = questionsOf(definition()).map((q) => q.id);
    const example = definition().examples.valid[0].answers;
    return fc.record(
      Object.fromEntries(ids.map((id) => [id, fc.oneof({ weight: 40, arbitrary: fc.constant(example[id]) }, { weight: 1, arbitrary: value })])),
      { requiredKeys: [] },
    );
  });

  it('never answers 5xx, and stores only valid reports', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(answers, fc.option(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 2 }), { freq: 4, nil: {} }), async (given, extra) => {
        const before = await core.store.countReports();
        const res = await api.request(`/reports/${type}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...given, ...extra }),
        });
        expect([201, 400, 413, 422]).toContain(res.status);
        seen.add(res.status);
        const body = (await res.json()) as { reference?: string; errors?: { path: string; message: string }[] };
        if (res.status === 201) {
          const stored = (await core.store.reportByReference(body.reference!))!;
          expect(validateAnswers(definition(), stored.answers, new Date(core.clock.now)).ok).toBe(true);
        } else {
          expect(await core.store.countReports()).toBe(before);
          expect(body.errors!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
    // The runs reached both sides: reports accepted and reports refused.
    expect(seen.has(201) && seen.has(400)).toBe(true);
  });
});

describe('fuzzing raw requests', () => {
  it('answers any body to any report endpoint with 4xx in the one error shape, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reportTypeIds, 'nope', '%00', '..'), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''), async (type, body, contentType) => {
        const res = await api.request(`/reports/${type}`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any chat message without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('message', 'hello', 'forget', 'other'), nasty, fc.constantFrom('fuzz-user-1', 'fuzz-user-2', 'x', ''), fc.constantFrom('en', 'pl', 'ur', 'xx', ''), async (type, text, user, locale) => {
        const res = await chat.request('/', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type, text, user, channel: 'webhook', locale }),
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
