// npm start: runs the compiled server, building first when there is no build or the sources
// have changed since it was made (a new question would otherwise show its raw words).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourcesHash, stampFile } from './sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = existsSync(stampFile(root)) ? JSON.parse(readFileSync(stampFile(root), 'utf8')).sources : undefined;
if (stamp !== sourcesHash(root)) {
  console.log(stamp ? 'The sources have changed since the last build: building again (about a minute)…' : 'No build found: building first (about a minute)…');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
await import(pathToFileURL(join(root, 'dist', 'server-core', 'main.mjs')).href);
