import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startNeutralSite, type NeutralSite } from '../support/neutral-site';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

type Portal = PortalProcess & { dataDir: string; reportCount: () => number };

/** One portal per worker, run as `npm start` runs it, sending to a real SMTP server in the test. */
export const test = base.extend<object, { portal: Portal; smtp: TestSmtp; neutral: NeutralSite }>({
  neutral: [
    async ({}, use) => {
      const site = await startNeutralSite();
      await use(site);
      await site.stop();
    },
    { scope: 'worker' },
  ],
  smtp: [
    async ({}, use) => {
      const smtp = await startSmtp();
      await use(smtp);
      await smtp.stop();
    },
    { scope: 'worker' },
  ],
  portal: [
    async ({ smtp, neutral }, use) => {
      const dir = tempDir();
      // One browser makes every test's reports: per-client limits are tested on their own.
      const portal = await startPortalProcess({
        DATA_DIR: dir.path,
        SMTP_URL: smtp.url,
        EXIT_URL: neutral.url,
        RATE_LIMIT_REPORTS_PER_MINUTE: '0',
        RATE_LIMIT_FORM_STEPS_PER_MINUTE: '0',
        RATE_LIMIT_CHAT_PER_MINUTE: '0',
        RATE_LIMIT_SEARCHES_PER_MINUTE: '0',
        FORM_MIN_SECONDS: '0',
      });
      const reportCount = () => {
        const db = new Database(join(dir.path, 'portal.db'), { readonly: true });
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
        } finally {
          db.close();
        }
      };
      await use({ ...portal, dataDir: dir.path, reportCount });
      await portal.stop();
      dir.remove();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

/** Opens a report journey and answers the urgency gate: not in danger now. */
export async function startJourney(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#q-danger-no').check();
  await page.locator('button[value="gate"]').click();
}
