import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDir } from '../support/built-site';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { askSearch } from '../support/search-client';
import { tempDir } from '../support/temp';

const dir = tempDir();
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'data') });
});
afterAll(async () => {
  await portal.stop();
  dir.remove();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, before any decoding (fetch would decode them). */
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(`${portal.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

// What Chromium on a phone asks for.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('what a phone downloads', () => {
  it('gets a guidance page as the build compressed it (brotli), the same page as built', async () => {
    const page = await get('/pl/advice/fraud-and-scams', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(page.body)).toEqual(readFileSync(join(clientDir, 'pl', 'advice', 'fraud-and-scams', 'index.html')));
    expect(page.body.length).toBeLessThan(readFileSync(join(clientDir, 'pl', 'advice', 'fraud-and-scams', 'index.html')).length / 2);
  });

  it('gets gzip from a browser without brotli, and the plain page from one that refuses both', async () => {
    const gzip = await get('/pl/advice/fraud-and-scams', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toContain('</html>');
    const plain = await get('/pl/advice/fraud-and-scams');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('</html>');
  });

  it('downloads a page it already has only once: a second visit is answered 304 with no body', async () => {
    const first = await get('/ur/advice/hate-crime', BROWSER);
    const again = await get('/ur/advice/hate-crime', { ...BROWSER, 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('keeps the styles and scripts, named by their content, for a year', async () => {
    const home = (await get('/')).body.toString();
    const css = home.match(/href="(\/_astro\/[^"]+\.css)"/)![1];
    const asset = await get(css, BROWSER);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(asset.body).toString()).toContain('govuk');
  });

  it('gets the pages made for each request (a form, search results) compressed too, in full', async () => {
    const form = await get('/pl/report/asb', BROWSER);
    expect(form.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(form.body).toString()).toMatch(/<form[\s\S]*<\/html>\s*$/);
    const { location, cookie } = await askSearch(portal.url, '/search', 'scam');
    const search = await get(location, { 'accept-encoding': 'gzip', cookie });
    expect(search.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(search.body).toString()).toContain('/advice/fraud-and-scams');
  });
});
