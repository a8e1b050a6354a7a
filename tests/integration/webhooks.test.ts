import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../api/mail/transport';
import { webhookSender } from '../../api/outbox/webhook';
import type { Partner } from '../../api/routing/routing-schema';
import { caseSystemRoutes, caseSystemTokens } from '../../api/workspace/case-systems';
import { createWorkspace } from '../../api/workspace/workspace';
import { staffMember } from '../../api/workspace/staff';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { defaultPartner } from '../support/fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { newWebhookSecret, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const SECOND = 1000;
const secret = newWebhookSecret();
let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
let receiver: WebhookReceiver;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await core.close();
  await smtp.stop();
  await receiver.stop();
});

/** The partnership's ASB team takes reports into its case system by webhook, and by email too. */
async function setUp(options: { webhookTimeoutMs?: number; partnerMailers?: Record<string, ReturnType<typeof smtpMailer>> } = {}) {
  smtp = await startSmtp();
  receiver = await startWebhookReceiver(secret);
  core = await createCore(smtp.url);
  const asb: Partner = defaultPartner(core.routing, 'asb');
  asb.send = ['email', 'webhook'];
  asb.webhook = { url: receiver.url };
  core.store.workspace.sendEventsTo([asb.id]);
  const dispatcher = core.dispatcher({
    partnerMailers: options.partnerMailers,
    postWebhook: webhookSender(options.webhookTimeoutMs ?? 2_000, () => core.clock.now),
    webhookSecrets: { [asb.id]: secret },
  });
  const sent = await core.submit('asb', drugsOnAHousingEstate);
  if (!sent.ok) throw new Error('report refused');
  const webhook = async () => (await core.store.deliveriesOf(1)).find((d) => d.channel === 'webhook')!;
  return { asb, dispatcher, reference: sent.reference, webhook };
}

