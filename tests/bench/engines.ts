import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { freshDatabase, startPostgres } from '../support/postgres';
import { tempDir } from '../support/temp';
import { cityReport } from './intake';
import { load, type LoadResult } from './load';

type Row = (name: string, m: LoadResult, health?: LoadResult) => string;
const SECRET = 'a-secret-every-process-on-the-database-shares';

/**
 * Report intake on each engine, beside health on the same processes: SQLite in one process;
 * PostgreSQL (durable, fsync on) with one process, and with two sharing it, the load split
 * between them as a load balancer would.
 */
export async function engineBench(options: { concurrency: number; seconds: number; unlimited: Record<string, string> }, row: Row): Promise<string[]> {
  const lines: string[] = [];
  const measure = async (name: string, portals: PortalProcess[]) => {
    let turn = 0;
    const next = () => portals[turn++ % portals.length].url;
    const health = () => fetch(`${next()}/api/health`);
    let n = 0;
    const intake = () => fetch(`${next()}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cityReport(n++, 'city')) });
    const run = { concurrency: options.concurrency, seconds: options.seconds };
    await load(health, { ...run, seconds: 1, expectStatus: 200 }); // warm up
    const healthy = await load(health, { ...run, expectStatus: 200 });
    lines.push(row(`${name}: GET /api/health`, healthy));
    lines.push(row(`${name}: POST /api/reports/asb, a city`, await load(intake, { ...run, expectStatus: 201 }), healthy));
  };
  const dir = tempDir();
  const cluster = await startPostgres({ durable: true });
  const started: PortalProcess[] = [];
  const portal = async (env: Record<string, string>) => {
    const p = await startPortalProcess({ ...options.unlimited, MATCH_SECRET: SECRET, ...env });
    started.push(p);
    return p;
  };
  try {
    await measure('SQLite, one process', [await portal({ DATA_DIR: `${dir.path}/sqlite` })]);
    const one = await freshDatabase(cluster);
    const single = await portal({ DATA_DIR: `${dir.path}/pg-one`, DATABASE_URL: one });
    await measure('PostgreSQL, one process', [single]);
    await single.stop();
    const shared = await freshDatabase(cluster);
    const pair = await Promise.all(['a', 'b'].map((name) => portal({ DATA_DIR: `${dir.path}/pg-${name}`, DATABASE_URL: shared })));
    await measure('PostgreSQL, two processes', pair);
  } finally {
    for (const p of started) await p.stop();
    await cluster.stop();
    dir.remove();
  }
  return lines;
}
