import Database from 'better-sqlite3';
import type { Params, Queries, Sql } from './sql';

/**
 * SQLite through better-sqlite3, behind the store's promises. Two connections to one file: one
 * that waits for the disk on every commit (synchronous = FULL: a report acknowledged survives
 * power loss) and a relaxed one (NORMAL) for what a power cut may undo.
 */
export function openSqlite(file: string): Sql & { db: Database.Database } {
  const db = connect(file, 'FULL');
  // WAL: readers do not wait for a writer.
  db.pragma('journal_mode = WAL');
  const relaxedDb = connect(file, 'NORMAL');
  const durable = queries(db);
  const relaxed = queries(relaxedDb);

  // better-sqlite3 is synchronous, but a transaction's work is written with awaits: while one is
  // open, every other call waits for it, so nothing of another request's joins or interleaves it.
  let open: Promise<void> | null = null;
  const outside = (q: Queries): Queries => ({
    async get(sql, params) {
      while (open) await open;
      return q.get(sql, params);
    },
    async all(sql, params) {
      while (open) await open;
      return q.all(sql, params);
    },
    async run(sql, params) {
      while (open) await open;
      return q.run(sql, params);
    },
    async exec(script) {
      while (open) await open;
      return q.exec(script);
    },
  });

  return {
    dialect: 'sqlite',
    db,
    ...outside(durable),
    relaxed: outside(relaxed),
    async tx(work, options) {
      while (open) await open;
      let release!: () => void;
      open = new Promise((resolve) => (release = resolve));
      const connection = options?.relaxed ? relaxedDb : db;
      try {
        connection.exec('BEGIN IMMEDIATE');
        const result = await work(options?.relaxed ? relaxed : durable);
        connection.exec('COMMIT');
        return result;
      } catch (err) {
        if (connection.inTransaction) connection.exec('ROLLBACK');
        throw err;
      } finally {
        open = null;
        release();
      }
    },
    async checkpoint() {
      while (open) await open;
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      relaxedDb.close();
      db.close();
    },
  };
}

function connect(file: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(file);
  db.pragma(`synchronous = ${synchronous}`);
  // What is deleted is overwritten, not left in free pages for anyone with the file to read.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Each statement prepared once, by its text. */
function queries(db: Database.Database): Queries {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const args = (params?: Params) => (params === undefined ? [] : Array.isArray(params) ? params : [params]);
  return {
    async get<T>(sql: string, params?: Params) {
      return statement(sql).get(...args(params)) as T | undefined;
    },
    async all<T>(sql: string, params?: Params) {
      return statement(sql).all(...args(params)) as T[];
    },
    async run(sql: string, params?: Params) {
      const s = statement(sql);
      // A statement with RETURNING is run for its rows' count.
      return s.reader ? s.all(...args(params)).length : s.run(...args(params)).changes;
    },
    async exec(script: string) {
      db.exec(script);
    },
  };
}