describe('a partner whose case system takes reports by signed webhook', () => {
  it('receives each report once, signed per Standard Webhooks, with only what its rules let it see', async () => {
    const { asb, dispatcher, reference } = await setUp();
    await dispatcher.runOnce();
    const [hook] = await receiver.waitFor(1);
    expect(receiver.received).toHaveLength(1);
    expect(hook.verified.ok).toBe(true);
    if (!hook.verified.ok) return;
    const { type, data } = hook.verified.payload;
    expect(type).toBe('report.created');
    expect(data).toMatchObject({ reference, reportType: 'asb', partner: asb.id, link: `https://portal.example.org/partners/reports/${reference}` });
    expect((data.answers as Record<string, unknown>).description).toBe('Dealing from a car');
    expect(hook.headers['webhook-id']).toMatch(new RegExp(`^msg_${reference}_\\d+$`));
    // Its email still goes, and so do every other partner's.
    expect(smtp.received.map((m) => (m.to as { text: string }).text).sort()).toEqual(core.recipients('asb', drugsOnAHousingEstate));
    // A signature made with another secret is refused by the receiver's check.
    const forged = await startWebhookReceiver(newWebhookSecret());
    closers.push(() => forged.stop());
    await fetch(forged.url, { method: 'POST', headers: Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(hook.headers[h])])), body: hook.body });
    expect(forged.received[0].verified.ok).toBe(false);
  });

  it('honours 429 Retry-After, backs off after a 500, and sends the same webhook-id on every attempt', async () => {
    const { dispatcher, webhook } = await setUp();
    receiver.answer([429, 500]);
    await dispatcher.runOnce();
    expect(await webhook()).toMatchObject({ status: 'pending', attempts: 1 });
    // It asked for 40 s, longer than the first back-off (15 s): honoured.
    expect((await webhook()).nextAttemptAt - core.clock.now).toBe(40 * SECOND);
    core.clock.now += 40 * SECOND;
    await dispatcher.runOnce();
    expect(await webhook()).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 500' });
    expect((await webhook()).nextAttemptAt - core.clock.now).toBe(30 * SECOND);
    core.clock.now += 30 * SECOND;
    await dispatcher.runOnce();
    expect(await webhook()).toMatchObject({ status: 'sent', attempts: 3 });
    expect(receiver.received.map((r) => r.answered)).toEqual([429, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    expect(receiver.received.every((r) => r.verified.ok)).toBe(true);
  });

  it('stops at once on 410 Gone and alerts the administrator, naming the case system, with no answers', async () => {
    const { asb, dispatcher, reference, webhook } = await setUp();
    receiver.answer([], 410);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(await webhook()).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 410' });
    const alert = smtp.received.find((m) => (m.to as { text: string }).text === core.routing.partnership.adminEmail)!;
    expect(alert.subject).toContain(reference);
    expect(alert.text).toContain(receiver.url);
    expect(alert.text).toContain(`${asb.name}'s case system`);
    expect(alert.text).not.toContain('Dealing from a car');
    expect((await core.store.failures()).deliveries).toBe(1);
    // A later update it refuses too is alerted as well: every failure, not the first per partner.
    const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: new URL('https://portal.example.org'), now: () => core.clock.now });
    expect(await workspace.casework.acknowledge(staffMember(core.routing, asb.staff[0])!, reference)).toEqual({ ok: true });
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    const alerts = smtp.received.filter((m) => (m.to as { text: string }).text === core.routing.partnership.adminEmail);
    expect(alerts).toHaveLength(2);
    expect(alerts[1].text).toContain('did not take a status change');
    expect(new Set(alerts.map((m) => m.messageId)).size).toBe(2);
  });

  it('keeps a case system that never answers to its own line: every email goes out meanwhile, and the webhook is retried', async () => {
    const { dispatcher, webhook } = await setUp({ webhookTimeoutMs: 4_000 });
    receiver.answer(['never']);
    const started = Date.now();
    const run = dispatcher.runOnce();
    await smtp.waitFor(core.recipients('asb', drugsOnAHousingEstate).length);
    const emailsAfter = Date.now() - started;
    await run;
    const webhookAfter = Date.now() - started;
    console.log(`stalled case system: every email sent after ${emailsAfter} ms; the webhook gave up after ${webhookAfter} ms`);
    expect(emailsAfter).toBeLessThan(2_000);
    expect(webhookAfter).toBeGreaterThanOrEqual(4_000);
    expect(await webhook()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 4 s' });
  });

  it('keeps its case system in step: staff acknowledging, messages both ways, an incident; its own updates are not sent back', async () => {
    const { asb, dispatcher, reference } = await setUp();
    const workspace = createWorkspace({ store: core.store, routing: core.routing, definitions: core.definitions, publicUrl: new URL('https://portal.example.org'), now: () => core.clock.now });
    const officer = staffMember(core.routing, asb.staff[0])!;
    expect(await workspace.casework.acknowledge(officer, reference)).toEqual({ ok: true });
    expect(await workspace.casework.message(officer, reference, 'We will visit on Friday.')).toMatchObject({ ok: true });
    await core.store.workspace.addMessage(1, { partnerId: asb.id, fromReporter: true, author: 'reporter', body: 'Thank you, after 6pm please', createdAt: core.clock.now });
    await core.store.workspace.addIncident(1, { date: '2026-11-24', description: 'The car was back last night', createdAt: core.clock.now }, []);
    // The report's first delivery fails once: nothing about it overtakes it.
    receiver.answer([500]);
    await dispatcher.runOnce();
    expect(receiver.received).toHaveLength(1);
    core.clock.now += 15 * SECOND;
    await dispatcher.runOnce();
    await receiver.waitFor(5);
    const events = receiver.delivered().map((r) => (r.verified.ok ? r.verified.payload : undefined)!);
    expect(events.map((e) => e.type)).toEqual(['report.created', 'case.updated', 'message.created', 'message.created', 'incident.created']);
    expect(events[4].data).toMatchObject({ date: '2026-11-24', description: 'The car was back last night' });
    expect(events[1].data).toMatchObject({ reference, status: 'acknowledged', outcome: null, stopContact: false, withdrawn: false });
    expect(events[2].data).toMatchObject({ from: 'partner', body: 'We will visit on Friday.' });
    expect(events[3].data).toMatchObject({ from: 'reporter', body: 'Thank you, after 6pm please' });

    // The case system closes the case itself, with its token: recorded as the system, not echoed.
    const token = 'a-long-random-token-for-the-asb-teams-system';
    const app = caseSystemRoutes(workspace.casework, caseSystemTokens(core.routing, { [`PARTNER_TOKEN_${asb.id.toUpperCase().replace(/-/g, '_')}`]: token }));
    const post = (body: unknown, bearer = token) =>
      app.request(`/reports/${reference}/status`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ status: 'closed', outcome: 'resolved' }, 'a-wrong-token-of-the-same-length-as-it')).status).toBe(401);
    expect(await (await post({ status: 'closed', outcome: 'sorted' })).json()).toEqual({ errors: [{ path: 'outcome', message: 'must be resolved, no-further-action or duplicate' }] });
    const closed = await post({ status: 'closed', outcome: 'resolved' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ reference, status: 'closed', outcome: 'resolved' });
    // Sent again (a retry of the system's own), it changes nothing.
    expect((await post({ status: 'closed', outcome: 'resolved' })).status).toBe(200);
    expect(await core.store.workspace.caseOf(reference, asb.id)).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect((await core.store.workspace.auditOf(reference)).filter((e) => e.action === 'closed').map((e) => e.actor)).toEqual([`system:${asb.id}`]);
    await dispatcher.runOnce();
    expect(receiver.delivered('case.updated')).toHaveLength(1);
    // Another partner's report is not this system's to touch.
    let other: Partner | undefined;
    for (const p of core.routing.partners) {
      if (p.id !== asb.id && (await core.store.workspace.caseOf(reference, p.id))) {
        other = p;
        break;
      }
    }
    if (other) {
      const theirs = caseSystemRoutes(workspace.casework, caseSystemTokens(core.routing, { [`PARTNER_TOKEN_${other.id.toUpperCase().replace(/-/g, '_')}`]: token }));
      const guessed = reference.slice(0, -1) + (reference.endsWith('Z') ? 'Y' : 'Z'); // never the report itself
      const res = await theirs.request(`/reports/${guessed}/status`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{"status":"acknowledged"}' });
      expect(res.status).toBe(404);
    }
  });
});

