import { afterEach, describe, expect, it } from 'vitest';
import { sqliteChatStore } from '../../../bot/chat-store';
import { createChatEngine, type BotMessage } from '../../../bot/engine';
import { validateAnswers } from '../../../api/definitions/schema';
import { intake } from '../../../api/intake/intake';
import { createCore } from '../../support/core';
import { shippedSetup } from '../../support/fixtures';

let core: ReturnType<typeof createCore>;
afterEach(() => core.close());

function engineFor() {
  core = createCore();
  const chatStore = sqliteChatStore(core.store);
  const engine = createChatEngine({
    definitions: core.definitions,
    store: chatStore,
    submit: (definition, submission) => intake(core.deps(), definition, submission),
    search: () => ({ results: [], english: [] }),
    now: () => new Date(core.clock.now),
    expiryMs: 30 * 60_000,
    caseReview: core.routing.repeats.caseReview,
  });
  const current = (user: string) => chatStore.load(user, core.clock.now, 30 * 60_000)?.current;
  return { engine, current };
}

/** Answers whatever the bot asks from an example's answers, as a person tapping and typing would. */
function converse(type: string, answers: Record<string, unknown>, locale = 'en') {
  const { engine, current } = engineFor();
  const user = `tester-${type}`;
  let replies: BotMessage[] = engine.turn(user, `report:${type}`, locale);
  for (let turns = 0; turns < 200; turns++) {
    const asking = current(user);
    if (!asking) break;
    const value = answers[asking];
    if (replies.at(-1)?.text.includes('\n') && replies.at(-1)?.quick_replies?.some((q) => q.payload === 'send')) break;
    if (Array.isArray(value)) {
      for (const v of value) engine.turn(user, v, locale);
      replies = engine.turn(user, 'done', locale);
    } else if (value === undefined) {
      replies = engine.turn(user, replies.at(-1)?.quick_replies?.some((q) => q.payload === 'done') ? 'done' : 'skip', locale);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      const [y, m, d] = String(value).split('-');
      replies = engine.turn(user, `${Number(d)} ${Number(m)} ${y}`, locale);
    } else {
      replies = engine.turn(user, String(value), locale);
    }
  }
  const summary = replies.at(-1)!;
  const sent = engine.turn(user, 'send', locale);
  return { summary, sent };
}

const { definitions } = shippedSetup();

