import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'portal';
// PostgreSQL refuses to run as root, so as root (here and in CI) the binaries run as `postgres`.
const asRoot = process.getuid?.() === 0;

const pathDirs = () => (process.env.PATH ?? '').split(delimiter).filter(Boolean);

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The directory holding initdb and pg_ctl: PATH first, else the newest Debian-packaged version. */
function findBinDir(): string {
  const hasBoth = (dir: string) => executable(join(dir, 'initdb')) && executable(join(dir, 'pg_ctl'));
  const onPath = pathDirs().find(hasBoth);
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = readdirSync(root).filter((v) => hasBoth(join(root, v, 'bin')));
  } catch {
    // No /usr/lib/postgresql at all.
  }
  versions.sort((a, b) => parseFloat(b) - parseFloat(a));
  if (versions.length > 0) return join(root, versions[0], 'bin');
  throw new Error('PostgreSQL server (initdb, pg_ctl) not found on PATH or under /usr/lib/postgresql/*/bin; install it, e.g. on Debian: apt-get install postgresql');
}

// runuser is in /usr/sbin, which a trimmed PATH may leave out.
let runuser: string | undefined;

/** The command line that runs a PostgreSQL binary as the right user. */
function as(bin: string, args: string[]): [string, string[]] {
  if (!asRoot) return [bin, args];
  runuser ??= [...pathDirs(), '/usr/sbin', '/sbin'].map((dir) => join(dir, 'runuser')).find(executable) ?? 'runuser';
  return [runuser, ['-u', 'postgres', '--', bin, ...args]];
}

function run(bin: string, args: string[], cwd: string): Promise<void> {
  const [command, argv] = as(bin, args);
  return new Promise((resolve, reject) =>
    // cwd is our temp dir: as `postgres`, the caller's working directory may not be readable.
    execFile(command, argv, { cwd }, (err, _stdout, stderr) => (err ? reject(new Error(`${basename(bin)} failed: ${stderr.trim() || err.message}`)) : resolve())),
  );
}

/** A port free right now: the kernel picks one for a throwaway listener, which we close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Clusters this process started and has not stopped. A run that ends without stop() (a crash, a
// forgotten afterAll) stops them on the way out. Vitest ends its fork workers with SIGTERM, which
// skips 'exit', so the usual ending signals are caught too, then re-raised to end the process.
const running = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const stopAll = () => {
  for (const stop of running) stop();
};
const listen = (on: boolean) => {
  process[on ? 'on' : 'off']('exit', stopAll);
  for (const signal of SIGNALS) process[on ? 'on' : 'off'](signal, onSignal);
};
const onSignal = (signal: NodeJS.Signals) => {
  stopAll();
  running.clear();
  listen(false);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};
function track(stop: () => void) {
  if (running.size === 0) listen(true);
  running.add(stop);
}
function untrack(stop: () => void) {
  running.delete(stop);
  if (running.size === 0) listen(false);
}

// pg_ctl hands -o to /bin/sh, so the socket directory is quoted for the shell.
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function createDatabase(url: string, name: string): Promise<string> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const made = new URL(url);
  made.pathname = `/${name}`;
  return made.toString();
}

/**
 * Starts a fresh cluster on 127.0.0.1 at a free port, with one empty database. Durable only when
 * asked (the benchmark, to compare like with like with SQLite's synchronous=FULL).
 */
export async function startPostgres({ durable = false } = {}): Promise<TestPostgres> {
  const bin = findBinDir();
  const initdb = join(bin, 'initdb');
  const pgCtl = join(bin, 'pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const pwfile = join(dir, 'pwfile');
  // A new password each run, and password auth even on loopback: never `trust`.
  const password = randomBytes(18).toString('base64url');
  let started = false;

  // Synchronous, so that it can run as the process ends.
  const stopNow = () => {
    if (started) spawnSync(...as(pgCtl, ['stop', '-m', 'immediate', '-w', '-D', data]), { cwd: dir, stdio: 'ignore' });
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  track(stopNow);

  try {
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (asRoot) execFileSync('chown', ['-R', 'postgres:', dir]);
    await run(initdb, ['-D', data, '-U', USER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C'], dir);
    rmSync(pwfile);

    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      // Loopback only, our own socket directory; durability off for speed unless asked, as the data is throwaway.
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-c port=${port}`,
        `-c unix_socket_directories=${shellQuote(dir)}`,
        ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      ].join(' ');
      try {
        await run(pgCtl, ['start', '-w', '-D', data, '-l', log, '-o', options], dir);
        started = true;
      } catch (err) {
        let output = '';
        try {
          output = readFileSync(log, 'utf8');
        } catch {
          // pg_ctl failed before the server wrote a log.
        }
        // Another process may take the port between freePort() and the bind: try another.
        if (attempt < 3 && /already in use/i.test(output)) continue;
        throw new Error(`${(err as Error).message}\n${output}`);
      }
    }

    const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const url = await createDatabase(base, 'portal_test');
    let stopping: Promise<void> | undefined;
    return {
      url,
      stop() {
        stopping ??= (async () => {
          untrack(stopNow);
          try {
            await run(pgCtl, ['stop', '-m', 'immediate', '-w', '-D', data], dir);
          } finally {
            // Even if pg_ctl failed, the data directory goes: a postmaster whose lock file vanishes shuts itself down.
            started = false;
            rmSync(dir, { recursive: true, force: true });
          }
        })();
        return stopping;
      },
    };
  } catch (err) {
    untrack(stopNow);
    stopNow();
    throw err;
  }
}

/** Makes one more empty database in the running cluster, returning its URL (for tests that need a clean database each). */
export function freshDatabase(cluster: TestPostgres | string): Promise<string> {
  return createDatabase(typeof cluster === 'string' ? cluster : cluster.url, `test_${randomBytes(6).toString('hex')}`);
}
