import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../support/fixtures';

// What the compiled server imports (dist/server-core/main.mjs), and the Astro pages it serves.
const DEPENDENCIES = [
  'hono',
  '@hono/node-server',
  'better-sqlite3',
  'zod',
  'yaml',
  'i18next',
  'pino',
  'nodemailer',
  'lunr',
  'botkit',
  'botbuilder-adapter-web',
  pathToFileURL(join(projectRoot, 'dist', 'server', 'entry.mjs')).href,
];

/** Memory and time each dependency costs when imported alone into a fresh Node process. */
export function dependencyCosts(): string[] {
  const probe = (specifier: string) => {
    const script = `const before = process.memoryUsage().rss; const t0 = performance.now();
      await import(${JSON.stringify(specifier)});
      console.log(JSON.stringify({ mb: (process.memoryUsage().rss - before) / 1048576, ms: performance.now() - t0 }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { mb: number; ms: number };
  };
  const lines = ['What each dependency costs at start (imported alone into a fresh Node process):', '  dependency                 RSS MB   import ms'];
  for (const dependency of DEPENDENCIES) {
    const { mb, ms } = probe(dependency);
    const name = dependency.startsWith('file:') ? 'the Astro pages (dist/server)' : dependency;
    lines.push(`  ${name.padEnd(26)} ${mb.toFixed(1).padStart(6)} ${ms.toFixed(0).padStart(11)}`);
  }
  lines.push('  (Botkit and botbuilder-adapter-web are loaded on the first chat message, not at start.)');
  return lines;
}
