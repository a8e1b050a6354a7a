import type { Pool } from 'pg';

// What the store asks of a database engine: a few calls, each a promise, so the same store runs
// on SQLite in the process (the embedded default) and on a PostgreSQL server several processes share.

/** Positional (`?`) or named (`@name`) parameters; values are numbers, strings, null or Buffers. */
export type Params = unknown[] | Record<string, unknown>;

export interface Queries {
  /** The first row, or undefined. */
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: Params): Promise<number>;
  /** Runs a script of several statements with no parameters (the schema). */
  exec(script: string): Promise<void>;
}

export interface Sql extends Queries {
  readonly dialect: 'sqlite' | 'postgres';
  /** PostgreSQL's pool, for what else the processes share through it (rate limits). */
  readonly pool?: Pool;
  /**
   * Runs `work` in one transaction: all of it is kept, or none of it. `work` uses only the
   * queries it is given (the store's other calls wait for the transaction to end).
   */
  tx<T>(work: (q: Queries) => Promise<T>, options?: { relaxed?: boolean }): Promise<T>;
  /**
   * The same calls, relaxed: for writes a power cut may undo without losing anything a person was
   * told was kept (a chat's place, the outbox's claims and outcomes), which do not wait for the disk.
   */
  readonly relaxed: Queries;
  /** Leaves no copy of deleted rows in the engine's log (SQLite's WAL); nothing to do elsewhere. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}
