import { startPostgres } from './postgres';

/**
 * Vitest's global setup: with STORE_ENGINE=postgres, one throwaway cluster for the whole run,
 * its address handed to the test processes (each core makes a database of its own in it).
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.STORE_ENGINE !== 'postgres') return undefined;
  const cluster = await startPostgres();
  process.env.TEST_POSTGRES_URL = cluster.url;
  return () => cluster.stop();
}
