import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { askSearch } from '../support/search-client';
import { tempDir } from '../support/temp';

const dir = tempDir();
let portal: PortalProcess;
beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'search') });
});
afterAll(async () => {
  await portal.stop();
  dir.remove();
});

const QUERY = 'my husband hits me';
const page = async (location: string, cookie?: string) => (await fetch(`${portal.url}${location}`, { headers: cookie ? { cookie } : {} })).text();

describe('what the search form was asked stays out of addresses', () => {
  it('redirects the query to a results page whose address carries only an id, opened by this browser’s cookie', async () => {
    const { location, cookie } = await askSearch(portal.url, '/search', QUERY);
    expect(location).toMatch(/^\/search\?s=[\w-]{8}$/);
    expect(cookie).toMatch(/^portal-search=[\w-]{43}$/);
    const html = await page(location, cookie);
    expect(html).toContain(`value="${QUERY}"`);
    expect(html).toContain('/advice/domestic-abuse');
    // Another browser given the address (a shared phone's history, a copied link) sees an empty search.
    const elsewhere = await page(location);
    expect(elsewhere).not.toContain('husband');
    const { cookie: other } = await askSearch(portal.url, '/search', 'scam');
    expect(await page(location, other)).not.toContain('husband');
  });

  it('keeps each search of a visit for Back, in the language of the page', async () => {
    const first = await askSearch(portal.url, '/pl/search', 'mąż mnie bije');
    const second = await fetch(`${portal.url}/pl/search?q=oszustwo`, { redirect: 'manual', headers: { cookie: first.cookie } });
    const secondLocation = second.headers.get('location')!;
    expect(await page(first.location, first.cookie)).toContain('value="mąż mnie bije"');
    expect(await page(secondLocation, first.cookie)).toContain('value="oszustwo"');
  });

  it('forgets every search on the server at Exit this page, even for a browser that kept its cookie', async () => {
    const { location, cookie } = await askSearch(portal.url, '/ur/search', 'شوہر مارتا ہے');
    expect(await page(location, cookie)).toContain('شوہر مارتا ہے');
    const exit = await fetch(`${portal.url}/exit`, { redirect: 'manual', headers: { cookie } });
    expect(exit.status).toBe(303);
    expect(exit.headers.get('set-cookie')).toMatch(/portal-search=;/);
    expect(await page(location, cookie)).not.toContain('مارتا');
  });

  it('answers an empty query with the empty search page, keeping nothing', async () => {
    const res = await fetch(`${portal.url}/search?q=%20%20`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/search');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
