import { ConfigError } from '../config-error';
import type { Queries } from './sql';
import { openPostgresSchema, openSqliteSchema } from './store';

// Every table, each after those it refers to. Rows are copied as stored: sealed values stay
// sealed (the same REPORT_KEY opens them), ids and times unchanged.
const TABLES = [
  'meta',
  'reports',
  'match_records',
  'place_counts',
  'chat_state',
  'form_drafts',
  'deliveries',
  'cases',
  'case_notes',
  'audit',
  'invitations',
  'passkeys',
  'staff_sessions',
  'messages',
  'incidents',
  'case_review_requests',
  'follow_up_failures',
];
const WITH_IDS = ['reports', 'match_records', 'deliveries', 'case_notes', 'audit', 'messages', 'incidents'];
const BATCH = 500;

export type Copied = { table: string; rows: number }[];

/**
 * Copies a SQLite store into an empty PostgreSQL database, in one transaction, and checks each
 * table's count on both sides before it commits. The portal must be stopped meanwhile.
 */
export async function copyToPostgres(file: string, url: string): Promise<Copied> {
  const { sql: source } = await openSqliteSchema(file);
  const { sql: target, where } = await openPostgresSchema(url).catch(async (err: unknown) => {
    await source.close();
    throw err;
  });
  // The version row is the database's own, not copied.
  const rowsIn = async (q: Queries, table: string) =>
    (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} ${table === 'meta' ? `WHERE name <> 'schema-version'` : ''}`))!.n;
  try {
    return await target.tx(async (q) => {
      for (const table of TABLES) {
        const held = await rowsIn(q, table);
        if (held > 0) throw new ConfigError(where, `is not empty (${table} holds ${held} rows): copy into a new, empty database`);
      }
      const copied: Copied = [];
      for (const table of TABLES) {
        const rows = await source.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          const columns = Object.keys(batch[0]);
          const values = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
          await q.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flatMap((row) => columns.map((c) => row[c])));
        }
        const there = await rowsIn(q, table);
        if (there !== rows.length) throw new Error(`${table}: ${rows.length} rows in ${file}, ${there} in the database: nothing was kept`);
        copied.push({ table, rows: rows.length });
      }
      // Rows made from now on take ids after the copied ones.
      for (const table of WITH_IDS) {
        await q.get(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${table}`);
      }
      return copied;
    });
  } finally {
    await source.close();
    await target.close();
  }
}
