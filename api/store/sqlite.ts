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

  /** Runs `work` alone: every other call waits for it. */
  async function alone<T>(work: () => Promise<T>): Promise<T> {
    while (open) await open;
    let release!: () => void;
    open = new Promise((resolve) => (release = resolve));
    try {
      return await work();
    } finally {
      open = null;
      release();
    }
  }

  // Durable transactions that arrive together share one commit, and so one wait for the disk
  // (it was a quarter of the server's time taking reports). Each runs in a savepoint of its own,
  // so its failure undoes its work only, and none is answered before the commit that keeps it.
  const waiting: Waiting[] = [];
  let committing = false;
  async function commitTogether(): Promise<void> {
    committing = true;
    try {
      while (waiting.length > 0) {
        // What arrives in this turn of the event loop joins.
        await new Promise((resolve) => setImmediate(resolve));
        await alone(() => commitBatch(db, durable, waiting));
      }
    } finally {
      committing = false;
    }
  }

  return {
    dialect: 'sqlite',
    db,
    ...outside(durable),
    relaxed: outside(relaxed),
    async tx(work, options) {
      if (options?.relaxed) {
        return alone(async () => {
          try {
            relaxedDb.exec('BEGIN IMMEDIATE');
            const result = await work(relaxed);
            relaxedDb.exec('COMMIT');
            return result;
          } catch (err) {
            if (relaxedDb.inTransaction) relaxedDb.exec('ROLLBACK');
            throw err;
          }
        });
      }
      return new Promise((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!committing) void commitTogether();
      });
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

interface Waiting {
  work: (q: Queries) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

// A batch's transaction is open while its works run: a bound keeps every other call's wait short.
const MOST_IN_A_COMMIT = 64;

/** Runs the waiting works, up to the bound, in one transaction; answers each once it is kept, or not. */
async function commitBatch(db: Database.Database, q: Queries, waiting: Waiting[]): Promise<void> {
  const kept: [Waiting, unknown][] = [];
  const undone = (err: unknown) => {
    for (const [item] of kept) item.reject(err);
    try {
      if (db.inTransaction) db.exec('ROLLBACK');
    } catch {
      // Rolled back already by SQLite itself.
    }
  };
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    for (const item of waiting.splice(0, MOST_IN_A_COMMIT)) item.reject(err);
    return;
  }
  for (let n = 0; n < MOST_IN_A_COMMIT && waiting.length > 0; n++) {
    const item = waiting.shift()!;
    try {
      db.exec('SAVEPOINT work');
      const result = await item.work(q);
      db.exec('RELEASE work');
      kept.push([item, result]);
    } catch (err) {
      item.reject(err);
      // Some failures (a full disk) end the whole transaction: what the batch did is undone.
      if (!db.inTransaction) return undone(err);
      try {
        db.exec('ROLLBACK TO work');
        db.exec('RELEASE work');
      } catch (failed) {
        return undone(failed);
      }
    }
  }
  try {
    db.exec('COMMIT');
  } catch (err) {
    return undone(err);
  }
  for (const [item, result] of kept) item.resolve(result);
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
