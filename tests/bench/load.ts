/** Runs `request` from `concurrency` loops for `seconds`; returns throughput and latency percentiles. */
export type LoadResult = Awaited<ReturnType<typeof load>>;

export async function load(
  request: () => Promise<Response>,
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
