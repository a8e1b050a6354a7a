import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { searchResults } from '../support/search-client';
import { tempDir } from '../support/temp';

const dir = tempDir();
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'edges'), RATE_LIMIT_CHAT_PER_MINUTE: '0' });
});
afterAll(async () => {
  await portal.stop();
  dir.remove();
});

/** Declares a huge body and sends only its first bytes: the answer must come before the rest is read. */
function hugePost(path: string, declared: number): Promise<number> {
  const { hostname, port } = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: 'POST', headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded', 'content-length': declared } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)));
    req.write('action=check&description=' + 'x'.repeat(1000));
  });
}

describe('the edges an attacker tries', () => {
  it('bounds form posts before reading them: 100 MB declared, 413 at once, in the reader’s language', async () => {
    expect(await hugePost('/pl/report/asb', 100 * 1024 * 1024)).toBe(413);
    const page = await fetch(`${portal.url}/pl/report/asb`, {
      method: 'POST',
      headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x'.repeat(70_000),
    });
    expect(page.status).toBe(413);
    expect(await page.text()).toContain('lang="pl"');
  });

  it('answers unknown API paths in the API’s error shape', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/nope'], ['GET', '/api/reports'], ['GET', '/api/chat/x']]) {
      const res = await fetch(`${portal.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ errors: [{ path: '', message: 'No such API endpoint' }] });
    }
  });

  it('treats "{{count}}" typed in a search as text, not as part of the sentence', async () => {
    const html = await (await searchResults(portal.url, '/search', '{{count}} scam')).text();
    expect(html).toMatch(/for “\{\{count\}\} scam”/);
  });

  it('takes an answer as long in the chat as in the form (5,000 characters)', async () => {
    const say = (text: string, type = 'message') =>
      fetch(`${portal.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type, text, user: 'long-answer-user', channel: 'webhook', locale: 'ur' }),
      });
    expect((await say('x'.repeat(5000))).status).toBe(200);
    expect((await say('ش'.repeat(5000))).status).toBe(200);
    expect((await say('x'.repeat(5001))).status).toBe(400);
  });

  it('bounds a chat message by its declared length before reading it, and one sent in chunks as it arrives', async () => {
    expect(await hugePost('/api/chat', 100 * 1024 * 1024)).toBe(413);
    const { hostname, port } = new URL(portal.url);
    const chunked = await new Promise<number>((resolve, reject) => {
      // No content-length: the body is counted as its chunks come, and refused past 24 KB.
      const req = request({ hostname, port, path: '/api/chat', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`{"type":"message","user":"chunked-user","channel":"webhook","text":"`);
      req.end(`${'x'.repeat(30 * 1024)}"}`);
    });
    expect(chunked).toBe(413);
  });

  it('tells the search box as it is typed in whether the words speak of danger, and refuses what is not a query', async () => {
    const ask = (body: unknown) => fetch(`${portal.url}/api/search/urgent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const danger = await ask({ locale: 'ur', query: 'وہ چاقو لے کر باہر کھڑا ہے' });
    expect(danger.headers.get('cache-control')).toBe('no-store');
    expect((await danger.json()).first.url).toBe('/ur/help');
    expect(await (await ask({ locale: 'pl', query: 'ukradli mi rower' })).json()).toEqual({ first: null });
    expect((await ask({ locale: 'pl', query: 'x'.repeat(201) })).status).toBe(400);
    expect((await ask({ locale: 'pl', query: 'a', extra: 1 })).status).toBe(400);
    expect((await fetch(`${portal.url}/api/search/urgent`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('puts the safety page first for a search about danger to a person, in any language', async () => {
    for (const [path, query, help] of [['/search', "he's got a knife", '/help'], ['/pl/search', 'chcę się zabić', '/pl/help']]) {
      const html = await (await searchResults(portal.url, path, query)).text();
      const results = html.slice(html.indexOf('app-search-results'));
      expect(/href="([^"]+)"/.exec(results)?.[1], query).toBe(help);
    }
  });
});

