import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../api/store/store';
import { passkeys } from '../../api/workspace/passkeys';
import { createCore } from '../support/core';

let core: Awaited<ReturnType<typeof createCore>>;
let second: Store;
afterEach(async () => {
  await second.close();
  await core.close();
});

// As two processes behind a load balancer see it: each its own connection to one store.
const on = (store: Store) =>
  passkeys({ store: store.workspace, ceremonies: store, routing: core.routing, publicUrl: new URL('https://safer.example.org'), now: () => core.clock.now });
const notRegistered = { id: 'not-a-registered-passkey' } as Parameters<ReturnType<typeof on>['signIn']>[1];

describe('a passkey ceremony begun by one process', () => {
  it('is finished by the other, once, and not after five minutes', async () => {
    core = await createCore();
    second = await openStore(core.location);
    const [first, other] = [on(core.store), on(second)];
    const email = core.routing.partners.find((p) => p.staff.length > 0)!.staff[0];

    const { ceremony } = await first.signInOptions(email);
    // Found by the other process: refused for the passkey, not as a ceremony it never heard of.
    expect(await other.signIn(ceremony, notRegistered)).toEqual({ ok: false, error: 'That passkey is not registered to this email address.' });
    expect(await first.signIn(ceremony, notRegistered)).toEqual({ ok: false, error: 'That took too long. Try signing in again.' });

    const late = (await first.signInOptions(email)).ceremony;
    core.clock.now += 6 * 60_000;
    expect(await other.signIn(late, notRegistered)).toEqual({ ok: false, error: 'That took too long. Try signing in again.' });
  });
});
