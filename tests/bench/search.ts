import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { SerialisedIndex } from '../../api/search/index';
import { loadIndex, search } from '../../api/search/search';
import { locales } from '../../i18n';
import { clientDir } from '../support/built-site';
import { termFor } from '../../api/search/languages';

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Index size against the text it indexes, and query latency over the relevance query set. */
export function searchIndexBench(): string[] {
  const lines = ['Search indexes (prebuilt lunr, compact, one per language):', '  lang   index raw  index gzip  index br   queries   p50 ms   p99 ms'];
  for (const locale of locales) {
    const raw = readFileSync(join(clientDir, 'search-index', `${locale}.json`));
    const serialised = JSON.parse(raw.toString()) as SerialisedIndex;
    const index = loadIndex(serialised, termFor(locale));
    const file = join(import.meta.dirname, '..', 'unit', 'search', 'queries', `${locale}.json`);
    const queries = (JSON.parse(readFileSync(file, 'utf8')) as { query: string }[]).map((q) => q.query);
    const times: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const q of queries) {
        const t0 = performance.now();
        search(index, q);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.floor((p / 100) * (times.length - 1))].toFixed(2);
    lines.push(
      `  ${locale.padEnd(5)} ${kb(raw.length).padStart(10)} ${kb(gz(raw)).padStart(11)} ${kb(brotliCompressSync(raw).length).padStart(9)} ${String(times.length).padStart(9)} ${pct(50).padStart(8)} ${pct(99).padStart(8)}`,
    );
  }
  return lines;
}

/**
 * What Chromium downloads, as sent over the wire (compressed, headers included), from opening the
 * search page on a 360 px phone to the first results as it types: page, styles, scripts, index.
 */
export async function firstSearchBytes(url: string, locale: string, query: string): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const parts: { name: string; body: number; headers: number; encoding: string }[] = [];
    const sized: Promise<void>[] = [];
    page.on('requestfinished', (request) =>
      sized.push(
        (async () => {
          const [sizes, encoding] = await Promise.all([request.sizes(), request.response().then((r) => r?.headerValue('content-encoding'))]);
          parts.push({ name: new URL(request.url()).pathname, body: sizes.responseBodySize, headers: sizes.responseHeadersSize, encoding: encoding ?? 'none' });
        })(),
      ),
    );
    await page.goto(`${url}/${locale}/search`);
    await page.locator('#search-q').pressSequentially(query, { delay: 30 });
    await page.locator('#search-results li').first().waitFor();
    await Promise.all(sized);
    const sum = (pick: (p: (typeof parts)[number]) => number) => parts.reduce((total, p) => total + pick(p), 0);
    return [
      `First search in ${locale} with JavaScript ("${query}", Chromium at 360 px), ${parts.length} responses: ${kb(sum((p) => p.body))} of bodies (compressed as sent) and ${kb(sum((p) => p.headers))} of headers`,
      ...parts.map((p) => `  ${kb(p.body).padStart(9)} + ${kb(p.headers).padStart(7)} headers  ${p.encoding.padEnd(5)} ${p.name}`),
    ];
  } finally {
    await browser.close();
  }
}
