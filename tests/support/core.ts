import { join } from 'node:path';
import { intake, type IntakeDeps } from '../../api/intake/intake';
import { smtpMailer } from '../../api/mail/transport';
import { defaultRetryPolicy } from '../../api/outbox/backoff';
import { createDispatcher, type DispatcherDeps } from '../../api/outbox/dispatcher';
import { openStore } from '../../api/store/store';
import { NOW, type PartnershipName } from './fixtures';
import { partnershipSetup } from './setup';
import { tempDir } from './temp';

/** The core on a real SQLite file with a clock the test moves, and (when given) a real SMTP server. */
export function createCore(smtpUrl?: string, partnership?: PartnershipName) {
  const dir = tempDir();
  const file = join(dir.path, 'portal.db');
  const setup = partnershipSetup(partnership);
  const clock = { now: NOW.getTime() };
  let store = openStore(file);
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
    file,
    dispatcher,
    deps,
    submit: (type: string, answers: unknown, submissionKey?: string) =>
      intake(deps(), setup.byId(type), { answers, locale: 'en', submissionKey }),
    /** Closes and reopens the database, as a restarted process would. */
    reopen() {
      store.close();
      store = openStore(file);
    },
    close() {
      mailer?.close();
      store.close();
      dir.remove();
    },
  };
}

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
