// npm run bench: durable report intakes, guidance pages and chat turns under concurrent load, each
// beside GET /api/health in the same run; then search index sizes, query latency and first-search bytes.
import { drugsOnAHousingEstate } from '../support/core';
import { startPortalProcess } from '../support/portal-process';
import { tempDir } from '../support/temp';
import { chatBench } from './chat';
import { load } from './load';
import { firstSearchBytes, searchIndexBench } from './search';
import { understandingBench } from './understanding';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const dir = tempDir();
// The embedded default: no SMTP, emails written to DATA_DIR/mail while intakes run.
// Load comes from one client here, so the per-client limits are off for the measurement.
const portal = await startPortalProcess({ DATA_DIR: dir.path, RATE_LIMIT_REPORTS_PER_MINUTE: '0', RATE_LIMIT_CHAT_PER_MINUTE: '0' });
try {
  const body = JSON.stringify(drugsOnAHousingEstate);
  const health = () => fetch(`${portal.url}/api/health`);
  const report = () =>
    fetch(`${portal.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  await load(health, { concurrency: CONCURRENCY, seconds: 1, expectStatus: 200 }); // warm up
  const h = await load(health, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 });
  const r = await load(report, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 201 });
  const page = () => fetch(`${portal.url}/pl/advice/fraud-and-scams`, { headers: { 'accept-encoding': 'gzip' } });
  const g = await load(page, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 });

  const row = (name: string, m: typeof h) =>
    `${name.padEnd(28)} ${m.perSecond.toFixed(0).padStart(8)}/s   p50 ${m.p50.toFixed(1).padStart(6)} ms   p99 ${m.p99.toFixed(1).padStart(6)} ms   (${m.requests} requests, ${m.failures} failed)`;
  console.log(`One portal process, ${CONCURRENCY} concurrent clients, ${SECONDS} s each, on ${process.platform} ${process.arch}`);
  console.log(row('GET /api/health', h));
  console.log(row('POST /api/reports/asb', r));
  console.log(row('GET a guidance page (gzip)', g));
  console.log('Each report intake is validated and committed to SQLite (WAL, synchronous=FULL) with 3 planned deliveries before its 201.');
  console.log('');
  for (const line of await chatBench(portal.url, portal.child.pid!)) console.log(line);
  const searchPage = await (await fetch(`${portal.url}/pl/search`)).text();
  console.log('');
  for (const line of searchIndexBench()) console.log(line);
  console.log('');
  for (const line of firstSearchBytes(searchPage, 'pl')) console.log(line);
  console.log('');
  for (const line of understandingBench()) console.log(line);
  if (h.failures || r.failures || g.failures) process.exitCode = 1;
} finally {
  await portal.stop();
  dir.remove();
}
