// npm run bench: each figure beside GET /api/health in the same run, as a ratio, so it means the
// same on a faster or slower machine. Report intake as a city sends it, after 1,000, 10,000 and
// 50,000 earlier reports; guidance pages; chat turns and memory; start-up; search.
import { cityReport, seedReports } from './intake';
import { startPortalProcess } from '../support/portal-process';
import { askSearch } from '../support/search-client';
import { tempDir } from '../support/temp';
import { chatBench } from './chat';
import { dependencyCosts } from './dependencies';
import { engineBench } from './engines';
import { load, rawGet, type LoadResult } from './load';
import { firstSearchBytes, searchIndexBench } from './search';
import { startupBench } from './startup';
import { understandingBench } from './understanding';
import { safetyBench } from './safety';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// Load comes from one client here, so the per-client limits are off for the measurement.
const UNLIMITED = { RATE_LIMIT_REPORTS_PER_MINUTE: '0', RATE_LIMIT_CHAT_PER_MINUTE: '0', RATE_LIMIT_SEARCHES_PER_MINUTE: '0' };

let failed = false;
const row = (name: string, m: LoadResult, health?: LoadResult) => {
  if (m.failures) failed = true;
  const ratio = health ? `${((100 * m.perSecond) / health.perSecond).toFixed(0).padStart(4)}% of health` : '              ';
  return `  ${name.padEnd(44)} ${m.perSecond.toFixed(0).padStart(6)}/s ${ratio}   p50 ${m.p50.toFixed(1).padStart(5)} ms   p99 ${m.p99.toFixed(1).padStart(5)} ms   (${m.requests} requests, ${m.failures} failed)`;
};

/** A portal on a fresh data directory (seeded with `earlier` reports), its health measured first. */
async function withPortal<T>(earlier: number, work: (url: string, health: LoadResult, pid: number) => Promise<T>): Promise<T> {
  const dir = tempDir();
  if (earlier > 0) await seedReports(dir.path, earlier);
  // The embedded default: no SMTP, emails written to DATA_DIR/mail while intakes run.
  const portal = await startPortalProcess({ DATA_DIR: dir.path, ...UNLIMITED });
  try {
    const healthCheck = () => fetch(`${portal.url}/api/health`);
    await load(healthCheck, { concurrency: CONCURRENCY, seconds: 1, expectStatus: 200 }); // warm up
    const health = await load(healthCheck, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 });
    return await work(portal.url, health, portal.child.pid!);
  } finally {
    await portal.stop();
    dir.remove();
  }
}

const intakes = (url: string, where: 'city' | 'busy') => {
  let n = 0;
  return () =>
    fetch(`${url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cityReport(n++, where)) });
};

console.log(`One portal process, ${CONCURRENCY} concurrent clients, ${SECONDS} s a figure, on ${process.platform} ${process.arch}`);
console.log('A report intake is validated, matched against earlier reports and committed to SQLite (WAL, synchronous=FULL) with its deliveries before its 201.');
console.log('A city: a quarter of reports from one busy postcode sector, the rest over 36 others, one in three with a phone number.');

for (const earlier of [1_000, 10_000, 50_000]) {
  await withPortal(earlier, async (url, health) => {
    console.log('');
    console.log(`After ${earlier.toLocaleString('en-GB')} earlier reports (stored by the portal's own intake, all in the repeat windows):`);
    console.log(row('GET /api/health', health));
    console.log(row('POST /api/reports/asb, a city', await load(intakes(url, 'city'), { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 201 }), health));
    console.log(row('POST /api/reports/asb, all in the busy sector', await load(intakes(url, 'busy'), { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 201 }), health));
  });
}

console.log('');
console.log('Report intake by engine (each beside health on the same processes; PostgreSQL durable, on this machine):');
for (const line of await engineBench({ concurrency: CONCURRENCY, seconds: SECONDS, unlimited: UNLIMITED }, row)) console.log(line);

await withPortal(0, async (url, health, pid) => {
  console.log('');
  console.log('Pages, chat and search (a fresh portal):');
  console.log(row('GET /api/health', health));
  // Pages read as sent (not decoded by the client), beside health read the same way.
  const rawHealth = await load(() => rawGet(`${url}/api/health`), { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 });
  console.log(row('GET /api/health (read as sent)', rawHealth));
  for (const encoding of ['br', 'gzip']) {
    const page = () => rawGet(`${url}/pl/advice/fraud-and-scams`, { 'accept-encoding': encoding });
    console.log(row(`GET a guidance page (${encoding}, as built, as sent)`, await load(page, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 }), rawHealth));
  }
  // The form's query is kept and redirected to its results page, which only the cookie opens.
  const { location, cookie } = await askSearch(url, '/pl/search', 'oszustwo telefoniczne');
  const results = () => fetch(`${url}${location}`, { headers: { cookie } });
  console.log(row('GET /pl/search?s=… (the results page, server side)', await load(results, { concurrency: CONCURRENCY, seconds: SECONDS, expectStatus: 200 }), health));
  console.log('');
  for (const line of await chatBench(url, pid, health)) console.log(line);
  console.log('');
  for (const line of await firstSearchBytes(url, 'pl', 'oszustwo')) console.log(line);
});

console.log('');
for (const line of await startupBench()) console.log(line);
console.log('');
for (const line of dependencyCosts()) console.log(line);
console.log('');
for (const line of searchIndexBench()) console.log(line);
console.log('');
for (const line of understandingBench()) console.log(line);
console.log('');
for (const folder of ['held-out', 'seen']) for (const line of safetyBench(folder)) console.log(line);
if (failed) process.exitCode = 1;
