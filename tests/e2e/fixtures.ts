import { test as base } from '@playwright/test';
import { startPortalProcess, type PortalProcess } from '../support/portal-process';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { tempDir } from '../support/temp';

/** One portal per worker, run as `npm start` runs it, sending to a real SMTP server in the test. */
export const test = base.extend<object, { portal: PortalProcess; smtp: TestSmtp }>({
  smtp: [
    async ({}, use) => {
      const smtp = await startSmtp();
      await use(smtp);
      await smtp.stop();
    },
    { scope: 'worker' },
  ],
  portal: [
    async ({ smtp }, use) => {
      const dir = tempDir();
      const portal = await startPortalProcess({ DATA_DIR: dir.path, SMTP_URL: smtp.url });
      await use(portal);
      await portal.stop();
      dir.remove();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
