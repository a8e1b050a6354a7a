import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defaultPartner, partnershipRouting, projectRoot } from '../support/fixtures';
import { freePort, startPortalProcess, type PortalProcess } from '../support/portal-process';
import { startNeutralSite, type NeutralSite } from '../support/neutral-site';
import { tempDir } from '../support/temp';
import { admin, invitationLink, virtualAuthenticator } from '../support/workspace';
import { startJourney } from './fixtures';

// A reporter follows their report in Polish and talks with the partner working it, who never
// learns who they are; the code is never in an address, a log or the partner's view.
const { routing, byId } = partnershipRouting();
const asbPartner = defaultPartner(routing, 'asb');
const anonymous: Record<string, unknown> = { ...byId('asb').examples.valid[0].answers, description: 'Głośna muzyka co noc po północy.' };
delete anonymous.landlord;
const polish = JSON.parse(readFileSync(join(projectRoot, 'i18n', 'pl.json'), 'utf8')) as Record<string, string>;

let portal: PortalProcess;
let neutral: NeutralSite;
let env: Record<string, string>;
const dir = tempDir();
const site = () => env.PUBLIC_URL;

test.beforeAll(async () => {
  neutral = await startNeutralSite();
  const port = String(await freePort());
  env = { DATA_DIR: dir.path, PORT: port, PUBLIC_URL: `http://localhost:${port}`, EXIT_URL: neutral.url, RATE_LIMIT_SIGN_INS_PER_MINUTE: '0', RATE_LIMIT_FORM_STEPS_PER_MINUTE: '0', FORM_MIN_SECONDS: '0' };
  portal = await startPortalProcess(env);
});
test.afterAll(async () => {
  await portal.stop();
  await neutral.stop();
  dir.remove();
});

async function report(language: string): Promise<{ reference: string; followUpCode: string }> {
  const sent = await fetch(`${site()}/api/reports/asb`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify(anonymous) });
  expect(sent.status).toBe(201);
  return (await sent.json()) as { reference: string; followUpCode: string };
}

async function check(page: Page, path: string, reference: string, code: string) {
  await page.goto(`${site()}${path}`);
  await page.locator('#reference').fill(reference);
  await page.locator('#code').fill(code);
  await page.locator('form:has(#code) button').click();
}

