import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../api/store/sqlite';
import { tempDir } from '../support/temp';

// Reports that arrive together share one commit: each must still be kept before it is answered,
// and one that fails must take no other with it.
let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.remove());

function fileWithTable() {
  dir = tempDir();
  const file = join(dir.path, 'commit.db');
  const sql = openSqlite(file);
  sql.db.exec('CREATE TABLE kept (name TEXT PRIMARY KEY)');
  return { file, sql };
}

describe('SQLite transactions that arrive together', () => {
  it('are each on disk, seen by another connection, before their own promise resolves', async () => {
    const { file, sql } = fileWithTable();
    const seenAtAnswer: boolean[] = [];
    const reader = new Database(file, { readonly: true });
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        sql
          .tx(async (q) => {
            await q.run('INSERT INTO kept (name) VALUES (?)', [`report ${n}`]);
          })
          .then(() => seenAtAnswer.push(Boolean(reader.prepare('SELECT 1 FROM kept WHERE name = ?').get(`report ${n}`)))),
      ),
    );
    reader.close();
    await sql.close();
    expect(seenAtAnswer).toEqual(Array(20).fill(true));
  });

  it('undo only the work that failed: the others in the same commit are kept', async () => {
    const { file, sql } = fileWithTable();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        sql.tx(async (q) => {
          await q.run('INSERT INTO kept (name) VALUES (?)', [`report ${n}`]);
          // Half done when it fails: its first row must go too.
          if (n === 4) await q.run('INSERT INTO kept (name) VALUES (?)', ['report 0']);
          return n;
        }),
      ),
    );
    await sql.close();
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((outcomes[4] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    const db = new Database(file, { readonly: true });
    const names = (db.prepare('SELECT name FROM kept ORDER BY rowid').all() as { name: string }[]).map((r) => r.name);
    db.close();
    expect(names).toEqual(['report 0', 'report 1', 'report 2', 'report 3', 'report 5', 'report 6', 'report 7', 'report 8', 'report 9']);
  });

  it('let reads and relaxed writes through between commits, and a later transaction still commits', async () => {
    const { sql } = fileWithTable();
    const first = sql.tx((q) => q.run('INSERT INTO kept (name) VALUES (?)', ['a report']));
    const relaxed = sql.relaxed.run('INSERT INTO kept (name) VALUES (?)', ['a claim']);
    await Promise.all([first, relaxed]);
    await sql.tx((q) => q.run('INSERT INTO kept (name) VALUES (?)', ['another report']));
    expect(await sql.all('SELECT name FROM kept ORDER BY name')).toEqual([{ name: 'a claim' }, { name: 'a report' }, { name: 'another report' }]);
    await sql.close();
  });
});
