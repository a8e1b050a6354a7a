import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeIssuer } from '../../../api/follow-up/codes';
import { followUps } from '../../../api/follow-up/follow-up';
import { intake } from '../../../api/intake/intake';
import { staffMember } from '../../../api/workspace/staff';
import { createWorkspace } from '../../../api/workspace/workspace';
import { sqliteChatStore } from '../../../bot/chat-store';
import { createChatEngine } from '../../../bot/engine';
import { withFollowUp } from '../../../bot/follow-up-chat';
import { loadSafetyNumbers } from '../../../bot/safety/numbers';
import { loadUnderstanding } from '../../../bot/understanding';
import { createCore, drugsOnAHousingEstate } from '../../support/core';
import { defaultPartner, projectRoot } from '../../support/fixtures';

let core: Awaited<ReturnType<typeof createCore>>;
afterEach(() => core.close());

async function setUp() {
  core = await createCore();
  const store = sqliteChatStore(core.store);
  const codes = codeIssuer();
  const understanding = loadUnderstanding();
  const engine = createChatEngine({
    definitions: core.definitions,
    store,
    submit: (definition, submission) => intake({ ...core.deps(), codes }, definition, submission),
    search: () => ({ results: [], english: [] }),
    now: () => new Date(core.clock.now),
    expiryMs: 30 * 60_000,
    caseReview: core.routing.repeats.caseReview,
    numbers: loadSafetyNumbers(join(projectRoot, 'content', 'helplines.yaml')),
    understanding,
  });
  const follow = followUps({ store: core.store, routing: core.routing, now: () => core.clock.now });
  const chat = withFollowUp(engine, { follow, store, understanding, now: () => new Date(core.clock.now), expiryMs: 30 * 60_000 });
  const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: new URL('https://portal.example.org'), now: () => core.clock.now });
  const asbPartner = defaultPartner(core.routing, 'asb');
  const sent = await intake({ ...core.deps(), codes }, core.byId('asb'), { answers: drugsOnAHousingEstate, locale: 'en' });
  if (!sent.ok || !sent.followUpCode) throw new Error('no code');
  return { chat, workspace, asbPartner, officer: staffMember(core.routing, asbPartner.staff[0])!, sent };
}

describe('checking a report in the chat', () => {
  it('asks for the reference and the code, shows each partner’s status and messages, and takes a reply', async () => {
    const { chat, workspace, officer, asbPartner, sent } = await setUp();
    await workspace.casework.acknowledge(officer, sent.reference);
    await workspace.casework.message(officer, sent.reference, 'Thank you. Is it every night?');
    expect((await chat.turn('u1', 'I want to check my report', 'en')).map((m) => m.text)).toEqual(['What is your reference? It looks like ASB-7KQM-2XPA.']);
    expect((await chat.turn('u1', sent.reference.toLowerCase(), 'en'))[0].text).toContain('follow-up code');
    const shown = await chat.turn('u1', sent.followUpCode!, 'en');
    // A partner's English name, and what was written, keep their own direction in any language's sentence.
    const mine = shown.find((m) => m.text.startsWith(`\u2068${asbPartner.name}\u2069: `))!;
    expect(mine.text).toContain('Acknowledged');
    expect(mine.text).toContain('\u2068Thank you. Is it every night?\u2069');
    const replyTo = shown.at(-1)!.quick_replies!.find((q) => q.payload === `reply:${asbPartner.id}`)!;
    expect(replyTo.title).toContain(`\u2068${asbPartner.name}\u2069`);
    expect((await chat.turn('u1', replyTo.payload, 'en'))[0].text).toContain('Write your reply');
    const after = await chat.turn('u1', 'Yes, every night since Monday', 'en');
    expect(after[0].text).toBe('Your reply was sent.');
    expect((await workspace.casework.open(officer, sent.reference))!.messages.map((m) => m.body)).toEqual(['Thank you. Is it every night?', 'Yes, every night since Monday']);
    // The chat keeps no code: only where the conversation is.
    expect(await core.store.chatState('u1', core.clock.now, 30 * 60_000)).not.toContain(sent.followUpCode!);
  });

  it('takes the reference from the first words, in any language, and asks only for the code', async () => {
    const { chat, sent, asbPartner } = await setUp();
    const spaced = sent.reference.toLowerCase().replace(/-/g, ' - ');
    expect((await chat.turn('u3', `czy jest cos nowego w sprawie ${spaced}?`, 'pl'))[0].text).toMatch(/^A Twój kod dostępu\?/);
    const shown = (await chat.turn('u3', sent.followUpCode!, 'pl')).map((m) => m.text).join('\n');
    expect(shown).toContain(`\u2068${asbPartner.name}\u2069: `);
    expect(shown).not.toContain('nieprawidłowy');
  });

  it('refuses a wrong code as the page does, and words of danger leave the check for the safety answer', async () => {
    const { chat, sent } = await setUp();
    await chat.turn('u2', 'check my report', 'en');
    await chat.turn('u2', sent.reference, 'en');
    const wrong = await chat.turn('u2', 'AAAA-BBBB-CCCC-DDDD', 'en');
    expect(wrong[0].text).toContain('The reference or the follow-up code is not right');
    const danger = await chat.turn('u2', 'he is here and I am scared he will hurt me', 'en');
    expect(danger.map((m) => m.text).join('\n')).toContain('999');
  });
});
