import type { Browser, Page } from '@playwright/test';
import { expect, startJourney, test } from './fixtures';

// What a victim types, and must never see again after leaving by Exit this page.
const NAME = 'Kasia Sekretna';
const NOTES = 'Never say it is the Hub calling';

/** Everything on the page a person behind them could read: its text and every field's value. */
async function whatShows(page: Page): Promise<string> {
  const fields = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((f) => f.value).join('\n'),
  );
  return `${await page.content()}\n${fields}`;
}

/** Presses the browser's Back, as someone checking the phone would, and looks each time. */
async function pressBackAndLook(page: Page, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.goBack().catch(() => undefined);
    await page.waitForLoadState();
    seen.push(await whatShows(page));
  }
  return seen;
}

async function fillVictimsHub(page: Page) {
  await page.locator('#q-fullName').fill(NAME);
  await page.locator('input[name="ageGroup"][value="25-64"]').check();
  await page.locator('#q-name').fill('Kasia');
  await page.locator('#q-phone').fill('07700 900456');
  await page.locator('#q-contactNotes').fill(NOTES);
  await page.locator('input[name="crimeType"][value="domestic-abuse"]').check();
  await page.locator('input[name="reportedToPolice"][value="no"]').check();
  await page.locator('input[name="supportWanted"][value="safety"]').check();
  await page.locator('input[name="interpreter"][value="no"]').check();
  await page.locator('input[name="consentShare"]').check();
  await page.locator('input[name="consentSpecialist"][value="no"]').check();
}

async function leave(page: Page, how: 'button' | 'shift') {
  if (how === 'button') await page.locator('.govuk-exit-this-page__button').first().click();
  else {
    await page.locator('h1').first().click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  }
  await expect(page).toHaveTitle('Weather');
}

async function newPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
  return { context, page: await context.newPage() };
}

for (const javaScriptEnabled of [true, false]) {
  for (const how of javaScriptEnabled ? (['button', 'shift'] as const) : (['button'] as const)) {
    test(`shows nothing typed after Exit this page (${how}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}) and Back, from check your answers`, async ({ browser, portal }) => {
      const { context, page } = await newPage(browser, javaScriptEnabled);
      await page.goto(`${portal.url}/advice/domestic-abuse`);
      await startJourney(page, `${portal.url}/report/victims-hub`);
      await fillVictimsHub(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your report');
      expect(await whatShows(page)).toContain(NAME);
      await leave(page, how);
      for (const seen of await pressBackAndLook(page, 4)) {
        expect(seen).not.toContain(NAME);
        expect(seen).not.toContain(NOTES);
      }
      await context.close();
    });
  }

  test(`shows nothing typed after Exit this page and Back, from a half-filled form (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, portal }) => {
    const { context, page } = await newPage(browser, javaScriptEnabled);
    await startJourney(page, `${portal.url}/pl/report/hate-crime`);
    await page.locator('#q-description').fill(NOTES);
    // Sent once with errors: the typed words are now in the server's draft too.
    await page.locator('button[value="check"]').click();
    await expect(page.locator('#q-description')).toHaveValue(NOTES);
    await page.locator('#q-offenders').fill(NAME);
    await leave(page, 'button');
    for (const seen of await pressBackAndLook(page, 3)) {
      expect(seen).not.toContain(NAME);
      expect(seen).not.toContain(NOTES);
    }
    await context.close();
  });
}

test('shows nothing typed in the chat after its own Exit this page and Back', async ({ page, portal }) => {
  await page.goto(`${portal.url}/`);
  await page.goto(`${portal.url}/advice/fraud-and-scams`);
  await page.locator('[data-chat-open]').click();
  await page.locator('.app-chat__reply').nth(2).click(); // the Victims' Hub
  await page.locator('.app-chat__reply', { hasText: 'No' }).click();
  await page.locator('#chat-input').fill(NAME);
  await page.locator('.app-chat__form button').click();
  await expect(page.locator('.app-chat__log')).toContainText(NAME);
  // The chat carries Exit this page even on a page that has none of its own.
  await page.locator('.app-chat__window').getByRole('button', { name: 'Emergency Exit this page' }).click();
  await expect(page).toHaveTitle('Weather');
  const [home] = await pressBackAndLook(page, 1);
  expect(home).not.toContain(NAME);
  await expect(page).toHaveURL(`${portal.url}/`);
  // Nor does the conversation come back when the chat is opened again.
  await page.locator('[data-chat-open]').click();
  await expect(page.locator('.app-chat__log')).toContainText('What would you like to do?');
  expect(await whatShows(page)).not.toContain(NAME);
});

test('the chat window carries Exit this page by Shift three times on a page without one', async ({ page, portal }) => {
  await page.goto(`${portal.url}/ur/`);
  await expect(page.locator('.govuk-exit-this-page')).toHaveCount(0); // the home page has none of its own
  await page.locator('[data-chat-open]').click();
  await expect(page.locator('.app-chat__window .govuk-exit-this-page__button')).toBeVisible();
  await page.locator('#chat-input').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expect(page).toHaveTitle('Weather');
});

// What someone frightened searches for, in their own language.
const SEARCHED = 'mąż mnie bije';

/** What a person behind them could read, the address bar included. */
async function whatShowsWithAddress(page: Page): Promise<string> {
  return `${decodeURIComponent(page.url()).replaceAll('+', ' ')}\n${await whatShows(page)}`;
}

for (const javaScriptEnabled of [true, false]) {
  test(`shows nothing searched for after Exit this page and Back, though Back before it keeps the search (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, portal }) => {
    const { context, page } = await newPage(browser, javaScriptEnabled);
    await page.goto(`${portal.url}/pl/`);
    await page.goto(`${portal.url}/pl/search`);
    await page.locator('#search-q').fill(SEARCHED);
    await page.locator('#search-q').press('Enter');
    // Words of danger to a person put the safety page first; the advice comes next.
    await expect(page.locator('#search-results .app-search-results li a').first()).toHaveAttribute('href', '/pl/help');
    const advice = page.locator('#search-results a[href="/pl/advice/domestic-abuse"]');
    // The results page's address does not carry the words.
    expect(decodeURIComponent(page.url()).replaceAll('+', ' ')).not.toContain('bije');
    await advice.click();
    await expect(page).toHaveURL(/\/pl\/advice\/domestic-abuse$/);
    // Before leaving, Back finds the search as it was: nothing is lost for the person.
    await page.goBack();
    await expect(page.locator('#search-q')).toHaveValue(SEARCHED);
    await expect(advice).toBeVisible();
    await page.goForward();
    await expect(page).toHaveURL(/\/pl\/advice\/domestic-abuse$/);
    await leave(page, 'button');
    for (let i = 0; i < 4; i++) {
      await page.goBack().catch(() => undefined);
      await page.waitForLoadState();
      expect(await whatShowsWithAddress(page)).not.toContain('bije');
    }
    await context.close();
  });
}

test('shows nothing searched for after Exit this page on the search page itself, results shown as typed', async ({ browser, portal }) => {
  const { context, page } = await newPage(browser, true);
  await page.goto(`${portal.url}/ur/`);
  await page.goto(`${portal.url}/ur/search`);
  await page.locator('#search-q').pressSequentially('شوہر مارتا ہے', { delay: 20 });
  await expect(page.locator('#search-results .app-search-results li a').first()).toHaveAttribute('href', '/ur/advice/domestic-abuse');
  // The search page carries Exit this page, and Shift three times works there too.
  await leave(page, 'shift');
  for (const seen of await pressBackAndLook(page, 3)) expect(seen).not.toContain('مارتا');
  await context.close();
});