describe('a partner whose own mail relay accepts a connection and never answers', () => {
  it('holds back none of the other partners’ emails', async () => {
    // A TCP server that takes the connection and says nothing, not even the SMTP greeting.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const stalled = smtpMailer(`smtp://127.0.0.1:${port}`, { timeoutMs: 3_000 });
    closers.push(async () => {
      stalled.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    smtp = await startSmtp();
    receiver = await startWebhookReceiver(secret);
    core = await createCore(smtp.url);
    const asb = defaultPartner(core.routing, 'asb');
    const dispatcher = core.dispatcher({ partnerMailers: { [asb.id]: stalled } });
    const sent = await core.submit('asb', drugsOnAHousingEstate);
    if (!sent.ok) throw new Error('report refused');
    const others = core.recipients('asb', drugsOnAHousingEstate).filter((a) => a !== asb.email);
    const started = Date.now();
    const run = dispatcher.runOnce();
    await smtp.waitFor(others.length);
    const othersAfter = Date.now() - started;
    await run;
    console.log(`stalled relay: the other ${others.length} partners' emails sent after ${othersAfter} ms; the stalled one gave up after ${Date.now() - started} ms`);
    expect(othersAfter).toBeLessThan(1_500);
    expect(smtp.received.map((m) => (m.to as { text: string }).text).sort()).toEqual(others);
    const stuck = (await core.store.deliveriesOf(1)).find((d) => d.partnerId === asb.id && d.kind === 'report')!;
    expect(stuck).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
