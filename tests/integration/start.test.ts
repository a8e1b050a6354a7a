import { spawn } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/fixtures';
import { formClient } from '../support/form-client';
import { freePort } from '../support/portal-process';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(() => dir.remove());

/** `npm start` (node scripts/start.mjs) in a copy of the project, until it is healthy. */
async function start(root: string) {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, PORT: String(port), DATA_DIR: join(root, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 150_000; ; ) {
    if (child.exitCode !== null) throw new Error(output);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error(`not healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
  return { url, output: () => output, stop };
}

/** The questions page of the ASB form, as a person reaches it. */
async function questionsPage(url: string): Promise<string> {
  const client = formClient(url);
  return (await client.post('/report/asb', { action: 'gate', danger: 'no' })).res.text();
}

describe('npm start', () => {
  it('builds when there is no build, and again when the sources changed, so new words show at once', async () => {
    const root = join(dir.path, 'project');
    for (const part of ['api', 'bot', 'site', 'content', 'i18n', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      cpSync(join(projectRoot, part), join(root, part), { recursive: true });
    }
    symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));

    const first = await start(root);
    expect(first.output()).toContain('No build found: building first');
    expect(await questionsPage(first.url)).toContain('Tell us about the people involved');
    await first.stop();

    // A partnership rewords a question: the next start rebuilds, and the form shows the new words.
    const catalog = join(root, 'i18n', 'en.json');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('"Tell us about the people involved"', '"Who was involved, if you know"'));
    const second = await start(root);
    expect(second.output()).toContain('The sources have changed since the last build: building again');
    expect(await questionsPage(second.url)).toContain('Who was involved, if you know');
    await second.stop();

    // Unchanged, it starts the compiled server straight away.
    const third = await start(root);
    expect(third.output()).not.toContain('building');
    await third.stop();
  }, 240_000);
});
