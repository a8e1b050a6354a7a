import type { Page } from '@playwright/test';
import { definitions } from '../../api/report-types';
import { expect, test } from './fixtures';

// The portal's languages (Playwright cannot load i18n/index.ts, whose catalogs are JSON modules).
const locales = ['en', 'pl', 'lt', 'ro', 'pt', 'ur'];

// WCAG 1.4.10 Reflow: nothing scrolls sideways on a 320 px screen, in any language or direction.
test.use({ viewport: { width: 320, height: 640 } });

const widerThanScreen = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return document.documentElement.scrollWidth > width ? `${document.documentElement.scrollWidth}px` : undefined;
  });

/** A definition's example answers as the form would post them. */
function formFields(answers: Record<string, unknown>): string {
  const body = new URLSearchParams({ action: 'check' });
  for (const [id, value] of Object.entries(answers)) {
    if (value === undefined || id === 'danger') continue;
    if (Array.isArray(value)) for (const v of value) body.append(id, String(v));
    else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      const [year, month, day] = String(value).split('-');
      body.append(`${id}-day`, day);
      body.append(`${id}-month`, month);
      body.append(`${id}-year`, year);
    } else body.append(id, String(value));
  }
  return body.toString();
}

test('no page of the sitemap scrolls sideways at 320 px', async ({ page, portal }) => {
  test.setTimeout(180_000);
  const xml = await (await fetch(`${portal.url}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(`${portal.url}${path}`);
    const width = await widerThanScreen(page);
    if (width) wide.push(`${path} ${width}`);
  }
  expect(wide).toEqual([]);
});

test('no step of any report form scrolls sideways at 320 px, in any language', async ({ page, portal }) => {
  test.setTimeout(240_000);
  const wide: string[] = [];
  const look = async (label: string) => {
    const width = await widerThanScreen(page);
    if (width) wide.push(`${label} ${width}`);
  };
  for (const locale of locales) {
    for (const definition of definitions) {
      const form = `${portal.url}${locale === 'en' ? '' : `/${locale}`}/report/${definition.id}`;
      const post = (data: string) =>
        page.request.post(form, { data, headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
      await page.goto(form);
      await look(`${form} gate`);
      await page.goto(`${form}?step=danger`);
      await look(`${form} danger`);
      await post('action=gate&danger=no');
      await page.goto(`${form}?step=questions`);
      await look(`${form} questions`);
      await post('action=check');
      await page.goto(`${form}?step=questions`);
      await expect(page.locator('.govuk-error-summary')).toBeVisible();
      await look(`${form} questions with errors`);
      await post(formFields(definition.examples.valid.at(-1)!.answers));
      await page.goto(`${form}?step=check`);
      await expect(page.locator('.govuk-summary-list')).toBeVisible();
      await look(`${form} check`);
      await post('action=send');
      await page.goto(`${form}?step=sent`);
      await expect(page.getByTestId('reference')).toBeVisible();
      await look(`${form} sent`);
    }
  }
  expect(wide).toEqual([]);
});

test('the open chat window fits a 320 px screen, right to left too', async ({ page, portal }) => {
  for (const path of ['/', '/ur/']) {
    await page.goto(`${portal.url}${path}`);
    await page.locator('[data-chat-open]').click();
    await expect(page.locator('.app-chat__reply').first()).toBeVisible();
    expect(await widerThanScreen(page), path).toBeUndefined();
  }
});
