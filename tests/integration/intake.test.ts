import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, drugsOnAHousingEstate } from '../support/core';

let core: ReturnType<typeof createCore>;
afterEach(() => core.close());

describe('intake', () => {
  it('stores a valid report with one planned delivery per partner before answering', () => {
    core = createCore();
    const result = core.submit('asb', drugsOnAHousingEstate);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Read back through a second connection: the report is on disk, not only in memory.
    const db = new Database(core.file, { readonly: true });
    const row = db.prepare('SELECT * FROM reports WHERE reference = ?').get(result.reference) as { answers: string; locale: string };
    const partners = db.prepare('SELECT partner_id, status FROM deliveries ORDER BY id').all();
    db.close();
    expect(JSON.parse(row.answers)).toMatchObject({ kind: 'drugs', landlord: core.routing.housingProviders[0] });
    expect(partners).toEqual(core.routed('asb', drugsOnAHousingEstate).map((p) => ({ partner_id: p.id, status: 'pending' })));
    expect(partners).toHaveLength(3); // the ASB team, the police and the housing provider
  });

  it('stores nothing when the answers are invalid', () => {
    core = createCore();
    const result = core.submit('asb', { ...drugsOnAHousingEstate, date: 'yesterday' });
    expect(result).toEqual({ ok: false, errors: [{ path: 'date', code: 'invalid' }] });
    expect(core.store.countReports()).toBe(0);
    expect(core.store.outboxDepth()).toBe(0);
  });

  it('returns the first reference when the same submission arrives twice', () => {
    core = createCore();
    const first = core.submit('asb', drugsOnAHousingEstate, 'form:abc');
    const second = core.submit('asb', drugsOnAHousingEstate, 'form:abc');
    expect(second).toEqual(first);
    expect(core.store.countReports()).toBe(1);
    expect(core.store.outboxDepth()).toBe(3);
  });

  it('gives every report its own reference', () => {
    core = createCore();
    const references = Array.from({ length: 200 }, () => core.submit('asb', drugsOnAHousingEstate)).map((r) =>
      r.ok ? r.reference : '',
    );
    expect(new Set(references).size).toBe(200);
  });
});
