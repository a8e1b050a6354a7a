import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesHash, stampFile } from '../../scripts/sources.mjs';
import { partnershipFile, projectRoot } from './fixtures';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// The compiled server, as `npm start` runs it, in one process of its own: a SIGKILL meant to
// crash the server kills the server (a wrapper such as tsx would leave it running).
const SERVER = [join(projectRoot, 'dist', 'server-core', 'main.mjs')];

/** A test of a stale build would test yesterday's code: say so rather than pass or fail by it. */
function checkBuild(): void {
  const stamp = stampFile(projectRoot);
  const built = existsSync(stamp) ? (JSON.parse(readFileSync(stamp, 'utf8')) as { sources: string }).sources : undefined;
  if (built !== sourcesHash(projectRoot, partnershipFile())) {
    throw new Error(`The build is not of these sources and this partnership: run PARTNERSHIP_FILE=${partnershipFile()} npm run build (npm test does)`);
  }
}

export interface PortalProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the portal exactly as `npm start` does, in its own process, with the given settings. */
export async function startPortalProcess(env: Record<string, string>): Promise<PortalProcess> {
  checkBuild();
  const port = env.PORT ?? String(await freePort());
  let output = '';
  const child = spawn(process.execPath, SERVER, {
    cwd: projectRoot,
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', PARTNERSHIP_FILE: partnershipFile(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`portal did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the portal expecting it to refuse to start; returns its exit code and what it printed. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  checkBuild();
  const child = spawn(process.execPath, SERVER, {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PARTNERSHIP_FILE: partnershipFile(), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}
