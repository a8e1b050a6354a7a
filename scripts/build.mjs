// npm run build: the site (Astro) and the server, compiled to JavaScript, and a stamp of the
// sources they were built from, so that `npm start` knows when to build again.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sourcesHash, stampFile } from './sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// No telemetry: Astro's is on by default.
const astro = spawnSync(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) {
  console.error('The site build failed: see the messages above.');
  process.exit(1);
}

// Every page, style, script and index compressed once, here, at the best settings, so the
// server sends files and does no compression per request (cheap phones, a small server).
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|map)$/;
const precompress = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) precompress(path);
    else if (COMPRESSIBLE.test(name)) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    }
  }
};
precompress(join(root, 'dist', 'client'));

// The server, bundled with its own code and words; packages stay in node_modules.
await build({
  entryPoints: { main: join(root, 'api/server/main.ts'), admin: join(root, 'api/server/admin.ts') },
  outdir: join(root, 'dist', 'server-core'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(stampFile(root), `${JSON.stringify({ sources: sourcesHash(root), builtAt: new Date().toISOString() }, null, 2)}\n`);
console.log('Built the site and the server (dist/).');
