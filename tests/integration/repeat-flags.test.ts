import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repeatFlags, repeatsSchema, windowsStart, type RepeatsConfig } from '../../api/repeats/flags';
import type { MatchKind } from '../../api/repeats/keys';
import { openStore, type Store } from '../../api/store/store';
import { testStoreLocation } from '../support/core';
import { tempDir } from '../support/temp';

// The flags as intake makes them: earlier reports' match records in a real store, which names
// the same person's reports and counts the reports at a place in SQL.
let dir: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(async () => {
  dir = tempDir();
  store = await openStore(await testStoreLocation(join(dir.path, 'portal.db')));
});
afterEach(async () => {
  await store.close();
  dir.remove();
});

const config = repeatsSchema.parse({});
const NOW = Date.parse('2026-11-25T10:00:00Z');
const current = { reference: 'ASB-NEW', type: 'asb', createdAt: NOW, incidentDate: '2026-11-24', area: 'PE1 1', street: 'lincoln road' };
// The new report's keys: its reporter's phone and email, its postcode sector and street.
const keys = (['phone', 'email', 'sector', 'street'] as MatchKind[]).map((kind) => ({ kind, hash: `${kind}-of-the-new-report` }));

interface Record {
  reference: string;
  kind: MatchKind;
  createdAt: string;
  incidentDate?: string;
  type?: string;
}
const victim = (reference: string, createdAt: string, incidentDate?: string): Record => ({ reference, kind: 'phone', createdAt, incidentDate });
const place = (reference: string, createdAt: string): Record => ({ ...victim(reference, createdAt), kind: 'sector' });

async function flags(records: Record[], repeats: RepeatsConfig = config) {
  const byReference = new Map<string, Record[]>();
  for (const r of records) byReference.set(r.reference, [...(byReference.get(r.reference) ?? []), r]);
  for (const [reference, [first, ...more]] of byReference) {
    await store.saveReport({
      reference,
      type: first.type ?? 'asb',
      locale: 'en',
      answers: {},
      createdAt: Date.parse(first.createdAt),
      incidentDate: first.incidentDate ?? first.createdAt.slice(0, 10),
      deliveries: [],
      matches: [first, ...more].map((r) => ({ kind: r.kind, hash: `${r.kind}-of-the-new-report` })),
    });
  }
  return repeatFlags(current, await store.earlier(keys, windowsStart(NOW, repeats)), repeats);
}

describe('repeat victim flag (6 months by default)', () => {
  it.each([
    ['the day before the window', '2026-05-24T23:59:00Z', undefined],
    ['the first day of the window', '2026-05-25T00:00:00Z', 2],
    ['the day after', '2026-05-26T09:00:00Z', 2],
  ])('an earlier report on %s', async (_name, createdAt, count) => {
    const result = await flags([victim('ASB-OLD', createdAt)]);
    expect(result.repeatVictim?.count).toBe(count);
  });

  it('counts an earlier report once, even when several of its details match', async () => {
    const result = await flags([victim('ASB-1', '2026-11-01T10:00:00Z'), { ...victim('ASB-1', '2026-11-01T10:00:00Z'), kind: 'email' }]);
    expect(result.repeatVictim).toEqual({ count: 2, windowMonths: 6, earlier: ['ASB-1'], on: ['email', 'phone'] });
  });

  it('is not raised by a first report', async () => {
    expect(await flags([])).toEqual({});
  });
});

describe('repeat location flag (3 reports in a postcode sector in 30 days by default)', () => {
  it.each([
    ['the day before the window', '2026-10-25T12:00:00Z', undefined],
    ['the first day of the window', '2026-10-26T00:00:00Z', 3],
    ['the day after', '2026-10-27T00:00:00Z', 3],
  ])('a second earlier report on %s', async (_name, createdAt, count) => {
    const result = await flags([place('ASB-A', '2026-11-20T10:00:00Z'), place('ASB-B', createdAt)]);
    expect(result.repeatLocation?.count).toBe(count);
  });

  it('counts anonymous reports for places (they carry place keys, never victim keys)', async () => {
    const result = await flags([place('ASB-A', '2026-11-20T10:00:00Z'), place('ASB-B', '2026-11-21T10:00:00Z')]);
    expect(result).toEqual({ repeatLocation: { count: 3, windowDays: 30, area: 'PE1 1' } });
  });

  it('counts reports of every matched type at a place, and a street apart from its sector', async () => {
    const hate = { ...place('HC-A', '2026-11-20T10:00:00Z'), type: 'hate-crime' };
    const street = (reference: string): Record => ({ ...place(reference, '2026-11-21T10:00:00Z'), kind: 'street' });
    const result = await flags([hate, place('ASB-B', '2026-11-21T10:00:00Z'), street('ASB-C'), street('ASB-D')]);
    expect(result.repeatLocation).toEqual({ count: 3, windowDays: 30, area: 'PE1 1' });
    expect(result.repeatStreet).toEqual({ count: 3, windowDays: 30, street: 'lincoln road' });
  });
});

describe('ASB Case Review threshold (3 reports in 6 months, each within a month of the incident)', () => {
  it('is met by the third report in time', async () => {
    const result = await flags([victim('ASB-1', '2026-07-01T10:00:00Z'), victim('ASB-2', '2026-10-01T10:00:00Z')]);
    expect(result.caseReview).toEqual({ references: ['ASB-1', 'ASB-2', 'ASB-NEW'], on: ['phone'] });
  });

  it('does not count a report made more than a month after its incident', async () => {
    const late = victim('ASB-1', '2026-07-01T10:00:00Z', '2026-05-01');
    expect((await flags([late, victim('ASB-2', '2026-10-01T10:00:00Z')])).caseReview).toBeUndefined();
  });

  it('follows a partnership’s own threshold', async () => {
    const lower = repeatsSchema.parse({ caseReview: { minReports: 2 } });
    expect((await flags([victim('ASB-1', '2026-10-01T10:00:00Z')], lower)).caseReview?.references).toEqual(['ASB-1', 'ASB-NEW']);
  });

  it('is met for a community by 5 incidents in a sector in 6 months', async () => {
    const earlier = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'].map((d, i) => place(`ASB-${i}`, `${d}T10:00:00Z`));
    expect((await flags(earlier)).communityCaseReview).toEqual({ count: 5, windowMonths: 6, area: 'PE1 1' });
  });

  it('counts for a community only ASB incidents reported in time', async () => {
    const earlier = ['2026-07-01', '2026-08-01', '2026-09-01'].map((d, i) => place(`ASB-${i}`, `${d}T10:00:00Z`));
    const late = { ...place('ASB-LATE', '2026-10-01T10:00:00Z'), incidentDate: '2026-08-01' };
    const hate = { ...place('HC-1', '2026-10-01T10:00:00Z'), type: 'hate-crime' };
    expect((await flags([...earlier, late, hate])).communityCaseReview).toBeUndefined();
    expect((await flags([{ ...place('ASB-4', '2026-10-02T10:00:00Z'), incidentDate: '2026-09-01' }])).communityCaseReview).toEqual({
      count: 5,
      windowMonths: 6,
      area: 'PE1 1',
    });
  });
});
