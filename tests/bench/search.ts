import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SerialisedIndex } from '../../api/search/index';
import { loadIndex, search } from '../../api/search/search';
import { locales } from '../../i18n';
import { clientDir } from '../support/built-site';

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Index size against the text it indexes, and query latency over the relevance query set. */
export function searchIndexBench(): string[] {
  const lines = ['Search indexes (prebuilt lunr, one per language):', '  lang      text   index raw  index gzip   queries   p50 ms   p99 ms'];
  for (const locale of locales) {
    const raw = readFileSync(join(clientDir, 'search-index', `${locale}.json`));
    const serialised = JSON.parse(raw.toString()) as SerialisedIndex;
    const text = serialised.docs.map((d) => `${d.title} ${d.summary} ${d.text}`).join(' ');
    const index = loadIndex(serialised);
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
      `  ${locale.padEnd(5)} ${kb(Buffer.byteLength(text)).padStart(9)} ${kb(raw.length).padStart(11)} ${kb(gz(raw)).padStart(11)} ${String(times.length).padStart(9)} ${pct(50).padStart(8)} ${pct(99).padStart(8)}`,
    );
  }
  return lines;
}

/** What a browser downloads (gzip) for its first search with JavaScript on: page, assets, search code, index. */
export function firstSearchBytes(searchPageHtml: string, locale: string): string[] {
  const parts: [string, number][] = [['search page HTML', gz(searchPageHtml)]];
  for (const m of searchPageHtml.matchAll(/(?:href|src)="\/(_astro\/[^"]+)"/g)) {
    const body = readFileSync(join(clientDir, m[1]));
    parts.push([m[1], gz(body)]);
    // Chunks the search script loads once the search box is used (not the chat's, loaded only when opened).
    if (m[1].includes('search')) {
      for (const d of body.toString().matchAll(/import\("\.\/([^"]+)"\)/g)) parts.push([`_astro/${d[1]}`, gz(readFileSync(join(clientDir, '_astro', d[1])))]);
    }
  }
  parts.push([`search-index/${locale}.json`, gz(readFileSync(join(clientDir, 'search-index', `${locale}.json`)))]);
  const total = parts.reduce((sum, [, n]) => sum + n, 0);
  return [`First search in ${locale} with JavaScript: ${kb(total)} gzip in all`, ...parts.map(([name, n]) => `  ${kb(n).padStart(9)}  ${name}`)];
}
