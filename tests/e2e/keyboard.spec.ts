import type { Page } from '@playwright/test';
import { expect, startJourney, test } from './fixtures';

/** Presses Tab until the focused element matches, failing if it is never reached. */
async function tabTo(page: Page, selector: string, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by keyboard`);
}

test('the home page can be walked with Tab alone, in order, with visible focus', async ({ page, portal }) => {
  await page.goto(portal.url);
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"])')].map((el) => el.outerHTML),
  );
  const visited: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
      return { html: el.outerHTML, visible };
    });
    expect(focused.visible, focused.html).toBe(true);
    visited.push(focused.html);
  }
  expect(visited).toEqual(expected);
  expect(visited[0]).toContain('govuk-skip-link');
});

test('the ASB form can be completed and sent with the keyboard alone', async ({ page, portal }) => {
  await page.goto(`${portal.url}/report/asb`);
  await tabTo(page, '#q-danger');
  await page.keyboard.press('ArrowRight'); // No
  await tabTo(page, 'button[value="gate"]');
  await page.keyboard.press('Enter');
  await page.locator('#q-kind').waitFor();
  await tabTo(page, '#q-kind');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown'); // Harassment or intimidation
  await tabTo(page, '#q-postcode');
  await page.keyboard.type('PE1 1HQ');
  await tabTo(page, '#q-date-day');
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await tabTo(page, '#q-ongoing');
  await page.keyboard.press('Space');
  await tabTo(page, '#q-description');
  await page.keyboard.type('Shouting at us in the street every evening.');
  await tabTo(page, '#q-reportedBefore');
  await page.keyboard.press('Space');
  await tabTo(page, '#q-contactChoice');
  await page.keyboard.press('ArrowDown'); // stay anonymous
  await tabTo(page, 'button[value="check"]');
  await page.keyboard.press('Enter');
  await page.locator('button[value="send"]').waitFor();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your report');
  await expect(page.locator('.govuk-summary-list')).toContainText('Harassment or intimidation');
  await tabTo(page, 'button[value="send"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
});

test('the error summary takes focus, and its links move focus to the question', async ({ page, portal }) => {
  await startJourney(page, `${portal.url}/report/asb`);
  await page.locator('button[value="check"]').click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await tabTo(page, '.govuk-error-summary a[href="#q-date-day"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('#q-date-day')).toBeFocused();
});
