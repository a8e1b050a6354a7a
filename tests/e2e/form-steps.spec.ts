import { expect, startJourney, test } from './fixtures';

test('every step has a Back link, and the browser Back walks the steps with the answers kept', async ({ page, portal }) => {
  await page.goto(`${portal.url}/advice/anti-social-behaviour`);
  await page.goto(`${portal.url}/report/asb`);
  await expect(page.locator('.govuk-back-link')).toHaveAttribute('href', '/');
  await startJourney(page, `${portal.url}/report/asb`);
  await expect(page.locator('.govuk-back-link')).toHaveAttribute('href', '/report/asb');
  await page.getByLabel('Noise').check();
  await page.getByLabel('Postcode').fill('PE1 1HQ');
  await page.getByLabel('Day').fill('20');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('group', { name: 'Is it still happening?' }).getByLabel('Yes').check();
  await page.getByLabel('Tell us what happened').fill('Drums at 3am');
  await page.getByRole('group', { name: 'Have you reported this before?' }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('No, I want to stay anonymous').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your report');
  await expect(page.locator('.govuk-back-link')).toHaveAttribute('href', '/report/asb?step=questions');

  // The browser's own Back: the questions again, answers in place, no "Confirm form resubmission".
  await page.goBack();
  await expect(page.getByLabel('Tell us what happened')).toHaveValue('Drums at 3am');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your report');
  // And the page's Back link does the same.
  await page.locator('.govuk-back-link').click();
  await expect(page.getByLabel('Postcode')).toHaveValue('PE1 1HQ');
  await page.locator('.govuk-back-link').click();
  await expect(page.locator('#q-danger')).toBeVisible();
});

test('answers survive switching language in the middle of a form', async ({ page, portal }) => {
  await startJourney(page, `${portal.url}/report/hate-crime`);
  await page.locator('#q-description').fill('Ktoś krzyczał na mnie na przystanku');
  await page.locator('input[name="reporterRole"][value="victim"]').check();
  await page.locator('button[value="check"]').click(); // errors: other questions are missing
  await page.getByRole('link', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page).toHaveURL(`${portal.url}/pl/report/hate-crime?step=questions`);
  await expect(page.locator('#q-description')).toHaveValue('Ktoś krzyczał na mnie na przystanku');
  await expect(page.locator('input[name="reporterRole"][value="victim"]')).toBeChecked();
  await page.getByRole('link', { name: 'اردو' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#q-description')).toHaveValue('Ktoś krzyczał na mnie na przystanku');
});

test('the chat follows the reader from page to page, until they leave it', async ({ page, portal }) => {
  await page.goto(`${portal.url}/`);
  await page.locator('[data-chat-open]').click();
  await page.locator('.app-chat__reply').first().click(); // Report anti-social behaviour
  await page.locator('.app-chat__reply', { hasText: /^No$/ }).click();
  await expect(page.locator('.app-chat__log')).toContainText('What kind of anti-social behaviour is it?');
  // Following a link on the page, the conversation carries on where it was.
  await page.getByRole('link', { name: 'Get help now' }).first().click();
  await expect(page).toHaveURL(`${portal.url}/help`);
  await expect(page.locator('.app-chat__log')).toContainText('Welcome back');
  await expect(page.locator('.app-chat__log')).toContainText('What kind of anti-social behaviour is it?');
  await page.locator('.app-chat__reply', { hasText: 'Noise' }).click();
  await expect(page.locator('.app-chat__log')).toContainText('What is the postcode of the place?');
  // Closed by the reader, it stays closed on the next page.
  await page.getByRole('button', { name: 'Close chat' }).click();
  await page.goto(`${portal.url}/search`);
  await expect(page.locator('.app-chat__window')).toHaveCount(0);
});