describe.each(definitions.map((d) => [d.id, d] as const))('the %s conversation', (type, definition) => {
  it.each(definition.examples.valid.map((e) => [e.name, e] as const))(
    'produces exactly the report the form would: %s',
    (_name, example) => {
      const { summary, sent } = converse(type, example.answers);
      expect(summary.quick_replies?.map((q) => q.payload)).toContain('send');
      const reference = /: ([A-Z]+-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(sent[0].text)?.[1];
      expect(reference, JSON.stringify(sent)).toBeDefined();
      const stored = core.store.reportByReference(reference!)!;
      const viaForm = validateAnswers(definition, example.answers, new Date(core.clock.now));
      expect(viaForm.ok && stored.answers).toEqual(viaForm.ok && viaForm.answers);
    },
  );
});

describe('the conversation', () => {
  it('asks the urgency gate first and, on yes, gives 999 and the Silent Solution and keeps nothing', () => {
    const { engine, current } = engineFor();
    const first = engine.turn('u-danger1', 'report:victims-hub', 'en');
    expect(first[0].text).toMatch(/^Are you or someone else in danger right now\?/);
    const replies = engine.turn('u-danger1', 'yes', 'en');
    expect(replies[0].text).toMatch(/^Call 999 now\. .*press 55/);
    expect(current('u-danger1')).toBeUndefined();
    expect(core.store.countReports()).toBe(0);
  });

  it('answers danger words at once, in Polish too, whatever it was doing', () => {
    const { engine } = engineFor();
    engine.turn('u-danger2', 'report:asb', 'en');
    expect(engine.turn('u-danger2', 'someone is hurting me', 'en')[0].text).toMatch(/^Call 999 now/);
    expect(engine.turn('u-danger3', 'pomocy on ma nóż', 'pl')[0].text).toContain('999');
  });

  it('gives the form’s own error message for an invalid answer', () => {
    const { engine } = engineFor();
    engine.turn('u-err', 'report:asb', 'en');
    engine.turn('u-err', 'no', 'en');
    engine.turn('u-err', 'Noise', 'en');
    const replies = engine.turn('u-err', 'ZZ9 9ZZZ', 'en');
    expect(replies[0].text).toMatch(/^Enter a real postcode, like PE1 1HQ\nPostcode/);
  });

  it('understands back, skip, start again and stop in Polish', () => {
    const { engine, current } = engineFor();
    engine.turn('u-pl', 'report:asb', 'pl');
    engine.turn('u-pl', 'nie', 'pl');
    expect(current('u-pl')).toBe('kind');
    engine.turn('u-pl', 'wstecz', 'pl');
    expect(current('u-pl')).toBe('danger');
    engine.turn('u-pl', 'nie', 'pl');
    engine.turn('u-pl', '1', 'pl');
    expect(current('u-pl')).toBe('postcode');
    engine.turn('u-pl', 'pomiń', 'pl');
    expect(current('u-pl')).toBe('street');
    expect(engine.turn('u-pl', 'stop', 'pl')[0].text).toContain('999');
    expect(current('u-pl')).toBeUndefined();
  });

  it('tells the reporter about the ASB Case Review when a chat report reaches the threshold', () => {
    const { engine, current } = engineFor();
    const example = core.byId('asb').examples.valid[1].answers as Record<string, unknown>;
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = `u-review-${i}`;
      const atSummary = (out: BotMessage[]) => out.at(-1)?.quick_replies?.some((q) => q.payload === 'send') ?? false;
      let out = engine.turn(user, 'report:asb', 'en');
      for (let turns = 0; turns < 60 && !atSummary(out); turns++) {
        const asking = current(user)!;
        const value = example[asking];
        if (Array.isArray(value)) {
          for (const v of value) engine.turn(user, v, 'en');
          out = engine.turn(user, 'done', 'en');
        } else if (asking === 'date') out = engine.turn(user, 'today', 'en');
        else out = engine.turn(user, value === undefined ? 'skip' : String(value), 'en');
      }
      replies.push(engine.turn(user, 'send', 'en').map((m) => m.text).join('\n'));
      core.clock.now += 24 * 60 * 60 * 1000;
    }
    expect(replies).toHaveLength(3);
    expect(replies[1]).not.toContain('ASB Case Review');
    expect(replies[2]).toContain('You can ask for an ASB Case Review');
  });

  it('keeps two reports made one after the other in the same chat as two reports', () => {
    const { engine, current } = engineFor();
    const example = core.byId('asb').examples.valid[0].answers as Record<string, unknown>;
    const references: string[] = [];
    for (let round = 0; round < 2; round++) {
      let out = engine.turn('u-twice', 'report:asb', 'en');
      for (let turns = 0; turns < 40 && !out.at(-1)?.quick_replies?.some((q) => q.payload === 'send'); turns++) {
        const asking = current('u-twice')!;
        const value = example[asking];
        out = engine.turn('u-twice', asking === 'date' ? 'today' : value === undefined ? 'skip' : String(value), 'en');
      }
      references.push(/: ([A-Z]+-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(engine.turn('u-twice', 'send', 'en')[0].text)![1]);
    }
    expect(new Set(references).size).toBe(2);
    expect(core.store.countReports()).toBe(2);
  });

  it('forgets a conversation after it expires', () => {
    const { engine, current } = engineFor();
    engine.turn('u-exp', 'report:asb', 'en');
    expect(current('u-exp')).toBe('danger');
    core.clock.now += 31 * 60_000;
    expect(current('u-exp')).toBeUndefined();
  });
});
