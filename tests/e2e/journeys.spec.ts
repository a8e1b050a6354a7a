import type { Page } from '@playwright/test';
import { partnershipRouting } from '../support/fixtures';
import { expect, startJourney, test } from './fixtures';

const partnership = partnershipRouting();

// Fields are found by id, so the same steps work in every language.
async function choose(page: Page, question: string, option: string) {
  await page.locator(`input[name="${question}"][value="${option}"]`).check();
}
async function fill(page: Page, question: string, text: string) {
  await page.locator(`#q-${question}`).fill(text);
}
async function fillDate(page: Page, question: string) {
  await page.locator(`#q-${question}-day`).fill('20');
  await page.locator(`#q-${question}-month`).fill('11');
  await page.locator(`#q-${question}-year`).fill('2026');
}
async function sendAndGetReference(page: Page): Promise<string> {
  await page.locator('button[value="check"]').click();
  await expect(page.locator('.govuk-summary-list')).toBeVisible();
  await page.locator('button[value="send"]').click();
  return (await page.getByTestId('reference').textContent())!;
}
const recipients = (mails: { to?: unknown }[]) =>
  mails.map((m) => (m.to as { text: string }).text).sort();

test('in danger now: the journey shows 999 and the Silent Solution, and stores nothing', async ({ page, portal }) => {
  const before = portal.reportCount();
  await page.goto(`${portal.url}/report/victims-hub`);
  await page.locator('#q-danger').check();
  await page.locator('button[value="gate"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Call 999 now');
  await expect(page.locator('main')).toContainText('press 55');
  expect(portal.reportCount()).toBe(before);
});

test('a hate crime reported by a witness reaches the partners the partnership’s rules name (Peterborough: the police and the Hate Crime Officer)', async ({ page, portal, smtp }) => {
  await startJourney(page, `${portal.url}/report/hate-crime`);
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeVisible();
  await choose(page, 'reporterRole', 'witness');
  await choose(page, 'motivation', 'religion');
  await choose(page, 'incidentType', 'graffiti');
  await choose(page, 'placeType', 'place');
  await fill(page, 'postcode', 'PE1 5AB');
  await fillDate(page, 'date');
  const account = `Graffiti on the mosque wall, ${Date.now()}`;
  await fill(page, 'description', account);
  await choose(page, 'injuries', 'no');
  await choose(page, 'contactChoice', 'anonymous');
  const before = smtp.received.length;
  const reference = await sendAndGetReference(page);
  expect(reference).toMatch(/^REF-/);
  const expected = partnership.recipients('hate-crime', { reporterRole: 'witness', contactChoice: 'anonymous' });
  const mails = (await smtp.waitFor(before + expected.length)).slice(before);
  expect(recipients(mails)).toEqual(expected);
  // A partner that reads reports in the workspace is told one waits, and not what it says.
  const notified = new Set(partnership.routing.partners.filter((p) => p.mail === 'notify').map((p) => p.email));
  for (const mail of mails) {
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
    if (notified.has(to)) {
      expect(mail.text).toContain(reference);
      expect(mail.text).not.toContain(account);
    } else expect(mail.text).toContain(account);
  }
});

test('a Victims’ Hub self-referral in Polish, with consent to a specialist, reaches both', async ({ page, portal, smtp }) => {
  await startJourney(page, `${portal.url}/pl/report/victims-hub`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await fill(page, 'fullName', 'Anna Przykład');
  await choose(page, 'ageGroup', '25-64');
  await fill(page, 'name', 'Anna');
  await fill(page, 'phone', '07700 900789');
  await choose(page, 'safeContact', 'text');
  await fill(page, 'contactNotes', 'Nie dzwonić');
  await choose(page, 'crimeType', 'domestic-abuse');
  await choose(page, 'reportedToPolice', 'no');
  await choose(page, 'supportWanted', 'safety');
  await choose(page, 'interpreter', 'yes');
  await page.locator('#q-consentShare').check();
  await choose(page, 'consentSpecialist', 'yes');
  const before = smtp.received.length;
  const reference = await sendAndGetReference(page);
  const mails = (await smtp.waitFor(before + 2)).slice(before);
  expect(recipients(mails)).toEqual(partnership.recipients('victims-hub', { crimeType: 'domestic-abuse', consentSpecialist: 'yes' }));
  expect(mails).toHaveLength(2); // the Victims' Hub, and the specialist service the person agreed to
  for (const mail of mails) {
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('The reporter used the portal in Polish.');
    expect(mail.text!.indexOf('Nie dzwonić')).toBeLessThan(mail.text!.indexOf('Domestic abuse'));
  }
});
