import { afterEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../api/mail/transport';
import { defaultRetryPolicy } from '../../api/outbox/backoff';
import { createDispatcher } from '../../api/outbox/dispatcher';
import { openStore } from '../../api/store/store';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp;
afterEach(async () => {
  await core.close();
  await smtp.stop();
});

async function setUp() {
  smtp = await startSmtp();
  core = await createCore(smtp.url);
  const result = await core.submit('asb', drugsOnAHousingEstate);
  if (!result.ok) throw new Error('report refused');
  return result.reference;
}

const SECOND = 1000;

describe('the outbox dispatcher', () => {
  it('sends one email to each partner, in text and HTML, with the reference in the subject', async () => {
    const reference = await setUp();
    await core.dispatcher().runOnce();
    const mails = smtp.received;
    // Drug dealing on a housing provider's estate: the partnership's default ASB partner, the
    // police and the provider (each partnership names its own).
    expect(mails.map((m) => m.to && !Array.isArray(m.to) && m.to.text).sort()).toEqual(core.recipients('asb', drugsOnAHousingEstate));
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(mail.subject).toBe(`ASB report ${reference}: Drug dealing or drug use, no postcode given`);
      expect(mail.text).toContain('Dealing from a car');
      expect(mail.html).toContain('Dealing from a car');
      expect(mail.messageId).toMatch(new RegExp(`^<${reference}\\.[a-z-]+\\.report@portal\\.example\\.org>$`));
    }
    expect(await core.store.outboxDepth()).toBe(0);
  });

  it('retries while the partner’s server is down and delivers exactly once when it is back', async () => {
    await setUp();
    await smtp.stop();
    const dispatcher = core.dispatcher();
    await dispatcher.runOnce();
    const [first] = await core.store.deliveriesOf(1);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    // The first retry comes within about 15 seconds.
    expect(first.nextAttemptAt - core.clock.now).toBe(15 * SECOND);

    core.clock.now += 10 * SECOND;
    await dispatcher.runOnce();
    expect((await core.store.deliveriesOf(1))[0].attempts).toBe(1);

    await smtp.start();
    core.clock.now += 5 * SECOND;
    await dispatcher.runOnce();
    core.clock.now += 60 * SECOND;
    await dispatcher.runOnce();
    expect(smtp.received).toHaveLength(3);
    expect((await core.store.deliveriesOf(1)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('backs off longer after each temporary refusal, up to a cap', async () => {
    await setUp();
    smtp.behave('temporary');
    const dispatcher = core.dispatcher();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await dispatcher.runOnce();
      const next = (await core.store.deliveriesOf(1))[0].nextAttemptAt;
      delays.push((next - core.clock.now) / SECOND);
      core.clock.now = next;
    }
    expect(delays).toEqual([15, 30, 60, 120, 240, 300, 300]);
    expect((await core.store.deliveriesOf(1))[0].lastError).toMatch(/^451/);
  });

  it('fails at once on a permanent refusal and alerts the partnership’s admin, without the answers', async () => {
    const reference = await setUp();
    const [first, refusing, third] = core.routed('asb', drugsOnAHousingEstate);
    smtp.behave('permanent', refusing.email);
    await core.dispatcher().runOnce();
    const deliveries = await core.store.deliveriesOf(1);
    expect(deliveries.map((d) => [d.kind, d.partnerId, d.status, d.attempts])).toEqual([
      ['report', first.id, 'sent', 1],
      ['report', refusing.id, 'failed', 1],
      ['report', third.id, 'sent', 1],
      ['alert', refusing.id, 'sent', 1],
    ]);
    const alert = smtp.received.find((m) => m.subject?.startsWith('Delivery failed'))!;
    expect(alert.to && !Array.isArray(alert.to) && alert.to.text).toBe(core.routing.partnership.adminEmail);
    expect(alert.subject).toBe(`Delivery failed: report ${reference} to ${refusing.name}`);
    expect(alert.text).toContain('550');
    expect(alert.text).not.toContain('Dealing from a car');
  });

  it('sends in the same run what a send planned while the lines were being read (a slow database)', async () => {
    await setUp();
    const [, refusing] = core.routed('asb', drugsOnAHousingEstate);
    smtp.behave('permanent', refusing.email);
    // Each look at what is due takes a while, as across a network, and the refusal's outcome
    // (with its alert) is recorded while the dispatcher is looking.
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const slow: typeof core.store = {
      ...core.store,
      dueLines: async (now) => {
        const lines = await core.store.dueLines(now);
        await pause(150);
        return lines;
      },
      markFailed: async (...args) => {
        await pause(50);
        return core.store.markFailed(...args);
      },
    };
    await core.dispatcher({ store: slow }).runOnce();
    expect((await core.store.deliveriesOf(1)).find((d) => d.kind === 'alert')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('marks a delivery failed after the configured attempts', async () => {
    await setUp();
    await smtp.stop();
    const dispatcher = core.dispatcher();
    for (let i = 0; i < 10; i++) {
      await dispatcher.runOnce();
      core.clock.now += 10 * 60 * SECOND;
    }
    const delivery = (await core.store.deliveriesOf(1))[0];
    expect(delivery).toMatchObject({ status: 'failed', attempts: 10 });
  });

  it('after a crash mid-send, resends when the claim expires, with the same Message-ID', async () => {
    const reference = await setUp();
    // A worker claims the deliveries, then dies before recording anything.
    const claimed = await core.store.claimDue(core.clock.now, 120 * SECOND, 10, 'a-worker-that-dies');
    expect(claimed).toHaveLength(3);
    await core.reopen();

    const dispatcher = core.dispatcher();
    await dispatcher.runOnce();
    expect(smtp.received).toHaveLength(0); // the claim has not expired yet

    core.clock.now += 121 * SECOND;
    await dispatcher.runOnce();
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(
      core.routed('asb', drugsOnAHousingEstate).map((p) => `<${reference}.${p.id}.report@portal.example.org>`).sort(),
    );
  });
});

describe('two senders on one data folder, with a slow mail server', () => {
  it('never send an email twice, though a batch takes longer than a claim lasts', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url);
    for (let i = 0; i < 8; i++) await core.submit('asb', drugsOnAHousingEstate); // 24 deliveries
    smtp.slow(150);
    // Two processes' worth: each its own connection to the store, its own mailer, the real clock.
    const senders = await Promise.all(
      [0, 1].map(async () => {
        const store = await openStore(core.location);
        const mailer = smtpMailer(smtp.url, { timeoutMs: 5_000 });
        const dispatcher = createDispatcher({
          store,
          mailer,
          routing: core.routing,
          definitions: core.definitions,
          now: Date.now,
          from: 'portal@example.org',
          messageIdDomain: 'portal.example.org',
          retry: defaultRetryPolicy,
          claimMs: 600, // a batch of 20 at 150 ms each takes 3 s: five times the claim
        });
        return { store, mailer, dispatcher };
      }),
    );
    // Each polls on its own, as two processes do: one may look while the other is mid-batch.
    const until = Date.now() + 30_000;
    const poll = async (dispatcher: (typeof senders)[number]['dispatcher']) => {
      while (smtp.received.length < 24 && Date.now() < until) {
        await dispatcher.runOnce();
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await Promise.all(senders.map((s) => poll(s.dispatcher)));
    await new Promise((r) => setTimeout(r, 700)); // time for a late duplicate to arrive
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    for (const s of senders) {
      s.mailer.close();
      await s.store.close();
    }
  }, 40_000);
});
