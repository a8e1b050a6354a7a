import { afterEach, describe, expect, it } from 'vitest';
import { codeIssuer } from '../../api/follow-up/codes';
import { followUps, LOCK_MS } from '../../api/follow-up/follow-up';
import { intake } from '../../api/intake/intake';
import { staffMember } from '../../api/workspace/staff';
import { createWorkspace } from '../../api/workspace/workspace';
import { translator } from '../../i18n';
import { defaultPartner } from '../support/fixtures';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await core.close();
  await smtp?.stop();
  smtp = undefined;
});

async function setUp(smtpUrl?: string) {
  core = await createCore(smtpUrl);
  const codes = codeIssuer();
  const submit = (answers: unknown) => intake({ ...core.deps(), codes }, core.byId('asb'), { answers, locale: 'pl' });
  const follow = followUps({ store: core.store, routing: core.routing, definitions: core.definitions, matchSecret: core.deps().matchSecret, now: () => core.clock.now });
  const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: new URL('https://portal.example.org'), now: () => core.clock.now });
  const asbPartner = defaultPartner(core.routing, 'asb');
  return { submit, follow, workspace, asbPartner, officer: staffMember(core.routing, asbPartner.staff[0])! };
}

const named = { ...drugsOnAHousingEstate, contactChoice: 'contact', name: 'Ala Przykład', email: 'ala@example.org', safeContact: ['email'] };

