import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { definitions } from '../../api/report-types';
import { isShown } from '../../api/definitions/schema';
import { questionsOf, type Answers, type Definition } from '../../api/definitions/types';
import { expect, test } from './fixtures';

/** Types each answer into the chat window: option values, dates as "20 11 2026", "done" after a list. */
async function chat(page: Page, text: string) {
  const before = await page.locator('.app-chat__message').count();
  await page.locator('#chat-input').fill(text);
  await page.locator('.app-chat__form button').click();
  // Our own line, then at least one answer from the bot.
  await expect.poll(async () => page.locator('.app-chat__message').count()).toBeGreaterThan(before + 1);
}

/** Whether the server holds a conversation for this chat user. */
const chatStates = (dataDir: string, user: string | null) => {
  const db = new Database(join(dataDir, 'portal.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM chat_state WHERE user_id = ?').get(user) as { n: number }).n;
  } finally {
    db.close();
  }
};

for (const locale of ['en', 'pl']) {
  for (const definition of definitions) {
    test(`a ${definition.id} report made by chat in ${locale} reaches its partners`, async ({ page, portal, smtp }) => {
      // An example with contact details where there is one: it exercises the most questions.
      const example = definition.examples.valid.at(-1)!;
      await page.goto(`${portal.url}${locale === 'en' ? '' : `/${locale}`}/`);
      await page.locator('[data-chat-open]').click();
      await expect(page.locator('.app-chat__reply').first()).toBeVisible();
      await page.locator('.app-chat__reply').nth(definitions.indexOf(definition)).click(); // the menu lists the registry
      await expect(page.locator('.app-chat__reply')).toHaveCount(2); // the urgency gate: yes / no
      await answerInOrder(page, definition, example.answers);
      const before = smtp.received.length;
      await page.locator('.app-chat__reply').first().click(); // Send
      await expect(page.locator('.app-chat__log')).toContainText(/[A-Z]{3}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
      const reference = /([A-Z]{3}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await page.locator('.app-chat__log').textContent())!)![1];
      const mails = await smtp.waitFor(before + 1);
      expect(mails.slice(before).some((m) => m.subject?.includes(reference))).toBe(true);
    });
  }
}

/** Answers each shown question in definition order, as typed text; optional ones the example leaves out are skipped. */
async function answerInOrder(page: Page, definition: Definition, answers: Record<string, unknown>) {
  const given: Answers = {};
  for (const q of questionsOf(definition)) {
    if (q.kind === 'notice' || !isShown(q, given)) continue;
    const value = answers[q.id];
    if (value === undefined) await chat(page, q.kind === 'multichoice' ? 'done' : 'skip');
    else if (Array.isArray(value)) {
      for (const v of value) await chat(page, v);
      await chat(page, 'done');
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      const [y, m, d] = String(value).split('-');
      await chat(page, `${Number(d)} ${Number(m)} ${y}`);
    } else await chat(page, String(value));
    if (value !== undefined) given[q.id] = value as string | string[];
  }
}

test('leaving the chat clears it in the browser and on the server', async ({ page, portal }) => {
  await page.goto(`${portal.url}/advice/domestic-abuse`);
  await page.locator('[data-chat-open]').click();
  await page.locator('.app-chat__reply').first().click();
  const user = await page.evaluate(() => sessionStorage.getItem('portal-chat-user'));
  expect(user).toBeTruthy();
  await expect.poll(() => chatStates(portal.dataDir, user)).toBe(1);
  await page.getByRole('button', { name: 'Leave and clear this chat' }).click();
  await expect(page.locator('.app-chat__window')).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('portal-chat-user'))).toBeNull();
  await expect.poll(() => chatStates(portal.dataDir, user)).toBe(0);
});

test('leaving by Exit this page (Shift three times) ends the conversation on the server too', async ({ page, portal }) => {
  await page.goto(`${portal.url}/pl/advice/domestic-abuse`);
  await page.locator('[data-chat-open]').click();
  await page.locator('.app-chat__reply').first().click();
  const user = await page.evaluate(() => sessionStorage.getItem('portal-chat-user'));
  await expect.poll(() => chatStates(portal.dataDir, user)).toBe(1);
  await page.locator('h1').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expect(page).toHaveTitle('Weather');
  await expect.poll(() => chatStates(portal.dataDir, user)).toBe(0);
});

test('the chat window reads right to left in Urdu', async ({ page, portal }) => {
  await page.goto(`${portal.url}/ur/`);
  await page.locator('[data-chat-open]').click();
  await expect(page.locator('.app-chat__reply').first()).toBeVisible();
  expect(await page.locator('.app-chat__window').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

for (const [locale, question, topic] of [
  ['en', 'how can I keep my house safe from burglars', 'burglary-and-home-safety'],
  ['pl', 'jak zabezpieczyć dom przed włamaniem', 'burglary-and-home-safety'],
  ['en', 'what should I do if my son carries a knife', 'knife-crime-and-young-people'],
] as const) {
  test(`the chat answers "${question}" with the advice on it (${locale})`, async ({ page, portal }) => {
    await page.goto(`${portal.url}${locale === 'en' ? '' : `/${locale}`}/`);
    await page.locator('[data-chat-open]').click();
    await expect(page.locator('.app-chat__reply').first()).toBeVisible();
    await chat(page, question);
    await expect(page.locator(`.app-chat__window a[href$="/advice/${topic}"]`).first()).toBeVisible();
  });
}

test('on a phone in Urdu, words that lean towards danger are asked about, and one tap gives 999', async ({ page, portal }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`${portal.url}/ur/`);
  await page.locator('[data-chat-open]').click();
  await expect(page.locator('.app-chat__reply').first()).toBeVisible();
  // "My husband gets very angry, what should I do": not sure enough to be called abuse, so asked.
  await chat(page, 'mera shohar bohat ghussa karta hai kya karun');
  await expect(page.locator('.app-chat__log')).toContainText('کیا آپ یا کوئی اور اس وقت خطرے میں ہے؟');
  await page.locator('.app-chat__reply', { hasText: 'ہاں' }).first().click();
  await expect(page.locator('.app-chat__log')).toContainText('999');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
