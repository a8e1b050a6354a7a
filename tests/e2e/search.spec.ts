import { expect, test } from './fixtures';

test.describe('search with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the server answers the query with marked snippets', async ({ page, portal }) => {
    await page.goto(`${portal.url}/pl/search`);
    await page.getByLabel('Szukaj w poradach').fill('zglos oszustwo');
    await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
    // What was typed is kept out of the address (site/lib/search-session).
    await expect(page).toHaveURL(/\/pl\/search\?s=[\w-]{8}$/);
    const first = page.locator('.app-search-results li').first();
    await expect(first.getByRole('link')).toHaveAttribute('href', '/pl/advice/fraud-and-scams');
    await expect(first.locator('mark').first()).toBeVisible();
  });

  test('with no results, says so and offers the topics', async ({ page, portal }) => {
    await page.goto(`${portal.url}/search?q=xylophone`);
    await expect(page.getByRole('heading', { name: 'No pages found for “xylophone”.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Fraud and scams' })).toBeVisible();
  });

  test('offers pages in English when the reader’s language has no match', async ({ page, portal }) => {
    await page.goto(`${portal.url}/pl/search?q=loan+shark`);
    await expect(page.getByText('Strony po angielsku, które mogą pomóc:')).toBeVisible();
    await expect(page.locator('.app-search-results[lang="en"] a').first()).toHaveAttribute('href', /^\/advice\//);
  });

  test('escapes what was typed', async ({ page, portal }) => {
    await page.goto(`${portal.url}/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect(page.locator('main img')).toHaveCount(0);
    await expect(page.locator('main')).toContainText('<img src=x onerror=alert(1)>');
  });
});

test('search with JavaScript on shows results as you type, fetching the index only when used', async ({ page, portal }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${portal.url}/ur/search`);
  expect(fetched.filter((p) => p.startsWith('/search-index/'))).toEqual([]);
  await page.locator('#search-q').pressSequentially('گھریلو تشدد', { delay: 20 });
  const first = page.locator('#search-results .app-search-results li').first();
  await expect(first.getByRole('link')).toHaveAttribute('href', '/ur/advice/domestic-abuse');
  expect(fetched).toContain('/search-index/ur.json');
});

test('search with JavaScript on puts the safety page first for words of danger or self-harm, as typed, and posts them rather than put them in an address', async ({ page, portal }) => {
  const addresses: string[] = [];
  page.on('request', (r) => addresses.push(decodeURIComponent(r.url())));
  const first = page.locator('#search-results .app-search-results li a').first();
  await page.goto(`${portal.url}/search`);
  await page.locator('#search-q').pressSequentially("there's a man outside with a knife", { delay: 20 });
  await expect(first).toHaveAttribute('href', '/help');
  await page.goto(`${portal.url}/pl/search`);
  await page.locator('#search-q').pressSequentially('chcę się zabić', { delay: 20 });
  await expect(first).toHaveAttribute('href', '/pl/help');
  // An ordinary search keeps its own first page.
  await page.locator('#search-q').fill('');
  await page.locator('#search-q').pressSequentially('ukradli mi samochód', { delay: 20 });
  await expect(first).toHaveAttribute('href', '/pl/advice/vehicle-crime');
  expect(addresses.filter((a) => a.includes('knife') || a.includes('zabić'))).toEqual([]);
});
