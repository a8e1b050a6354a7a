import { openStore } from '../../api/store/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, drugsOnAHousingEstate } from '../support/core';

let core: Awaited<ReturnType<typeof createCore>>;
afterEach(() => core.close());

describe('intake', () => {
  it('stores a valid report with one planned delivery per partner before answering', async () => {
    core = await createCore();
    const result = await core.submit('asb', drugsOnAHousingEstate);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Read back through a second connection: the report is on disk, not only in memory.
    const second = await openStore(core.location);
    const row = (await second.reportByReference(result.reference))!;
    const partners = (await second.deliveriesOf(row.id)).map((d) => ({ partner_id: d.partnerId, status: d.status }));
    await second.close();
    expect(row.answers).toMatchObject({ kind: 'drugs', landlord: core.routing.housingProviders[0] });
    expect(partners).toEqual(core.routed('asb', drugsOnAHousingEstate).map((p) => ({ partner_id: p.id, status: 'pending' })));
    expect(partners).toHaveLength(3); // the ASB team, the police and the housing provider
  });

  it('stores nothing when the answers are invalid', async () => {
    core = await createCore();
    const result = await core.submit('asb', { ...drugsOnAHousingEstate, date: 'yesterday' });
    expect(result).toEqual({ ok: false, errors: [{ path: 'date', code: 'invalid' }] });
    expect(await core.store.countReports()).toBe(0);
    expect(await core.store.outboxDepth()).toBe(0);
  });

  it('returns the first reference when the same submission arrives twice', async () => {
    core = await createCore();
    const first = await core.submit('asb', drugsOnAHousingEstate, 'form:abc');
    const second = await core.submit('asb', drugsOnAHousingEstate, 'form:abc');
    expect(second).toEqual(first);
    expect(await core.store.countReports()).toBe(1);
    expect(await core.store.outboxDepth()).toBe(3);
  });

  it('makes one report of the same submission sent twice at once (a double tap)', async () => {
    core = await createCore();
    const [first, second] = await Promise.all([
      core.submit('asb', drugsOnAHousingEstate, 'form:tap'),
      core.submit('asb', drugsOnAHousingEstate, 'form:tap'),
    ]);
    expect(first.ok && second.ok && first.reference === second.reference).toBe(true);
    expect(await core.store.countReports()).toBe(1);
    expect(await core.store.outboxDepth()).toBe(3);
  });

  it('gives every report its own reference', async () => {
    core = await createCore();
    const references = (await Promise.all(Array.from({ length: 200 }, () => core.submit('asb', drugsOnAHousingEstate)))).map((r) =>
      r.ok ? r.reference : '',
    );
    expect(new Set(references).size).toBe(200);
  });
});
