import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { locales } from '../../../i18n';
import { partnershipFile, partnershipRouting } from '../../support/fixtures';
import { startPortalProcess, type PortalProcess } from '../../support/portal-process';
import { tempDir } from '../../support/temp';

const dir = tempDir();
const { routing } = partnershipRouting();
const { legal } = routing;
let portal: PortalProcess;

const get = async (path: string, base = portal.url) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, html: await response.text() };
};
/** What a block made from the partnership file holds, by its data-block (and report type), as text. */
const block = (html: string, name: string, type?: string) => {
  const found = new RegExp(`<(ul|table|p)[^>]*data-block="${name}"${type ? ` data-type="${type}"` : ''}[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  expect(found, `block ${name} ${type ?? ''}`).not.toBeNull();
  return found![2].replace(/<[^>]+>/g, ' ');
};
const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

beforeAll(async () => {
  portal = await startPortalProcess({ DATA_DIR: join(dir.path, 'data'), RETENTION_DAYS: '45', CHAT_EXPIRY_MINUTES: '20' });
});
afterAll(async () => {
  await portal?.stop();
  dir.remove();
});

describe('the privacy notice, made from the partnership file in force', () => {
  it.each(locales)('in %s, names the controllers, their officers and how to reach them, with no blank left', async (locale) => {
    const { status, html } = await get(locale === 'en' ? '/privacy' : `/${locale}/privacy`);
    expect(status).toBe(200);
    expect(html).not.toContain('{{');
    const text = decode(html);
    for (const c of legal.controllers) {
      expect(text).toContain(c.name);
      expect(text).toContain(`mailto:${c.dpo}`);
    }
    expect(text).toContain(`mailto:${legal.contact.email}`);
    expect(text).toContain(legal.contact.post);
  });

  it('lists, for each type of report, every partner its rules send it to, and what a partner does not receive', async () => {
    const { html } = await get('/privacy');
    for (const type of new Set(routing.rules.map((r) => r.report))) {
      const listed = decode(block(html, 'recipients', type));
      for (const rule of routing.rules.filter((r) => r.report === type)) {
        for (const id of rule.to) expect(listed, `${type} → ${id}`).toContain(routing.partners.find((p) => p.id === id)!.name);
      }
    }
    if (routing.rules.some((r) => r.withheld?.length)) expect(html).toContain('It does not receive:');
  });

  it('gives the retention periods the portal runs with, and the ICO with the number from the helpline list', async () => {
    const { html } = await get('/privacy');
    const kept = decode(block(html, 'retention').replace(/\s+/g, ' '));
    expect(kept).toContain('45 days after every partner has received them');
    expect(kept).toContain('20 minutes after your last message');
    expect(kept).toContain(`${legal.logDays} days`);
    expect(html).toContain('href="tel:03031231113"');
  });

  it('shows a partner added to the partnership file, with no other change', async () => {
    const file = join(dir.path, 'with-a-new-partner.yaml');
    const changed = parse(readFileSync(partnershipFile(), 'utf8'));
    changed.partners.push({ id: 'new-mediation', name: 'Neighbourhood Mediation Service', email: 'mediation@example.org' });
    changed.rules.push({ report: 'asb', when: { kind: [changed.rules.find((r: { when?: { kind?: string[] } }) => r.when?.kind)?.when.kind[0] ?? 'noise'] }, to: ['new-mediation'] });
    writeFileSync(file, stringify(changed));
    const other = await startPortalProcess({ DATA_DIR: join(dir.path, 'other'), PARTNERSHIP_FILE: file });
    try {
      const { html } = await get('/privacy', other.url);
      expect(decode(block(html, 'recipients', 'asb'))).toContain('Neighbourhood Mediation Service');
    } finally {
      await other.stop();
    }
  });
});

describe('the accessibility statement, made from the partnership file', () => {
  it.each(locales)('in %s, says which site it covers, its status, its known failings and how it was tested', async (locale) => {
    const { status, html } = await get(locale === 'en' ? '/accessibility' : `/${locale}/accessibility`);
    expect(status).toBe(200);
    expect(html).not.toContain('{{');
    const text = decode(html);
    expect(text).toContain(legal.website);
    for (const issue of legal.accessibility.issues) expect(text).toContain(issue.criterion);
    for (const path of legal.accessibility.tested.sample) expect(html).toContain(`href="${path}"`);
    expect(block(html, 'methods').match(/<li/g) ?? block(html, 'methods')).toBeTruthy();
    expect(text).toContain(legal.accessibility.enforcement);
  });

  it('never calls the chat coming soon: it is live', async () => {
    const { html } = await get('/accessibility');
    expect(html).not.toMatch(/soon/i);
    expect(html).toContain('chat');
  });
});
