import { expect, startJourney, test } from './fixtures';

test('every kind of response carries the security headers, and no page breaks its CSP', async ({ page, portal }) => {
  for (const path of ['/', '/advice/domestic-abuse', '/report/asb', '/search?q=scam', '/api/health', '/sitemap.xml']) {
    const res = await fetch(`${portal.url}${path}`);
    expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), path).toBe('DENY');
  }
  const violations: string[] = [];
  const thirdParty: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(portal.url) && !r.url().startsWith('data:')) thirdParty.push(r.url());
  });
  await startJourney(page, `${portal.url}/report/hate-crime`);
  await page.locator('input[name="contactChoice"][value="contact"]').check();
  await page.goto(`${portal.url}/ur/search`);
  await page.locator('#search-q').fill('تشدد');
  await page.goto(`${portal.url}/pl/advice/domestic-abuse`);
  await page.locator('[data-chat-open]').click();
  await expect(page.locator('.app-chat__reply').first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(thirdParty).toEqual([]);
});
