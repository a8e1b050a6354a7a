import pg from 'pg';
import type { Params, Queries, Sql } from './sql';

// COUNT and SUM come back as int8 and numeric, which pg gives as strings to keep precision
// beyond 2^53; every number here (ms times, counts) fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/** PostgreSQL through a pool of connections, shared by every process pointed at the database. */
export function openPostgres(url: string): Sql {
  // Ten connections a process: more than a 2-core server keeps busy, few enough for several processes.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (a restart, a fail-over) is replaced on the next query.
  pool.on('error', () => {});
  const on = (client: pg.Pool | pg.PoolClient): Queries => ({
    async get<T>(sql: string, params?: Params) {
      const [text, values] = positional(sql, params);
      return (await client.query(text, values)).rows[0] as T | undefined;
    },
    async all<T>(sql: string, params?: Params) {
      const [text, values] = positional(sql, params);
      return (await client.query(text, values)).rows as T[];
    },
    async run(sql: string, params?: Params) {
      const [text, values] = positional(sql, params);
      return (await client.query(text, values)).rowCount ?? 0;
    },
    async exec(script: string) {
      await client.query(script);
    },
  });
  const direct = on(pool);
  let ending: Promise<void> | undefined;
  return {
    dialect: 'postgres',
    pool,
    ...direct,
    // A single statement is its own transaction; relaxing one needs a transaction to scope it.
    relaxed: direct,
    async tx(work, options) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // What a power cut may undo (see Sql.relaxed) does not wait for the log to reach the disk.
        if (options?.relaxed) await client.query('SET LOCAL synchronous_commit = off');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async checkpoint() {},
    // Closing twice is harmless, as better-sqlite3's is.
    close() {
      ending ??= pool.end();
      return ending;
    },
  };
}

/**
 * The store's statements name their parameters `@name` or number them `?` (SQLite's styles);
 * PostgreSQL numbers them `$1`. Quoted text is left alone.
 */
export function positional(sql: string, params?: Params): [string, unknown[]] {
  const values: unknown[] = [];
  const named = new Map<string, number>();
  let next = 0;
  const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"])*"|@(\w+)|\?/g, (token, name: string | undefined) => {
    if (token.startsWith("'") || token.startsWith('"')) return token;
    if (name === undefined) {
      values.push((params as unknown[])[next++]);
      return `$${values.length}`;
    }
    if (!named.has(name)) {
      const value = (params as Record<string, unknown>)[name];
      values.push(value === undefined ? null : value);
      named.set(name, values.length);
    }
    return `$${named.get(name)}`;
  });
  return [text, values];
}
