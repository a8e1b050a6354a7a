import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../../api/intake/intake';
import { openStore } from '../../api/store/store';
import { noiseReportedBy } from '../support/core';
import { projectRoot } from '../support/fixtures';
import { freshDatabase, startPostgres, type TestPostgres } from '../support/postgres';
import { partnershipSetup } from '../support/setup';
import { tempDir } from '../support/temp';

const dir = tempDir();
let cluster: TestPostgres;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster.stop();
  dir.remove();
});

const SECRET = 'the-secret-this-portal-has-always-used-0123';
const setup = partnershipSetup();
const neighbour = (phone: string) => noiseReportedBy(phone, '2026-11-30');

function admin(env: Record<string, string>) {
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['api/server/admin.ts', 'migrate-to-postgres'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run admin -- migrate-to-postgres', () => {
  it('copies a live SQLite store into an empty PostgreSQL database, counts checked, and the portal carries on there', async () => {
    const dataDir = join(dir.path, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'match-secret'), SECRET);
    const now = () => new Date('2026-12-01T10:00:00Z');
    const sqlite = await openStore(join(dataDir, 'portal.db'));
    const deps = { store: sqlite, routing: setup.routing, now, matchSecret: Buffer.from(SECRET) };
    const first = await intake(deps, setup.byId('asb'), { answers: neighbour('07700 900777'), locale: 'pl' });
    await sqlite.saveChatState('someone', '{"step":"menu"}', now().getTime());
    await sqlite.close();
    expect(first.ok).toBe(true);
    const reference = first.ok ? first.reference : '';

    const database = await freshDatabase(cluster);
    const env = { DATA_DIR: dataDir, DATABASE_URL: database, MATCH_SECRET: SECRET };
    expect(admin({ ...env, MATCH_SECRET: 'another-secret-that-would-match-nothing-0123' })).toMatchObject({
      code: 1,
      err: expect.stringContaining('MATCH_SECRET must be the secret'),
    });

    const moved = admin(env);
    expect(moved.err).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/^reports\s+1$/m);
    expect(moved.out).toMatch(/^deliveries\s+\d+$/m);
    expect(moved.out).toContain("Copied 1 reports");
    expect(moved.out).toContain("every table's count matches");
    // Never the password in what it prints.
    expect(moved.out).not.toContain(new URL(database).password);

    const pg = await openStore(database);
    try {
      const copied = (await pg.reportByReference(reference))!;
      expect(copied).toMatchObject({ locale: 'pl', answers: { kind: 'noise', phone: '07700 900777' } });
      expect(await pg.deliveriesOf(copied.id)).toHaveLength(setup.routed('asb', neighbour('x')).length);
      expect(await pg.chatState('someone', now().getTime(), 60_000)).toBe('{"step":"menu"}');
      // The same neighbour again, now on PostgreSQL, until the partnership's threshold: matched
      // with the report made on SQLite, under new ids.
      let last;
      for (let n = 1; n < setup.routing.repeats.victim.minReports; n++) {
        const again = await intake({ ...deps, store: pg }, setup.byId('asb'), { answers: neighbour('+44 7700 900777'), locale: 'en' });
        last = (await pg.reportByReference(again.ok ? again.reference : ''))!;
        expect(last.id).toBeGreaterThan(copied.id);
      }
      expect(last!.flags.repeatVictim?.earlier[0]).toBe(reference);
    } finally {
      await pg.close();
    }

    // Run twice by mistake: the database is no longer empty, and nothing changes.
    expect(admin(env)).toMatchObject({ code: 1, err: expect.stringContaining(`is not empty (reports holds ${setup.routing.repeats.victim.minReports} rows)`) });
  }, 60_000);
});