test.describe.serial('following a report up', () => {
  let reference: string;
  let code: string;

  test('in Polish, with JavaScript off: reported anonymously, the reporter reads the partner’s message and replies, adds incidents and asks for the Case Review', async ({ browser }) => {
    // Reported anonymously through the Polish form, the code kept from its confirmation.
    const reporter = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await reporter.newPage();
    await startJourney(page, `${site()}/pl/report/asb`);
    await page.locator('input[name="kind"][value="noise"]').check();
    await page.locator('input[name="postcode"]').fill('PE1 1HQ');
    await page.locator('input[name="date-day"]').fill('28');
    await page.locator('input[name="date-month"]').fill('11');
    await page.locator('input[name="date-year"]').fill('2026');
    await page.locator('input[name="ongoing"][value="yes"]').check();
    await page.locator('textarea[name="description"]').fill(String(anonymous.description));
    await page.locator('input[name="reportedBefore"][value="no"]').check();
    await page.locator('input[name="contactChoice"][value="anonymous"]').check();
    await page.locator('button[value="check"]').click();
    await page.locator('button[value="send"]').click();
    reference = (await page.getByTestId('reference').textContent())!.trim();
    code = (await page.getByTestId('follow-up-code').textContent())!.trim();
    expect(page.url()).not.toContain(code);
    await check(page, '/pl/follow-up', reference, code);
    await expect(page).toHaveURL(`${site()}/pl/follow-up`);
    await expect(page.getByTestId('follow-up-status')).toHaveText(polish['followUp.status.new']);
    await expect(page.locator(`[data-testid="partner-${asbPartner.id}"]`)).toContainText(asbPartner.name);

    // The partner acknowledges and writes, choosing explicitly that it is for the reporter.
    const staff = await browser.newContext();
    const workspace = await staff.newPage();
    await admin(env, 'invite', asbPartner.id, asbPartner.staff[0]);
    await virtualAuthenticator(staff, workspace);
    await workspace.goto(await invitationLink(join(dir.path, 'mail'), asbPartner.staff[0]));
    await workspace.getByRole('button', { name: 'Register a passkey' }).click();
    await workspace.waitForURL(`${site()}/partners`);
    await workspace.goto(`${site()}/partners/reports/${reference}`);
    await expect(workspace.locator('body')).not.toContainText(code);
    await workspace.getByRole('button', { name: 'Acknowledge' }).click();
    await workspace.getByLabel(/A message to the reporter/).check();
    await workspace.getByLabel('Write').fill('Dziękujemy. Czy muzyka gra też w weekendy?');
    await workspace.getByRole('button', { name: 'Save' }).click();
    await expect(workspace.getByTestId('done')).toContainText('Message sent to the reporter');

    await page.reload();
    await expect(page.getByTestId('follow-up-status')).toHaveText(polish['followUp.status.acknowledged']);
    await expect(page.getByTestId('messages')).toContainText('Czy muzyka gra też w weekendy?');
    await page.locator(`#reply-${asbPartner.id}`).fill('Tak, w soboty do trzeciej w nocy.');
    await page.locator('form:has(textarea) button').first().click();
    await expect(page.getByTestId('messages')).toContainText('w soboty do trzeciej');

    // It happens again: each time joins the report, and at the partnership's threshold the
    // reporter is offered the ASB Case Review, in one step.
    await expect(page.getByTestId('case-review')).toHaveCount(0);
    const { minReports } = routing.repeats.caseReview;
    const today = new Date();
    for (let i = 1; i < minReports; i++) {
      await page.locator('#incident-day').fill(String(today.getUTCDate()));
      await page.locator('#incident-month').fill(String(today.getUTCMonth() + 1));
      await page.locator('#incident-year').fill(String(today.getUTCFullYear()));
      await page.locator('#incident-time').fill('23:30');
      await page.locator('#incident-what').fill(`Znowu muzyka, noc ${i}`);
      await page.locator('form:has(input[name="action"][value="incident"]) button').click();
      await expect(page.getByTestId('follow-up-done')).toHaveText(polish['followUp.incident.added']);
    }
    await expect(page.getByTestId('incidents')).toContainText(`Znowu muzyka, noc ${minReports - 1}`);
    await page.getByTestId('case-review').locator('button').click();
    await expect(page.getByTestId('case-review')).not.toContainText(polish['followUp.caseReview.ask']);
    await expect(page.getByTestId('case-review').locator('button')).toHaveCount(0);

    await workspace.goto(`${site()}/partners`);
    await expect(workspace.getByTestId('inbox')).toContainText('Reporter wrote');
    await workspace.goto(`${site()}/partners/reports/${reference}`);
    await expect(workspace.getByTestId('incidents')).toContainText('Znowu muzyka, noc 1');
    await workspace.goto(`${site()}/partners/reports/${reference}`);
    await expect(workspace.getByTestId('messages')).toContainText('w soboty do trzeciej');
    // The partner never sees the code, and learns nothing the reporter did not write.
    await expect(workspace.locator('body')).not.toContainText(code);
    await reporter.close();
    await staff.close();
  });

  test('Exit this page, then Back, shows nothing of the report, its messages or the code', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await check(page, '/follow-up', reference, code);
    await expect(page.getByTestId('messages')).toContainText('weekendy');
    await page.locator('.govuk-exit-this-page__button').first().click();
    await expect(page).toHaveTitle('Weather');
    for (let i = 0; i < 3; i++) {
      await page.goBack().catch(() => undefined);
      await page.waitForLoadState();
      const shows = `${await page.content()}\n${await page.evaluate(() => [...document.querySelectorAll('input')].map((f) => f.value).join('\n'))}`;
      for (const secret of ['weekendy', 'soboty', code, reference]) expect(shows, `after ${i + 1} Back`).not.toContain(secret);
    }
    await context.close();
  });

  test('five wrong codes lock that reference for an hour, and say so; the right code then waits too', async ({ page }) => {
    const other = await report('en');
    for (let i = 0; i < 4; i++) {
      await check(page, '/follow-up', other.reference, 'AAAA-BBBB-CCCC-DDDD');
      await expect(page.locator('.govuk-error-summary')).toContainText('The reference or the follow-up code is not right');
    }
    await check(page, '/follow-up', other.reference, 'AAAA-BBBB-CCCC-DDDD');
    await expect(page.locator('.govuk-error-summary')).toContainText('Try again in 60 minutes');
    await check(page, '/follow-up', other.reference, other.followUpCode);
    await expect(page.locator('.govuk-error-summary')).toContainText('Try again in');
    // Another reference is not affected.
    await check(page, '/follow-up', reference, code);
    await expect(page.getByTestId('messages')).toBeVisible();
  });

  test('no code, reference-and-code pair or reply is in the server’s log', () => {
    const output = portal.output();
    expect(output).toContain('/follow-up');
    expect(output).not.toContain(code);
    expect(output).not.toContain(code.replace(/-/g, ''));
    expect(output).not.toContain('soboty');
    expect(output).not.toContain('weekendy');
  });

  test.describe('checked by axe', () => {
    // axe is injected as an inline script, which the portal's CSP rightly refuses.
    test.use({ bypassCSP: true });
    test('the follow-up page, asking and showing, has no axe violations, and Urdu fits a 320 px phone', async ({ page }) => {
      const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      const found: string[] = [];
      const audit = async (label: string) => {
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        found.push(...violations.map((v) => `${label} ${v}`));
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > 320) found.push(`${label} is ${wide} px wide`);
      };
      await page.setViewportSize({ width: 320, height: 740 });
      await page.goto(`${site()}/ur/follow-up`);
      await audit('ur asking');
      await check(page, '/ur/follow-up', reference, code);
      await expect(page.getByTestId('messages')).toBeVisible();
      await audit('ur showing');
      // The partner's English name keeps its brackets in place inside the Urdu sentences around it.
      await expect(page.locator(`#partner-${asbPartner.id} bdi`)).toHaveText(asbPartner.name);
      await expect(page.locator(`label[for="reply-${asbPartner.id}"]`)).toContainText(`\u2068${asbPartner.name}\u2069`);
      await page.goto(`${site()}/follow-up?error=wrong`);
      await audit('en error');
      expect(found).toEqual([]);
    });
  });
});
