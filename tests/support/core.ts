import { join } from 'node:path';
import { intake, type IntakeDeps } from '../../api/intake/intake';
import { smtpMailer } from '../../api/mail/transport';
import { defaultRetryPolicy } from '../../api/outbox/backoff';
import { createDispatcher, type DispatcherDeps } from '../../api/outbox/dispatcher';
import { isDatabaseUrl, openStore } from '../../api/store/store';
import { freshDatabase } from './postgres';
import { NOW, type PartnershipName } from './fixtures';
import { partnershipSetup } from './setup';
import { tempDir } from './temp';

/**
 * The core on a real store with a clock the test moves, and (when given) a real SMTP server: a
 * SQLite file, or with STORE_ENGINE=postgres a database of its own in the run's PostgreSQL.
 */
export async function createCore(smtpUrl?: string, partnership?: PartnershipName) {
  const dir = tempDir();
  const location = await testStoreLocation(join(dir.path, 'portal.db'));
  const setup = partnershipSetup(partnership);
  const clock = { now: NOW.getTime() };
  let store = await openStore(location);
  const matchSecret = Buffer.from('test-secret-'.repeat(4));
  const deps = (): IntakeDeps => ({ store, routing: setup.routing, now: () => new Date(clock.now), matchSecret });
  const mailer = smtpUrl ? smtpMailer(smtpUrl, { timeoutMs: 2_000 }) : undefined;
  /** The outbox on this core, with what a test changes (a partner's own relay, webhooks). */
  const dispatcher = (changes: Partial<DispatcherDeps> = {}) =>
    createDispatcher({
      store,
      mailer: mailer!,
      routing: setup.routing,
      definitions: setup.definitions,
      now: () => clock.now,
      from: 'portal@example.org',
      messageIdDomain: 'portal.example.org',
      retry: defaultRetryPolicy,
      ...changes,
    });
  return {
    ...setup,
    clock,
    get store() {
      return store;
    },
    /** The SQLite file or the PostgreSQL URL: a second process would open the store here. */
    location,
    /** A data directory for a process on this store (DATABASE_URL too, when it is PostgreSQL). */
    processEnv: (): Record<string, string> => ({ DATA_DIR: dir.path, ...(isDatabaseUrl(location) && { DATABASE_URL: location, MATCH_SECRET: matchSecret.toString() }) }),
    dispatcher,
    deps,
    submit: (type: string, answers: unknown, submissionKey?: string) =>
      intake(deps(), setup.byId(type), { answers, locale: 'en', submissionKey }),
    /** Closes and reopens the database, as a restarted process would. */
    async reopen() {
      await store.close();
      store = await openStore(location);
    },
    async close() {
      mailer?.close();
      await store.close();
      dir.remove();
    },
  };
}

/** Loud parties next door, reported by someone who gives their phone: a repeat victim's reports. */
export const noiseReportedBy = (phone: string, date: string) => ({
  danger: 'no',
  kind: 'noise',
  postcode: 'PE1 1HQ',
  date,
  ongoing: 'yes',
  description: 'Loud parties every night',
  reportedBefore: 'yes',
  contactChoice: 'contact',
  name: 'Sam',
  phone,
  safeContact: ['call'],
});

/** Drug dealing on an estate of the partnership's (first) housing provider, reported anonymously. */
export const drugsOnAHousingEstate = {
  danger: 'no',
  kind: 'drugs',
  location: 'Behind the shops',
  landlord: partnershipSetup().routing.housingProviders[0],
  date: '2026-11-20',
  ongoing: 'no',
  description: 'Dealing from a car',
  reportedBefore: 'no',
  contactChoice: 'anonymous',
};

/** Where a test's store lives: this SQLite file, or a fresh database when the run is on PostgreSQL. */
export async function testStoreLocation(file: string): Promise<string> {
  const cluster = process.env.TEST_POSTGRES_URL;
  return cluster ? freshDatabase(cluster) : file;
}
