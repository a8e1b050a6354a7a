import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { searchResults } from '../support/search-client';
import { tempDir } from '../support/temp';

const dir = tempDir();
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'freeze'), RATE_LIMIT_SEARCHES_PER_MINUTE: '0', RATE_LIMIT_CHAT_PER_MINUTE: '0' });
  // The first chat message of a process loads Botkit (most of a second, once): not a search's cost.
  const hello = { type: 'hello', user: 'freeze-test-user', channel: 'webhook', locale: 'en' };
  await fetch(`${portal.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(hello) });
});
afterAll(async () => {
  await portal.stop();
  dir.remove();
});

// The queries that froze the portal for 2 to 25 seconds each: long words (fuzzy matching with two
// edits and prefix wildcards grow far faster than the word), in every script.
const random = (n: number) => Array.from({ length: n }, (_, i) => 'qwxzjkvbp'[(i * 7 + n) % 9]).join('');
const WORST = ['a'.repeat(200), 'ą'.repeat(200), 'ش'.repeat(200), random(200), Array.from({ length: 12 }, (_, i) => random(16 + i)).join(' '), 'harrasmentharrasment '.repeat(10)];
const LOCALES = ['', '/pl', '/lt', '/ro', '/pt', '/ur'];

describe('one search cannot freeze the portal', () => {
  it('answers the worst queries quickly in every language, while health keeps answering', async () => {
    let slowestHealth = 0;
    let attacking = true;
    const watch = (async () => {
      while (attacking) {
        const started = performance.now();
        expect((await fetch(`${portal.url}/api/health`)).status).toBe(200);
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    let slowestSearch = 0;
    for (const locale of LOCALES) {
      for (const query of WORST) {
        const started = performance.now();
        const [page, chat] = await Promise.all([
          searchResults(portal.url, `${locale}/search`, query),
          fetch(`${portal.url}/api/chat`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'message', text: query, user: 'freeze-test-user', channel: 'webhook', locale: locale.slice(1) || 'en' }),
          }),
        ]);
        expect(page.status).toBe(200);
        expect(chat.status).toBe(200);
        slowestSearch = Math.max(slowestSearch, performance.now() - started);
      }
    }
    attacking = false;
    await watch;
    console.log(`worst queries: slowest search ${Math.round(slowestSearch)} ms (page and chat together), slowest health meanwhile ${Math.round(slowestHealth)} ms`);
    // Before the work was bounded, each of these took seconds and held up everything else.
    expect(slowestSearch).toBeLessThan(1_000);
    expect(slowestHealth).toBeLessThan(1_000);
  }, 120_000);
});
