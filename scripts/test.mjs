// npm test: type-checks, then for each partnership the suite knows (a test fixture each, never
// the production file), builds the portal as that partnership and runs every test against it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(bin('tsc'), ['--noEmit']);
// A store call not awaited is a report acknowledged and never kept: the promise rules catch it.
run(bin('eslint'), ['.']);

// Every test whose store comes from tests/support/core.ts (createCore or testStoreLocation: the
// store, intake, outbox, repeats, workspace, follow-up and chat on it) runs again on PostgreSQL,
// in a cluster the run starts.
const onTheCore = readdirSync(join(root, 'tests', 'integration'), { recursive: true })
  .filter((f) => f.endsWith('.test.ts') && /\b(createCore|testStoreLocation)\(/.test(readFileSync(join(root, 'tests', 'integration', f), 'utf8')))
  .map((f) => join('tests', 'integration', f));
for (const partnership of ['peterborough', 'riverside']) {
  console.log(`\n=== The suite as the ${partnership} partnership ===\n`);
  const env = { PARTNERSHIP_FIXTURE: partnership, PARTNERSHIP_FILE: join(root, 'tests', 'fixtures', 'partnerships', `${partnership}.yaml`) };
  run(process.execPath, [join(root, 'scripts', 'build.mjs')], env);
  run(bin('vitest'), ['run'], env);
  if (partnership === 'peterborough') {
    console.log(`\n=== The store's tests again on PostgreSQL (${onTheCore.length} files) ===\n`);
    run(bin('vitest'), ['run', ...onTheCore], { ...env, STORE_ENGINE: 'postgres' });
  }
  run(bin('playwright'), ['test'], env);
}
