import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** How the receiver answers: as a case system that is up, busy, broken, gone, or hung. */
export type Answer = 200 | 429 | 500 | 410 | 'never';

export interface Received {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the signature check of the standardwebhooks package made of it: the payload, or its error. */
  verified: { ok: true; payload: { type: string; timestamp: string; data: Record<string, unknown> } } | { ok: false; error: string };
  answered: Answer;
}

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * A partner's case system: a real HTTP server on loopback that checks every request's signature
 * as a receiver would, with the standardwebhooks package, and answers as told.
 */
export async function startWebhookReceiver(secret: string) {
  const received: Received[] = [];
  let answers: Answer[] = [];
  let otherwise: Answer = 200;
  const hung = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: Received['verified'];
      try {
        verified = { ok: true, payload: new Webhook(secret).verify(body, req.headers as Record<string, string>) as never };
      } catch (err) {
        verified = { ok: false, error: (err as Error).message };
      }
      const answer = answers.shift() ?? otherwise;
      received.push({ id: String(req.headers['webhook-id']), headers: req.headers, body, verified, answered: answer });
      if (answer === 'never') {
        hung.add(res);
        return;
      }
      res.writeHead(answer, answer === 429 ? { 'retry-after': '40' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/portal-reports`,
    received,
    /** The next answers, in order; then `then` to every later request. */
    answer(next: Answer[], then: Answer = 200) {
      answers = [...next];
      otherwise = then;
    },
    /** Requests that were answered 2xx, by type. */
    delivered(type?: string): Received[] {
      return received.filter((r) => r.answered === 200 && r.verified.ok && (!type || r.verified.payload.type === type));
    },
    async waitFor(count: number, timeoutMs = 15_000, type?: string): Promise<Received[]> {
      const until = Date.now() + timeoutMs;
      while (this.delivered(type).length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} delivered webhooks, got ${this.delivered(type).length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return this.delivered(type);
    },
    async stop(): Promise<void> {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
