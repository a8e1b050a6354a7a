import { execFileSync } from 'node:child_process';

/** Resident memory (MB) of a process and its children (npm start's script runs the server in its own process). */
export function treeRssMb(pid: number): number {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) if (tree.has(pp) && !tree.has(p)) (tree.add(p), (grew = true));
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** Bot turn latency over `conversations` conversations left in progress, and the server's memory. */
export async function chatBench(url: string, pid: number, health: { perSecond: number }, conversations = 1000, concurrency = 16) {
  const before = treeRssMb(pid);
  const latencies: number[] = [];
  const turn = async (user: string, type: string, text = '') => {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, text, user, channel: 'webhook', locale: 'en' }),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (!res.ok) throw new Error(`chat answered ${res.status}`);
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < conversations) {
        const user = `bench-user-${next++}`;
        await turn(user, 'hello');
        await turn(user, 'message', 'report:asb');
        await turn(user, 'message', 'no');
        await turn(user, 'message', 'noise');
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((p / 100) * (latencies.length - 1))].toFixed(1);
  const after = treeRssMb(pid);
  return [
    `Chat (POST /api/chat through Botkit's web adapter, ${concurrency} concurrent clients):`,
    `  ${latencies.length} turns in ${seconds.toFixed(1)} s: ${(latencies.length / seconds).toFixed(0)} turns/s (${((100 * latencies.length) / seconds / health.perSecond).toFixed(0)}% of health), p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
    `  server memory (RSS): ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB with ${conversations} conversations in progress (state is in SQLite, not memory)`,
  ];
}
