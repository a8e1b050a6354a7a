import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { partnershipFile, projectRoot } from '../../support/fixtures';
import { tempDir } from '../../support/temp';

const dirs: { remove: () => void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));

/** A copy of the project to build with one change, so the real content is never touched. */
function fixtureProject(change: (root: string) => void): { root: string; build: (env?: Record<string, string>) => { status: number | null; output: string } } {
  const dir = tempDir();
  dirs.push(dir);
  for (const part of ['api', 'content', 'i18n', 'site', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, part), join(dir.path, part), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir.path, 'node_modules'));
  change(dir.path);
  return {
    root: dir.path,
    build(env = {}) {
      const result = spawnSync(join(dir.path, 'node_modules', '.bin', 'astro'), ['build'], {
        cwd: dir.path,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      });
      // Colour codes appear when CI forces colour; the words are what matter.
      return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
    },
  };
}

describe('building guidance content', () => {
  it('fails on a wrong front-matter field, naming the file and the field', () => {
    const project = fixtureProject((root) => {
      const file = join(root, 'content/guidance/pl/cyber-crime.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('sensitive: true', 'sensitive: maybe'));
    });
    const { status, output } = project.build();
    expect(status).not.toBe(0);
    expect(output).toContain('content/guidance/pl/cyber-crime.md');
    expect(output).toMatch(/sensitive: Expected type `"boolean"`, received `"string"`/);
  }, 120_000);

  it('shows a topic missing in a language in English, with a notice in the reader’s language', () => {
    const project = fixtureProject((root) => rmSync(join(root, 'content/guidance/pl/modern-slavery.md')));
    const { status, output } = project.build();
    expect(status, output).toBe(0);
    const page = readFileSync(join(project.root, 'dist/client/pl/advice/modern-slavery/index.html'), 'utf8');
    const polish = JSON.parse(readFileSync(join(projectRoot, 'i18n/pl.json'), 'utf8')) as Record<string, string>;
    expect(page).toContain('<html lang="pl"');
    expect(page).toContain(polish['site.fallback'] ?? 'site.fallback missing from pl.json');
    expect(page).toMatch(/<div class="govuk-grid-row" lang="en" dir="ltr">/);
    expect(page).toContain('Modern slavery');
  }, 120_000);
});

describe('building with the partnership file', () => {
  it('fails when the legal pages lack a field, naming the file, the line and the field', () => {
    const project = fixtureProject(() => undefined);
    const broken = join(project.root, 'partnership.yaml');
    const file = parse(readFileSync(partnershipFile(), 'utf8'));
    delete file.legal.controllers;
    writeFileSync(broken, stringify(file));
    const { status, output } = project.build({ PARTNERSHIP_FILE: broken });
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line \\d+: legal.controllers: Required`));
  }, 120_000);
});

