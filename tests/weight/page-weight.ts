import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const LIMIT_BYTES = 60 * 1024;

export interface PageWeight {
  page: string;
  /** Gzipped bytes of the HTML and every stylesheet, script and font it loads. */
  bytes: number;
  parts: string[];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** What a browser downloads, compressed, to show each prerendered page of the build. */
export function measurePages(clientDir: string): PageWeight[] {
  return htmlFiles(clientDir).map((file) => {
    const html = readFileSync(file);
    const assets = new Set<string>();
    for (const m of html.toString().matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="(\/[^"]+)"/g)) assets.add(m[1]);
    let bytes = gz(html);
    for (const asset of [...assets]) {
      const body = readFileSync(join(clientDir, asset));
      bytes += gz(body);
      if (asset.endsWith('.css')) {
        for (const m of body.toString().matchAll(/url\((\/[^)]+\.(?:woff2?|ttf|otf))\)/g)) {
          assets.add(m[1]);
          bytes += gz(readFileSync(join(clientDir, m[1])));
        }
      }
    }
    return { page: `/${relative(clientDir, file)}`, bytes, parts: [...assets] };
  });
}

export function report(weights: PageWeight[], top = 5): string {
  const sorted = [...weights].sort((a, b) => b.bytes - a.bytes);
  const rows = sorted.slice(0, top).map((w) => `  ${(w.bytes / 1024).toFixed(1).padStart(6)} KB  ${w.page}`);
  return [`${weights.length} pages; limit ${LIMIT_BYTES / 1024} KB compressed; largest:`, ...rows].join('\n');
}

// npm run weight
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const weights = measurePages(join(import.meta.dirname, '..', '..', 'dist', 'client'));
  console.log(report(weights));
  const over = weights.filter((w) => w.bytes > LIMIT_BYTES);
  for (const w of over) console.error(`over the limit: ${w.page} ${(w.bytes / 1024).toFixed(1)} KB`);
  process.exitCode = over.length > 0 ? 1 : 0;
}
