import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the site when no build is present, so `npm start` works on a fresh clone. */
export function buildIfMissing(root: string, distDir: string): void {
  if (existsSync(join(distDir, 'server', 'entry.mjs'))) return;
  console.log('No build found: building the site first (about a minute)…');
  const astro = join(root, 'node_modules', '.bin', 'astro');
  // No telemetry: Astro's is on by default.
  const result = spawnSync(astro, ['build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error('The site build failed: see the messages above.');
    process.exit(1);
  }
}
