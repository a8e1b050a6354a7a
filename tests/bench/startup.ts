import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { partnershipFile, projectRoot } from '../support/fixtures';
import { treeRssMb } from './chat';
import { freePort } from '../support/portal-process';
import { tempDir } from '../support/temp';

/** Milliseconds from `npm start` (its script, build present) to the first healthy answer, and its memory then. */
async function startOnce(): Promise<{ ms: number; rssMb: number }> {
  const dir = tempDir();
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'start.mjs')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir.path, PARTNERSHIP_FILE: partnershipFile() },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the portal exited while starting');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    return { ms, rssMb: treeRssMb(child.pid!) };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    dir.remove();
  }
}

export async function startupBench(runs = 5): Promise<string[]> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce());
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  return [
    `Start to healthy (npm start's script with the build present, ${runs} starts): median ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
    `  server memory once healthy (RSS): ${Math.max(...results.map((r) => r.rssMb)).toFixed(0)} MB at most`,
  ];
}
