import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { freePort, startPortalProcess, type PortalProcess } from '../support/portal-process';
import { tempDir } from '../support/temp';
import { admin, invitationLink, partnerEmail, virtualAuthenticator } from '../support/workspace';
import { defaultPartner, partnershipRouting } from '../support/fixtures';

// Passkeys belong to a site name, and an IP address is not one: the workspace is opened at
// localhost, as a newcomer opens it, with PUBLIC_URL saying so.
const { routing, byId } = partnershipRouting();
const asbPartner = defaultPartner(routing, 'asb');
const hatePartner = routing.partners.find((p) => p.id !== asbPartner.id && p.staff.length > 0 && routing.rules.some((r) => r.report === 'hate-crime' && !r.when && r.to.includes(p.id)))!;
const officer = asbPartner.staff[0];
const detective = hatePartner.staff[0];
const answers = byId('asb').examples.valid[0].answers;

let portal: PortalProcess;
let env: Record<string, string>;
const dir = tempDir();
let reference: string;
const links: string[] = [];

test.beforeAll(async () => {
  const port = String(await freePort());
  env = { DATA_DIR: dir.path, PORT: port, PUBLIC_URL: `http://localhost:${port}`, RATE_LIMIT_SIGN_INS_PER_MINUTE: '0' };
  portal = await startPortalProcess(env);
  const sent = await fetch(`${portal.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers) });
  reference = ((await sent.json()) as { reference: string }).reference;
});
test.afterAll(async () => {
  await portal.stop();
  dir.remove();
});

const site = () => env.PUBLIC_URL;

async function register(page: Page, email: string, partnerId: string): Promise<void> {
  const invited = await admin(env, 'invite', partnerId, email);
  expect(invited.out).toContain(`Invited ${email}`);
  await virtualAuthenticator(page.context(), page);
  const link = await invitationLink(join(dir.path, 'mail'), email);
  links.push(link);
  await page.goto(link);
  await page.getByRole('button', { name: 'Register a passkey' }).click();
  await page.waitForURL(partnerId === 'partnership' ? `${site()}/partners/admin` : `${site()}/partners`);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
async function violations(page: Page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test.describe.serial('the partners’ workspace', () => {
  test('invite, register a passkey, see the report with this partner’s answers only, acknowledge and close it', async ({ page }) => {
    await register(page, officer, asbPartner.id);
    const inbox = page.getByTestId('inbox');
    await expect(inbox).toContainText(reference);
    await expect(inbox).toContainText('New');
    await page.getByRole('link', { name: reference }).click();

    // Exactly the answers this partner's email holds: one field filter for both.
    const email = await partnerEmail(join(dir.path, 'mail'), asbPartner.email, reference);
    const labels = [...email.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    expect(labels.length).toBeGreaterThan(3);
    const shown = await page.locator('[data-testid="safe-contact"] dt, [data-testid="answers"] dt').allInnerTexts();
    expect(shown).toEqual(labels);

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.getByTestId('done')).toHaveText('Report acknowledged.');
    await expect(page.getByTestId('status')).toHaveText('Acknowledged');
    await page.getByLabel(/A note for .* only/).check();
    await page.getByLabel('Write').fill('Visited the block; spoke to the caretaker.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('done')).toHaveText('Note added.');
    await expect(page.getByTestId('notes')).toContainText('spoke to the caretaker');
    await page.getByLabel('Resolved').check();
    await page.getByRole('button', { name: 'Close report' }).click();
    await expect(page.getByTestId('status')).toHaveText('Closed');
    await expect(page.getByTestId('history')).toContainText('closed: Resolved');

    // Back after the close shows the page as it is now, not a stored copy.
    await page.goBack();
    await expect(page.getByTestId('status')).toHaveText('Closed');
  });

  test('the hate crime team cannot open the ASB report, by link or by guessed address, and the refusal is recorded', async ({ page }) => {
    await register(page, detective, hatePartner.id);
    await expect(page.getByTestId('inbox-empty')).toBeVisible();
    const response = await page.goto(`${site()}/partners/reports/${reference}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Report not found');
    await expect(page.locator('body')).not.toContainText(String(answers.description));
    const guessed = await page.goto(`${site()}/partners/reports/ASB-AAAA-AAAA`);
    expect(guessed?.status()).toBe(404);
    const db = new Database(join(dir.path, 'portal.db'), { readonly: true });
    const refused = db.prepare(`SELECT actor, reference FROM audit WHERE action = 'refused' ORDER BY id`).all() as { actor: string; reference: string }[];
    db.close();
    expect(refused).toEqual([
      { actor: detective, reference },
      { actor: detective, reference: 'ASB-AAAA-AAAA' },
    ]);
  });

  test('an invitation works once, and a used one says so in one line', async ({ page }) => {
    const link = await invitationLink(join(dir.path, 'mail'), officer);
    await page.goto(link);
    await expect(page.getByTestId('invitation-error')).toHaveText('This invitation has been used already. Ask your administrator for a new one.');
  });

  test('sign out, then sign in again with the passkey; another staff member’s address with it is refused', async ({ page }) => {
    await register(page, officer, asbPartner.id); // a second invitation: each test is a fresh browser
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.locator('.govuk-notification-banner')).toContainText('You have signed out.');
    expect((await page.goto(`${site()}/partners`))?.url()).toContain('/partners/sign-in');

    // The passkey on this device is the officer's: offered for the detective's address, it is refused.
    await page.getByLabel('Work email address').fill(detective);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.locator('#passkey-error')).toBeVisible();
    await expect(page).toHaveURL(/sign-in/);

    await page.getByLabel('Work email address').fill(officer);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(`${site()}/partners`);
    await expect(page.getByText(`Signed in as ${officer}`)).toBeVisible();
  });

  test.describe('checked by axe', () => {
    // axe is injected as an inline script, which the portal's CSP rightly refuses.
    test.use({ bypassCSP: true });
    test('every workspace page has no axe violations, and none is wider than a 320 px phone', async ({ page, browser }) => {
      await register(page, officer, asbPartner.id);
      const fresh = await fetch(`${portal.url}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...answers, description: 'Shouting in the stairwell.' }) });
      const other = ((await fresh.json()) as { reference: string }).reference;
      const found: string[] = [];
      for (const width of [1024, 320]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/partners', `/partners/reports/${other}`, '/partners/reports/ASB-AAAA-AAAA', '/partners/admin']) {
          await page.goto(`${site()}${path}`);
          for (const v of await violations(page)) found.push(`${width} ${path} ${v}`);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          if (wide > width) found.push(`${width} ${path} is ${wide} px wide`);
        }
      }
      // The administrator's figures, charts and audit trail, with the reports above in them, on their own device.
      const own = await browser.newContext({ bypassCSP: true });
      page = await own.newPage();
      await register(page, routing.workspace.administrators[0], 'partnership');
      for (const width of [1024, 320]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/partners/admin', '/partners/admin/audit']) {
          await page.goto(`${site()}${path}`);
          for (const v of await violations(page)) found.push(`${width} ${path} ${v}`);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          if (wide > width) found.push(`${width} ${path} is ${wide} px wide`);
          await page.screenshot({ path: test.info().outputPath(`${width}${path.replace(/\//g, '-')}.png`), fullPage: true });
        }
      }
      await expect(page.getByTestId('audit')).toContainText('viewed');
      await page.context().clearCookies();
      await page.goto(`${site()}/partners/sign-in`);
      for (const v of await violations(page)) found.push(`sign-in ${v}`);
      expect(found).toEqual([]);
    });
  });

  test('acknowledged with the keyboard alone', async ({ page }) => {
    await register(page, officer, asbPartner.id);
    await page.goto(`${site()}/partners`);
    const row = page.getByTestId('inbox').locator('tr', { hasText: 'New' }).first();
    const ref = (await row.locator('a').innerText()).trim();
    await row.locator('a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site()}/partners/reports/${ref}`);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Acknowledge')) break;
    }
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status')).toHaveText('Acknowledged');
  });

  test('the server’s log holds no note, no answer and no invitation’s token', () => {
    const output = portal.output();
    expect(output).toContain('workspace action');
    expect(output).not.toContain('caretaker');
    expect(output).not.toContain(String(answers.description));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(output).not.toContain(new URL(link).pathname.split('/').at(-1)!);
  });
});
