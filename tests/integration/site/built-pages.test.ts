import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/fixtures';
import { locales } from '../../../i18n';
import { builtPage, helplineList, sitemapPaths } from '../../support/built-site';

// Reads the build that `npm test` makes before the tests run.
const paths = sitemapPaths();
// Report journeys, search and the legal pages (made from the partnership file the server runs
// with) render on demand; everything else is prerendered.
const prerendered = paths.filter((p) => !/\/(report\/[^/]+|search|accessibility|privacy)$/.test(p));
const digits = (s: string) => s.replace(/\D/g, '');

/** Visible text of a page, without tags, attributes or scripts. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

// UK numbers (0xxxx xxxxxx, +44…) and short codes (999, 101, 116 123, 7726, 18000, 159…).
const PHONE_LIKE = /(?<![\d.£-])(?:(?:\+44\s?|0)\d(?:[\s]?\d){8,9}|999|112|1\d\d(?:\s?\d{3})?|7726|1800[01]|159|55)(?![\d.%-])/g;

describe('the built site', () => {
  it('lists every page in every language in the sitemap', () => {
    // Every English page has its version in each other language.
    const english = paths.filter((p) => !locales.some((l) => l !== 'en' && p.startsWith(`/${l}/`)));
    expect(paths).toHaveLength(english.length * locales.length);
    for (const locale of locales.filter((l) => l !== 'en')) {
      for (const path of english) expect(paths, `${locale} ${path}`).toContain(`/${locale}${path}`);
    }
    expect(paths).toContain('/');
    expect(paths).toContain('/ur/advice/domestic-abuse');
    expect(paths).toContain('/pl/report/asb');
    for (const path of prerendered) expect(builtPage(path), path).toBeDefined();
  });

  it('shows no phone number that is not in the helpline list', () => {
    const allowed = new Set(
      helplineList()
        .filter((h) => h.verified)
        .flatMap((h) => [h.phone, h.text, ...(h.mentions ?? []).flatMap((m) => [m, ...m.split(' ')])])
        .filter((n): n is string => Boolean(n))
        .map(digits),
    );
    allowed.add('55'); // the Silent Solution's "press 55", part of its entry's explanation
    const unknown: string[] = [];
    for (const path of prerendered) {
      for (const match of textOf(builtPage(path)!).matchAll(PHONE_LIKE)) {
        if (!allowed.has(digits(match[0]))) unknown.push(`${path}: ${match[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('prints every verified phone number with a tel: link, and no unverified service at all', () => {
    const page = builtPage('/help')!;
    for (const h of helplineList()) {
      if (h.verified && h.phone) expect(page, h.id).toContain(`href="tel:${digits(h.phone)}"`);
    }
    const unverified = helplineList().filter((h) => !h.verified);
    expect(unverified.length).toBeGreaterThan(0);
    // Not by name either: a service nobody confirmed exists is not shown to the public.
    for (const h of unverified) expect(textOf(page), h.id).not.toContain(h.name);
  });

  it.each(locales)('sets lang and dir, and links every language version, on every %s page', (locale) => {
    for (const path of prerendered.filter((p) => (locale === 'en' ? !/^\/(pl|lt|ro|pt|ur)\//.test(p) : p.startsWith(`/${locale}/`)))) {
      const html = builtPage(path)!;
      expect(html, path).toContain(`<html lang="${locale}" dir="${locale === 'ur' ? 'rtl' : 'ltr'}"`);
      for (const other of locales) expect(html, path).toMatch(new RegExp(`<link rel="alternate" hreflang="${other}" href="[^"]+"`));
      expect(html, path).toContain('hreflang="x-default"');
    }
  });

  it('puts the exit button on sensitive topics and not on others (where only the chat window carries one)', () => {
    // The chat's own control waits in a <template> until the chat is opened.
    const onPage = (html: string | undefined) => (html ?? '').replace(/<template[\s\S]*?<\/template>/g, '');
    expect(onPage(builtPage('/advice/domestic-abuse'))).toContain('govuk-exit-this-page');
    expect(onPage(builtPage('/pl/advice/hate-crime'))).toContain('govuk-exit-this-page');
    expect(onPage(builtPage('/advice/fraud-and-scams'))).not.toContain('govuk-exit-this-page');
    expect(builtPage('/advice/fraud-and-scams')).toMatch(/<template data-chat-exit[^>]*>[\s\S]*govuk-exit-this-page__button/);
  });

  it('needs no JavaScript to read guidance: the text is in the page, and scripts only enhance it', () => {
    const html = builtPage('/advice/fraud-and-scams')!;
    expect(textOf(html)).toContain('Report Fraud');
    for (const script of html.match(/<script[^>]*>/g) ?? []) expect(script).toMatch(/type="module"/);
    // The chat offers itself only once its script runs.
    expect(html).toMatch(/<div class="app-chat" data-chat[^>]*hidden/);
  });

  it('bundles no copy of validation, form steps or formatting into on-demand pages: they use the running core', () => {
    const server = join(projectRoot, 'dist', 'server');
    const code = readdirSync(server, { recursive: true })
      .filter((f) => String(f).endsWith('.mjs'))
      .map((f) => readFileSync(join(server, String(f)), 'utf8'))
      .join('\n');
    expect(code).toContain('function localePath'); // the site's own code is there…
    for (const name of ['validateAnswers', 'checkAnswer', 'postStep', 'viewFor', 'formatAnswer', 'errorMessage']) {
      expect(code, name).not.toMatch(new RegExp(`function ${name}\\b`)); // …the core's is not
    }
  });
});
