import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientByKey, open311Clients } from '../../api/open311/clients';
import { definitions } from '../../api/report-types';
import { loadRouting } from '../../api/routing/load-routing';
import type { Routing } from '../../api/routing/routing-schema';
import { partnershipFile } from '../support/fixtures';
import { tempDir } from '../support/temp';

const dir = tempDir();
afterAll(dir.remove);

/** The test partnership's file with an open311 section added. */
function withOpen311(section: string): Routing {
  const file = join(dir.path, 'partnership.yaml');
  writeFileSync(file, `${readFileSync(partnershipFile(), 'utf8')}\nopen311:\n${section}`);
  return loadRouting(file, definitions);
}

const FMS_KEY = 'f'.repeat(40);
const APP_KEY = 'a'.repeat(40);
const twoClients = () =>
  withOpen311(`  clients:
    - { id: fixmystreet, name: FixMyStreet, services: [asb] }
    - { id: council-app, name: Council app, services: [asb, hate-crime] }
`);

describe('the open311 section of the partnership file', () => {
  it('has no clients unless the file names some', () => {
    expect(loadRouting(partnershipFile(), definitions).open311).toEqual({ clients: [] });
  });

  it('refuses a report type that does not exist, naming the line and the field', () => {
    expect(() => withOpen311('  clients:\n    - { id: fixmystreet, name: FixMyStreet, services: [asb, potholes] }\n')).toThrow(
      /line \d+: open311\.clients\.0\.services\.1: no report type "potholes"/,
    );
  });

  it('refuses a client id used twice', () => {
    expect(() =>
      withOpen311('  clients:\n    - { id: fms, name: A, services: [asb] }\n    - { id: fms, name: B, services: [asb] }\n'),
    ).toThrow(/open311\.clients\.1\.id: "fms" is used twice/);
  });
});

describe('Open311 client keys', () => {
  it('stops start-up for a client without a key, naming its variable', () => {
    expect(() => open311Clients(twoClients(), { OPEN311_KEY_FIXMYSTREET: FMS_KEY })).toThrow(
      /environment variable OPEN311_KEY_COUNCIL_APP: must be set/,
    );
  });

  it('refuses a short key, a key naming no client, and one key for two clients', () => {
    const routing = twoClients();
    expect(() => open311Clients(routing, { OPEN311_KEY_FIXMYSTREET: 'short', OPEN311_KEY_COUNCIL_APP: APP_KEY })).toThrow(/OPEN311_KEY_FIXMYSTREET: must be at least 32 characters/);
    expect(() => open311Clients(routing, { OPEN311_KEY_FIXMYSTRET: FMS_KEY, OPEN311_KEY_FIXMYSTREET: FMS_KEY, OPEN311_KEY_COUNCIL_APP: APP_KEY })).toThrow(
      /OPEN311_KEY_FIXMYSTRET: names no client/,
    );
    expect(() => open311Clients(routing, { OPEN311_KEY_FIXMYSTREET: FMS_KEY, OPEN311_KEY_COUNCIL_APP: FMS_KEY })).toThrow(/OPEN311_KEY_COUNCIL_APP: is the same key as OPEN311_KEY_FIXMYSTREET/);
  });

  it('knows each client by its own key, and no client by any other', () => {
    const clients = open311Clients(twoClients(), { OPEN311_KEY_FIXMYSTREET: FMS_KEY, OPEN311_KEY_COUNCIL_APP: APP_KEY });
    expect(clientByKey(clients, FMS_KEY)?.id).toBe('fixmystreet');
    expect(clientByKey(clients, APP_KEY)?.services).toEqual(['asb', 'hate-crime']);
    expect(clientByKey(clients, `${FMS_KEY}x`)).toBeUndefined();
    expect(clientByKey(clients, '')).toBeUndefined();
    expect(clientByKey(clients, undefined)).toBeUndefined();
  });
});
