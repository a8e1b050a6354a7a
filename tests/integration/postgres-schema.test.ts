import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../api/store/schema';
import { openStore } from '../../api/store/store';
import { freshDatabase, startPostgres, type TestPostgres } from '../support/postgres';

let cluster: TestPostgres;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(() => cluster.stop());

describe('the schema on PostgreSQL', () => {
  it('is made once when two processes start on an empty database together', async () => {
    const url = await freshDatabase(cluster);
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    await stores[0].saveChatState('someone', '{}', 1);
    expect(await stores[2].chatState('someone', 1, 1000)).toBe('{}');
    for (const store of stores) await store.close();
  });

  it('refuses, in one line naming the database and never its password, a database a newer portal made', async () => {
    const url = await freshDatabase(cluster);
    await (await openStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`UPDATE meta SET value = $1 WHERE name = 'schema-version'`, [String(SCHEMA_VERSION + 1)]);
    await client.end();
    const refusal = await openStore(url).catch((err: Error) => err.message);
    expect(refusal).toBe(
      `DATABASE_URL (${new URL(url).host}${new URL(url).pathname}): made by a newer version of the portal (schema ${SCHEMA_VERSION + 1}, this one needs ${SCHEMA_VERSION})`,
    );
    expect(refusal).not.toContain(new URL(url).password);
  });

  it('migrates a schema 9 database: its outbox lines are indexed, and what was waiting is claimed by its line', async () => {
    const url = await freshDatabase(cluster);
    await (await openStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP INDEX deliveries_line`);
    await client.query(`UPDATE meta SET value = '9' WHERE name = 'schema-version'`);
    await client.query(`INSERT INTO reports (id, reference, type, locale, answers, created_at) VALUES (1, 'ASB-NINE-NNNN', 'asb', 'en', '{}', 1764000000000)`);
    await client.query(`INSERT INTO deliveries (report_id, kind, partner_id, recipient, status, next_attempt_at) VALUES (1, 'report', 'council-asb', 'asb@example.org', 'pending', 0)`);
    const store = await openStore(url);
    const lines = await store.dueLines(1);
    expect(lines).toEqual([{ partnerId: 'council-asb', channel: 'email', audience: 'partner' }]);
    expect(await store.claimDue(1, 60_000, 5, 'a-sender', lines[0])).toMatchObject([{ kind: 'report', partnerId: 'council-asb' }]);
    await store.close();
    expect((await client.query(`SELECT value FROM meta WHERE name = 'schema-version'`)).rows).toEqual([{ value: String(SCHEMA_VERSION) }]);
    expect((await client.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'deliveries_line'`)).rowCount).toBe(1);
    await client.end();
  });

  it('refuses a store sealed with REPORT_KEY when started without it, as on SQLite', async () => {
    const url = await freshDatabase(cluster);
    const key = Buffer.alloc(32, 9);
    await (await openStore(url, { reportKey: key })).close();
    await expect(openStore(url)).rejects.toThrow(/its reports are encrypted: set REPORT_KEY/);
    await (await openStore(url, { reportKey: key })).close();
  });
});
