import { expect, test } from './fixtures';

test('the language switcher keeps the reader on the same page', async ({ page, portal }) => {
  await page.goto(`${portal.url}/advice/fraud-and-scams`);
  await page.getByRole('link', { name: 'Polski' }).click();
  await expect(page).toHaveURL(`${portal.url}/pl/advice/fraud-and-scams`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(`${portal.url}/advice/fraud-and-scams`);
});

test('Urdu pages read right to left', async ({ page, portal }) => {
  await page.goto(`${portal.url}/ur/advice/hate-crime`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const direction = await page.locator('main h1').evaluate((el) => getComputedStyle(el).direction);
  expect(direction).toBe('rtl');
  // The text itself starts at the right: its right edge meets the heading box's right edge.
  const edges = await page.locator('main h1').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return { text: range.getBoundingClientRect(), box: el.getBoundingClientRect() };
  });
  expect(Math.abs(edges.box.right - edges.text.right)).toBeLessThan(2);
  expect(edges.text.left - edges.box.left).toBeGreaterThan(2);
});

test('Urdu pages mirror their columns: the advice starts at the right, "Who can help" beside it on the left', async ({ page, portal }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  for (const [path, dir] of [['/advice/domestic-abuse', 'ltr'], ['/ur/advice/domestic-abuse', 'rtl']] as const) {
    await page.goto(`${portal.url}${path}`);
    const main = await page.locator('.govuk-grid-column-two-thirds').first().boundingBox();
    const side = await page.locator('.govuk-grid-column-one-third').first().boundingBox();
    // Side by side, not one under the other.
    expect(side!.y, path).toBeLessThan(main!.y + main!.height / 4);
    if (dir === 'rtl') expect(side!.x + side!.width, path).toBeLessThanOrEqual(main!.x + 1);
    else expect(main!.x + main!.width, path).toBeLessThanOrEqual(side!.x + 1);
  }
  // Nastaliq needs tall lines, and the Urdu fonts come first.
  const text = await page.locator('.app-prose p').first().evaluate((el) => ({ font: getComputedStyle(el).fontFamily, line: parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize) }));
  expect(text.font).toMatch(/^"Noto Nastaliq Urdu"/);
  expect(text.line).toBeGreaterThan(1.7);
});

test.describe('exit this page', () => {
  test('leads to a neutral site and clears what the browser held for the portal', async ({ page, portal }) => {
    await page.goto(`${portal.url}/advice/domestic-abuse`);
    await page.evaluate(() => sessionStorage.setItem('portal-chat', 'conversation id'));
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await expect(page).toHaveTitle('Weather');
    await page.goto(`${portal.url}/advice/fraud-and-scams`);
    expect(await page.evaluate(() => sessionStorage.getItem('portal-chat'))).toBeNull();
  });

  test('works from the keyboard: Shift pressed three times', async ({ page, portal }) => {
    await page.goto(`${portal.url}/pl/advice/domestic-abuse`);
    await page.locator('h1').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await expect(page).toHaveTitle('Weather');
  });

  test('works without JavaScript', async ({ browser, portal }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${portal.url}/advice/hate-crime`);
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await expect(page).toHaveTitle('Weather');
    await context.close();
  });
});
