import { Agent, request as httpRequest } from 'node:http';

export type LoadResult = Awaited<ReturnType<typeof load>>;

/** What `load` needs of an answer: its status, and its body read to the end. */
type Answer = Pick<Response, 'status' | 'arrayBuffer'>;

/** Runs `request` from `concurrency` loops for `seconds`; returns throughput and latency percentiles. */
export async function load(
  request: () => Promise<Answer>,
  { concurrency, seconds, expectStatus }: { concurrency: number; seconds: number; expectStatus: number },
) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await request();
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== expectStatus) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, failures, perSecond: latencies.length / elapsed, p50: pct(50), p99: pct(99) };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A GET that reads the answer as sent, without decoding it: fetch would spend the client's time
 * decompressing a brotli page, and on two cores shared with the server that is measured too.
 */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer });
      });
    })
      .on('error', reject)
      .end();
  });
}
