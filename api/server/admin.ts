// npm run admin -- <command>: look after the outbox without touching the database by hand.
//   outbox            list every delivery not yet sent (pending, sending, failed)
//   retry <id>        try a failed delivery again, at once
//   cancel <id>       stop trying a delivery (after passing the report on another way)
//   purge             delete what is kept past its time now (reports past RETENTION_DAYS, match
//                     records past the longest repeat window), rather than at the next run
//   invite <partner> <email>
//                     invite a member of a partner's staff (or of "partnership": an administrator)
//                     to the workspace: the email, with its one-time link, goes out at once
//   migrate-to-postgres
//                     copy the SQLite store in DATA_DIR into the empty database DATABASE_URL
//                     names, checking every table's count (stop the portal first)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config-error';
import { definitions } from '../report-types';
import { loadRouting } from '../routing/load-routing';
import { pickupMailer } from '../mail/transport';
import { purgeExpired } from '../store/retention';
import { copyToPostgres } from '../store/copy-to-postgres';
import { databaseName, openStore } from '../store/store';
import { loadConfig, retentionPolicy, storeLocation, type PortalConfig } from './config';
import { invite } from './invite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(args: string[]): Promise<number> {
  const config = loadConfig(process.env, root);
  if (args[0] === 'migrate-to-postgres') return migrateToPostgres(config);
  const store = await openStore(storeLocation(config), { reportKey: config.reportKey });
  try {
    const [command, arg] = args;
    const id = Number(arg);
    switch (command) {
      case 'outbox': {
        const rows = await store.unsent();
        if (rows.length === 0) console.log('The outbox is empty: every delivery was sent.');
        for (const d of rows) {
          console.log(
            `${String(d.id).padStart(6)}  ${d.reference}  ${(d.channel === 'webhook' ? `${d.kind} by webhook` : d.kind).padEnd(20)} ${d.partnerId.padEnd(26)} ${d.status.padEnd(8)} attempts ${d.attempts}  next ${new Date(d.nextAttemptAt).toISOString()}  ${d.lastError ?? ''}`,
          );
        }
        return 0;
      }
      case 'retry':
        if (!(await store.retryDelivery(id, Date.now()))) return fail(`No failed delivery ${arg}: see "npm run admin -- outbox".`);
        console.log(`Delivery ${id} will be tried again now (by the running portal).`);
        return 0;
      case 'cancel':
        if (!(await store.cancelDelivery(id))) return fail(`No unsent delivery ${arg}: see "npm run admin -- outbox".`);
        console.log(`Delivery ${id} will not be tried again.`);
        return 0;
      case 'purge': {
        const repeats = loadRouting(config.partnershipFile, definitions).repeats;
        const mailer = config.smtpUrl ? undefined : pickupMailer(join(config.dataDir, 'mail'));
        const gone = await purgeExpired(store, retentionPolicy(config, repeats), Date.now(), mailer);
        console.log(`Deleted ${gone.reports} reports kept past ${config.retentionDays} days and ${gone.matchRecords} match records older than the longest repeat window.`);
        return 0;
      }
      case 'invite':
        return await invite(config, store, arg, args[2]);
      default:
        return fail('Usage: npm run admin -- outbox | retry <id> | cancel <id> | purge | invite <partner> <email> | migrate-to-postgres');
    }
  } finally {
    await store.close();
  }
}

async function migrateToPostgres(config: PortalConfig): Promise<number> {
  const file = join(config.dataDir, 'portal.db');
  if (!config.databaseUrl) return fail('Set DATABASE_URL to the new, empty PostgreSQL database (and MATCH_SECRET), then run this again.');
  if (!existsSync(file)) return fail(`No SQLite store at ${file}: set DATA_DIR to the portal's data directory.`);
  // The store's match records are keyed hashes: under another secret no earlier report would match again.
  const made = join(config.dataDir, 'match-secret');
  if (existsSync(made) && readFileSync(made, 'utf8').trim() !== config.matchSecret) {
    return fail(`MATCH_SECRET must be the secret this store's reports were matched with: the one in ${made}.`);
  }
  const copied = await copyToPostgres(file, config.databaseUrl);
  const count = (table: string) => copied.find((c) => c.table === table)?.rows ?? 0;
  console.log(copied.map((c) => `${c.table.padEnd(22)} ${String(c.rows).padStart(8)}`).join('\n'));
  console.log(
    `Copied ${count('reports')} reports, ${count('deliveries')} deliveries and ${count('cases')} cases to ${databaseName(config.databaseUrl)}: every table's count matches. ` +
      'Start the portal with DATABASE_URL set; keep the SQLite file until you have checked it, then delete it.',
  );
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `Cannot run: ${err.message}` : `Cannot run: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
