// npm test: type-checks, then for each partnership the suite knows (a test fixture each, never
// the production file), builds the portal as that partnership and runs every test against it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(bin('tsc'), ['--noEmit']);
for (const partnership of ['peterborough', 'riverside']) {
  console.log(`\n=== The suite as the ${partnership} partnership ===\n`);
  const env = { PARTNERSHIP_FIXTURE: partnership, PARTNERSHIP_FILE: join(root, 'tests', 'fixtures', 'partnerships', `${partnership}.yaml`) };
  run(process.execPath, [join(root, 'scripts', 'build.mjs')], env);
  run(bin('vitest'), ['run'], env);
  run(bin('playwright'), ['test'], env);
}