describe('following a report up', () => {
  it('opens only with its reference and code; five wrong codes lock that reference for an hour', async () => {
    const { submit, follow } = await setUp();
    const sent = await submit(drugsOnAHousingEstate);
    if (!sent.ok || !sent.followUpCode) throw new Error('no code');
    expect(await follow.verify(sent.reference.toLowerCase(), sent.followUpCode)).toMatchObject({ ok: true, reference: sent.reference });
    expect(await follow.verify('ASB-NONE-XIST', sent.followUpCode)).toEqual({ ok: false });
    for (let i = 0; i < 4; i++) expect(await follow.verify(sent.reference, 'AAAA-BBBB-CCCC-DDDD')).toEqual({ ok: false });
    expect(await follow.verify(sent.reference, 'AAAA-BBBB-CCCC-DDDD')).toEqual({ ok: false, locked: { minutes: 60 } });
    expect(await follow.verify(sent.reference, sent.followUpCode)).toEqual({ ok: false, locked: { minutes: 60 } });
    core.clock.now += LOCK_MS / 2;
    expect(await follow.verify(sent.reference, sent.followUpCode)).toEqual({ ok: false, locked: { minutes: 30 } });
    core.clock.now += LOCK_MS / 2;
    expect(await follow.verify(sent.reference, sent.followUpCode)).toMatchObject({ ok: true });
  });

  it('shows each partner’s status and its messages, never its notes; a reply reaches that partner only', async () => {
    const { submit, follow, workspace, officer, asbPartner } = await setUp();
    const sent = await submit(drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('not stored');
    const reportId = (await core.store.reportByReference(sent.reference))!.id;
    await workspace.casework.acknowledge(officer, sent.reference);
    await workspace.casework.note(officer, sent.reference, 'Internal: known address');
    await workspace.casework.message(officer, sent.reference, 'Thank you. Is it every weekend?');
    const mine = (await follow.status(reportId)).find((s) => s.partnerId === asbPartner.id)!;
    expect(mine).toMatchObject({ status: 'acknowledged', name: asbPartner.name });
    expect(mine.messages.map((m) => m.body)).toEqual(['Thank you. Is it every weekend?']);
    expect(JSON.stringify(await follow.status(reportId))).not.toContain('Internal');

    expect(await follow.reply(reportId, asbPartner.id, '   ')).toEqual({ ok: false, error: 'replyEmpty' });
    expect(await follow.reply(reportId, 'not-a-partner', 'Yes')).toEqual({ ok: false, error: 'replyPartner' });
    expect(await follow.reply(reportId, asbPartner.id, 'x'.repeat(2001))).toEqual({ ok: false, error: 'replyLong' });
    expect(await follow.reply(reportId, asbPartner.id, 'Yes, Saturdays until 3am')).toEqual({ ok: true });
    expect((await core.store.workspace.caseOf(sent.reference, asbPartner.id))!.replyWaiting).toBe(true);
    const opened = (await workspace.casework.open(officer, sent.reference))!;
    expect(opened.messages.map((m) => [m.fromReporter, m.body])).toEqual([
      [false, 'Thank you. Is it every weekend?'],
      [true, 'Yes, Saturdays until 3am'],
    ]);
    expect((await core.store.workspace.caseOf(sent.reference, asbPartner.id))!.replyWaiting).toBe(false);
    for (const other of (await follow.status(reportId)).filter((s) => s.partnerId !== asbPartner.id)) expect(other.messages).toEqual([]);
  });

  it('tells the reporter of a message only at an address they said is safe, with a neutral subject and nothing of what it says', async () => {
    smtp = await startSmtp();
    const { submit, workspace, officer } = await setUp(smtp.url);
    const safe = await submit(named);
    const unsafe = await submit({ ...named, email: 'watched@example.org', safeContact: ['call'] });
    if (!safe.ok || !unsafe.ok) throw new Error('not stored');
    await workspace.casework.message(officer, safe.reference, 'We will visit on Tuesday.');
    await workspace.casework.message(officer, unsafe.reference, 'We will visit on Tuesday.');
    await core.dispatcher().runOnce();
    const toReporters = smtp.received.filter((m) => m.to && 'text' in m.to && m.to.text.endsWith('@example.org') && !core.routing.partners.some((p) => p.email === (m.to as { text: string }).text));
    expect(toReporters.map((m) => (m.to as { text: string }).text)).toEqual(['ala@example.org']);
    const notice = toReporters[0];
    expect(notice.subject).toBe(translator('pl')('followUp.notice.subject'));
    expect(notice.subject).not.toBe(translator('en')('followUp.notice.subject'));
    expect(notice.text).not.toContain('Tuesday');
    expect(notice.text).not.toContain(safe.reference);
    expect(notice.text).toContain('https://portal.example.org/pl/follow-up');
  });

  it('puts the code in the reporter’s confirmation email only when they asked for one, and never in a partner’s', async () => {
    smtp = await startSmtp();
    const { submit } = await setUp(smtp.url);
    const sent = await submit({ ...named, confirmByEmail: 'yes' });
    if (!sent.ok || !sent.followUpCode) throw new Error('no code');
    await core.dispatcher().runOnce();
    const mine = smtp.received.find((m) => m.to && 'text' in m.to && m.to.text === 'ala@example.org')!;
    expect(mine.text).toContain(sent.followUpCode);
    for (const other of smtp.received.filter((m) => m !== mine)) expect(other.text).not.toContain(sent.followUpCode);
    // Sent, the code is gone from the outbox too.
    expect((await core.store.deliveriesOf(1)).every((d) => d.payload === undefined)).toBe(true);
  });

  it('takes another incident into the same report, tells its partners as each chose its email, and counts it towards the ASB Case Review', async () => {
    smtp = await startSmtp();
    const { submit, follow, workspace, officer, asbPartner } = await setUp(smtp.url);
    const sent = await submit(drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('not stored');
    const reportId = (await core.store.reportByReference(sent.reference))!.id;
    await core.dispatcher().runOnce();
    const before = smtp.received.length;

    expect(await follow.addIncident(reportId, {})).toEqual({ ok: false, errors: ['incidentDateMissing', 'incidentWhatEmpty'] });
    expect(await follow.addIncident(reportId, { day: '31', month: '2', year: '2026', time: '25:00', what: 'x' })).toEqual({ ok: false, errors: ['incidentDateInvalid', 'incidentTimeInvalid'] });
    expect(await follow.addIncident(reportId, { day: '1', month: '1', year: '2027', what: 'x' })).toEqual({ ok: false, errors: ['incidentDateFuture'] });
    expect(await follow.incidents(reportId)).toEqual([]);

    const review = core.routing.repeats.caseReview;
    expect(await follow.caseReview(reportId)).toMatchObject({ counted: 1, eligible: false });
    expect(await follow.requestCaseReview(reportId)).toBe(false);
    for (let i = 1; i < review.minReports; i++) {
      expect(await follow.addIncident(reportId, { day: String(20 + i), month: '11', year: '2026', time: '23.30', what: `Dealing again, night ${i}` })).toEqual({ ok: true });
    }
    expect((await follow.incidents(reportId)).map((i) => [i.date, i.time])).toEqual(Array.from({ length: review.minReports - 1 }, (_, i) => [`2026-11-${21 + i}`, '23:30']));
    expect(await follow.caseReview(reportId)).toMatchObject({ counted: review.minReports, eligible: true });

    // Its partners are told, and read it in the workspace; each incident counts as a match record.
    await core.dispatcher().runOnce();
    const notices = smtp.received.slice(before);
    const partners = (await core.store.workspace.casesOfReport(reportId)).map((c) => core.routing.partners.find((p) => p.id === c.partnerId)!.email);
    expect(notices.length).toBe(partners.length * (review.minReports - 1));
    // As each partner chose its email: what happened only where its emails carry the answers.
    asbPartner.mail = 'notify';
    for (const mail of notices) {
      expect(mail.subject).toContain(sent.reference);
      expect(mail.text).toContain('Dealing again');
    }
    expect(await follow.addIncident(reportId, { day: '24', month: '11', year: '2026', what: 'https://evil.example.org and more' })).toEqual({ ok: true });
    await core.dispatcher().runOnce();
    const told = smtp.received.slice(before + notices.length);
    const toPartner = (email: string) => told.find((m) => m.to && 'text' in m.to && m.to.text === email)!;
    expect(toPartner(asbPartner.email).text).not.toContain('evil.example.org');
    const other = core.routing.partners.find((p) => p.id !== asbPartner.id && partners.includes(p.email) && p.mail === 'full');
    if (other) {
      expect(toPartner(other.email).text).toContain('evil.example.org');
      expect(toPartner(other.email).html).not.toContain('href="https://evil');
    }
    asbPartner.mail = 'full';
    const opened = (await workspace.casework.open(officer, sent.reference))!;
    expect(opened.incidents.map((i) => i.description).slice(0, review.minReports - 1)).toEqual(Array.from({ length: review.minReports - 1 }, (_, i) => `Dealing again, night ${i + 1}`));

    // Asked once: the Case Review contact is emailed the reference and the figures, no words.
    expect(await follow.requestCaseReview(reportId)).toBe(true);
    expect(await follow.requestCaseReview(reportId)).toBe(false);
    expect((await follow.caseReview(reportId))?.requestedAt).toBe(core.clock.now);
    await core.dispatcher().runOnce();
    const request = smtp.received.at(-1)!;
    expect(request.to && 'text' in request.to ? request.to.text : '').toBe(core.routing.workspace.caseReviewContact ?? core.routing.partnership.adminEmail);
    expect(request.subject).toBe(`ASB Case Review asked for: report ${sent.reference}`);
    expect(request.text).toContain(`${review.minReports + 1} times in ${review.windowMonths} months`);
    expect(request.text).toContain(asbPartner.name);
    expect(request.text).not.toContain('Dealing');
  });

  it('lets the reporter ask every partner to stop contacting them, or withdraw the report, and partners see it at once', async () => {
    const { submit, follow } = await setUp();
    const sent = await submit(drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('not stored');
    const reportId = (await core.store.reportByReference(sent.reference))!.id;
    await follow.ask(reportId, 'stop-contact');
    const cases = await core.store.workspace.casesOfReport(reportId);
    expect(cases.map((c) => [c.stopContact, c.withdrawn])).toEqual(cases.map(() => [true, false]));
    await follow.ask(reportId, 'withdraw');
    expect((await core.store.workspace.casesOfReport(reportId)).every((c) => c.withdrawn)).toBe(true);
    expect((await core.store.workspace.auditOf(sent.reference)).map((e) => e.action)).toEqual(['reporter asked not to be contacted', 'reporter withdrew the report']);
  });
});
