import type { Page } from '@playwright/test';
import { partnershipRouting } from '../support/fixtures';
import { expect, startJourney, test } from './fixtures';

const partnership = partnershipRouting();
const [housingProvider] = partnership.routing.housingProviders;
const providerName = partnership.routing.partners.find((p) => p.id === housingProvider)!.name;

async function fillReport(page: Page, description: string) {
  await page.getByLabel('Drug dealing or drug use').check();
  await page.getByLabel('Postcode').fill('pe1 1hq');
  await page.getByLabel(providerName).check();
  await page.getByLabel('Day').fill('20');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('group', { name: 'Is it still happening?' }).getByLabel('No').check();
  await page.getByLabel('Tell us what happened').fill(description);
  await page.getByRole('group', { name: 'Have you reported this before?' }).getByLabel('No', { exact: true }).check();
  await page.getByRole('group', { name: 'Can we contact you about this?' }).getByLabel('Yes, here are my details').check();
  await page.getByLabel('Your name').fill('Alex Example');
  await page.getByLabel('Phone number').fill('07700 900123');
  await page.getByLabel('Text message').check();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`the ASB form with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('shows errors, then checks answers, then sends the report to its partners', async ({ page, portal, smtp }) => {
      await startJourney(page, `${portal.url}/report/asb`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report anti-social behaviour');

      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveTitle(/^There is a problem: Report anti-social behaviour/);
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('link', { name: 'Select what kind of anti-social behaviour it is' })).toBeVisible();
      await expect(summary.getByRole('link', { name: 'Enter a postcode or a street, or describe the place' })).toBeVisible();

      const description = `Dealing from a car, test ${javaScriptEnabled ? 'js' : 'nojs'} ${Date.now()}`;
      await fillReport(page, description);
      await page.getByRole('button', { name: 'Continue' }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending your report');
      await expect(page.locator('.govuk-summary-list')).toContainText('PE1 1HQ');
      await expect(page.locator('.govuk-summary-list')).toContainText('20 November 2026');

      const before = smtp.received.length;
      await page.getByRole('button', { name: 'Send report' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
      const reference = (await page.getByTestId('reference').textContent())!;
      expect(reference).toMatch(/^ASB-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // The private follow-up code, readable aloud: no 0, O, 1 or I; never in the address.
      const code = (await page.getByTestId('follow-up-code').textContent())!;
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
      expect(page.url()).not.toContain(code);

      const mails = (await smtp.waitFor(before + 3)).slice(before);
      // The partnership's ASB team, its police and the housing provider, as its rules say.
      const sent = { kind: 'drugs', landlord: housingProvider };
      expect(mails.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort()).toEqual(partnership.recipients('asb', sent));
      expect(mails).toHaveLength(3);
      for (const mail of mails) {
        expect(mail.subject).toBe(`ASB report ${reference}: Drug dealing or drug use, PE1`);
        expect(mail.text).toContain(description);
        expect(mail.text).not.toContain(code);
      }
    });
  });
}

test('keeps the answers when the reporter goes back to change them', async ({ page, portal }) => {
  await startJourney(page, `${portal.url}/report/asb`);
  await fillReport(page, 'Keep me');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Change your answers' }).click();
  await expect(page.getByLabel('Tell us what happened')).toHaveValue('Keep me');
  await expect(page.getByLabel('Postcode')).toHaveValue('PE1 1HQ');
  await expect(page.getByLabel('Text message')).toBeChecked();
});

test('refuses a form post from another site', async ({ portal }) => {
  const res = await fetch(`${portal.url}/report/asb`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'action=check',
  });
  expect(res.status).toBe(403);
});
