import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes } from '../../api/http/health';
import { createCore, drugsOnAHousingEstate } from '../support/core';
import { startSmtp, type TestSmtp } from '../support/smtp';

let core: Awaited<ReturnType<typeof createCore>>;
let smtp: TestSmtp | undefined;
let stall: Server | undefined;
afterEach(async () => {
  await core.close();
  await smtp?.stop();
  await new Promise<void>((r) => (stall ? stall.close(() => r()) : r()));
  smtp = undefined;
  stall = undefined;
});

/** A "mail server" that accepts the connection and then says nothing at all. */
async function stallingServer(): Promise<number> {
  stall = createServer(() => undefined);
  await new Promise<void>((r) => stall!.listen(0, '127.0.0.1', () => r()));
  return (stall.address() as { port: number }).port;
}

describe('mail server faults', () => {
  it('a server that never answers times out, and the delivery waits for a retry', async () => {
    const port = await stallingServer();
    core = await createCore(`smtp://127.0.0.1:${port}`);
    await core.submit('asb', drugsOnAHousingEstate);
    await core.dispatcher().runOnce();
    const [first] = await core.store.deliveriesOf(1);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toMatch(/timeout|ETIMEDOUT/i);
  }, 20_000);

  it('a TLS handshake that fails is retried, not lost', async () => {
    smtp = await startSmtp();
    // smtps:// to a server that only speaks plain SMTP: the handshake fails.
    core = await createCore(`smtps://127.0.0.1:${smtp.port}`);
    await core.submit('asb', drugsOnAHousingEstate);
    await core.dispatcher().runOnce();
    const deliveries = await core.store.deliveriesOf(1);
    expect(deliveries.every((d) => d.status === 'pending' && d.attempts === 1)).toBe(true);
    expect(deliveries[0].lastError).toBeTruthy();
    expect(smtp.received).toHaveLength(0);
  }, 20_000);

  it('makes health say "failing", with counts, when every address is refused and so are the alerts', async () => {
    smtp = await startSmtp();
    core = await createCore(smtp.url);
    smtp.behave('permanent'); // 550 to everyone, the partnership's admin address included
    for (let i = 0; i < 3; i++) await core.submit('asb', drugsOnAHousingEstate);
    const dispatcher = core.dispatcher();
    await dispatcher.runOnce();
    await dispatcher.runOnce(); // the alerts about the failures, refused in turn
    const health = healthRoutes(core.store, () => core.clock.now);
    const body = (await (await health.request('/')).json()) as { status: string; outbox: Record<string, number> };
    expect(body.status).toBe('failing');
    expect(body.outbox.failedDeliveries).toBe(9);
    expect(body.outbox.failedAlerts).toBe(9);
  });
});
