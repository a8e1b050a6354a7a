import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPage, clientDir } from '../../support/built-site';

const siteDir = join(import.meta.dirname, '..', '..', '..', 'site');
// Staff pages link the workspace sheet, which adds its own components to the portal's.
const staffOnly = (path: string) => path.startsWith('pages/partners/') || /(^|\/)(Workspace|workspace-)[^/]*$/.test(path);

// Each page, component and script (by its path under site/), with the GOV.UK classes it names.
const classesIn = (text: string) => new Set(text.match(/govuk-[a-z0-9!_-]*[a-z0-9]/g) ?? []);
const sources = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => /\.(astro|ts)$/.test(path) && !path.startsWith('styles/'))
  .map((path) => ({ path, classes: classesIn(readFileSync(join(siteDir, path), 'utf8')) }));
const named = new Set(sources.filter((s) => !staffOnly(s.path)).flatMap((s) => [...s.classes]));
const allNamed = new Set(sources.flatMap((s) => [...s.classes]));

function portalCss(): string {
  const home = builtPage('/') ?? '';
  const sheets = [...home.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return sheets.map((href) => readFileSync(join(clientDir, href), 'utf8')).join('\n');
}

describe("the residents' style sheet", () => {
  const css = portalCss();
  const defined = new Set([...css.matchAll(/\.(govuk-[a-z0-9_\\!-]+)/g)].map((m) => m[1].replace(/\\/g, '')));

  it('is linked from the home page', () => {
    expect(css.length).toBeGreaterThan(1000);
  });

  it("styles every GOV.UK component a resident's page names (one left out of the sheet renders unstyled)", () => {
    // A component is its block (govuk-tag for govuk-tag--blue): some of its elements have no rule
    // of their own (govuk-table__row), but a component with none at all was left out of the sheet.
    const block = (name: string) => name.split(/__|--/)[0];
    const styledBlocks = new Set([...defined].map(block));
    // JavaScript hooks and data-module values, not classes the sheet styles.
    const hook = (name: string) => name.startsWith('govuk-js-') || ['govuk-frontend', 'govuk-skip-link'].includes(name);
    const unstyled = [...named].filter((name) => !hook(name) && !(name.startsWith('govuk-!-') ? defined.has(name) : styledBlocks.has(block(name))));
    expect(unstyled).toEqual([]);
  });

  it('carries no GOV.UK override class that no page names', () => {
    const overrides = [...defined].filter((name) => name.startsWith('govuk-!-'));
    expect(overrides.filter((name) => !allNamed.has(name))).toEqual([]);
  });
});
