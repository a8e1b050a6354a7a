import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, startJourney, test } from './fixtures';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as an inline script, which the portal's CSP rightly refuses.
test.use({ bypassCSP: true });

async function violations(page: Page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('every page of the sitemap, in every language, has no axe violations', async ({ page, portal }) => {
  test.setTimeout(300_000);
  const xml = await (await fetch(`${portal.url}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(paths.length).toBeGreaterThan(60);
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${portal.url}${path}`);
    for (const v of await violations(page)) found.push(`${path} ${v}`);
  }
  expect(found).toEqual([]);
});

test('the chat window, open, has no axe violations', async ({ page, portal }) => {
  await page.goto(`${portal.url}/ur/`);
  await page.locator('[data-chat-open]').click();
  await page.locator('.app-chat__reply').first().click();
  await expect(page.locator('.app-chat__reply').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the report journeys showing errors have no axe violations', async ({ page, portal }) => {
  for (const path of ['/report/asb', '/ur/report/hate-crime', '/pl/report/victims-hub']) {
    await page.goto(`${portal.url}${path}`);
    await page.locator('button[value="gate"]').click(); // the gate's own error
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await startJourney(page, `${portal.url}${path}`);
    await page.locator('button[value="check"]').click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  }
});
