import type { Page } from '@playwright/test';
import { expect, startJourney, test } from './fixtures';

async function reportNoise(page: Page, url: string, phone: string): Promise<string> {
  const today = new Date();
  await startJourney(page, url);
  await page.locator('input[name="kind"][value="noise"]').check();
  await page.locator('#q-postcode').fill('PE2 9ZZ');
  await page.locator('#q-date-day').fill(String(today.getUTCDate()));
  await page.locator('#q-date-month').fill(String(today.getUTCMonth() + 1));
  await page.locator('#q-date-year').fill(String(today.getUTCFullYear()));
  await page.locator('input[name="ongoing"][value="yes"]').check();
  await page.locator('#q-description').fill('Music all night again');
  await page.locator('input[name="reportedBefore"][value="yes"]').check();
  await page.locator('input[name="contactChoice"][value="contact"]').check();
  await page.locator('#q-name').fill('Sam');
  await page.locator('#q-phone').fill(phone);
  await page.locator('button[value="check"]').click();
  await page.locator('button[value="send"]').click();
  return (await page.getByTestId('reference').textContent())!;
}

test('a confirmation tells of the ASB Case Review as a right, and nothing of earlier reports, even on the third from one phone', async ({ page, portal }) => {
  const url = `${portal.url}/pl/report/asb`;
  const references: string[] = [];
  for (const phone of ['07700 900555', '+44 7700 900555', '07700900555']) {
    references.push(await reportNoise(page, url, phone));
    const notice = page.getByTestId('case-review');
    await expect(notice).toContainText('ASB Case Review');
    await expect(notice.getByRole('link')).toHaveAttribute('href', '/pl/advice/anti-social-behaviour');
    // Whoever typed this number may be the person being reported: no count, no other reference.
    const main = (await page.locator('main').textContent())!;
    for (const earlier of references.slice(0, -1)) expect(main).not.toContain(earlier);
    expect(main).toContain(references.at(-1)!);
  }
});
