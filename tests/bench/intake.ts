import { join } from 'node:path';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { intake } from '../../api/intake/intake';
import { loadMatchSecret } from '../../api/repeats/keys';
import { openStore } from '../../api/store/store';
import { drugsOnAHousingEstate } from '../support/core';
import { partnershipSetup } from '../support/setup';

// A city's reports: a quarter from one busy postcode sector, the rest spread over 36 others.
const BUSY_SECTOR = 'PE1 1';
const SECTORS = Array.from({ length: 36 }, (_, i) => `PE${1 + (i % 7)} ${2 + Math.floor(i / 7)}`);
const today = () => new Date().toISOString().slice(0, 10);

/** The n-th report of a city's stream: its sector, and for one in three, the reporter's phone. */
export function cityReport(n: number, where: 'city' | 'busy' = 'city') {
  const sector = where === 'busy' || n % 4 === 0 ? BUSY_SECTOR : SECTORS[n % SECTORS.length];
  const named = n % 3 === 0;
  return {
    ...drugsOnAHousingEstate,
    date: today(),
    postcode: `${sector}${'ABDEFGHJ'[n % 8]}${'LNPQRSTU'[(n >> 3) % 8]}`,
    street: `Street ${n % 50}`,
    ...(named && { contactChoice: 'contact', name: 'A resident', safeContact: ['text'], phone: `07700 9${String(n % 100_000).padStart(5, '0')}` }),
  };
}

/**
 * `count` earlier reports from the city's stream, in the repeat windows, stored by the portal's own
 * intake before the portal starts on `dataDir`. They are written in memory (/dev/shm, where a
 * sync to disk costs nothing) and the store copied in: 50,000 intakes each synced to this disk
 * would take minutes. Their deliveries are marked sent, so no email waits to be written.
 */
export async function seedReports(dataDir: string, count: number): Promise<void> {
  const scratch = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'portal-seed-'));
  try {
    const setup = partnershipSetup();
    const store = await openStore(join(scratch, 'portal.db'));
    const deps = { store, routing: setup.routing, now: () => new Date(), matchSecret: loadMatchSecret(dataDir) };
    for (let n = 0; n < count; n++) {
      const result = await intake(deps, setup.byId('asb'), { answers: cityReport(n), locale: 'en' });
      if (!result.ok) throw new Error(`seed report ${n} refused: ${JSON.stringify(result.errors)}`);
    }
    for (const delivery of await store.claimDue(Date.now(), 60_000, Number.MAX_SAFE_INTEGER, 'seed')) await store.markSent(delivery.id, 'seed', Date.now());
    await store.checkpoint();
    await store.close();
    copyFileSync(join(scratch, 'portal.db'), join(dataDir, 'portal.db'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
