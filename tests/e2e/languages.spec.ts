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
