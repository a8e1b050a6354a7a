import { describe, expect, it } from 'vitest';
import { repeatFlags, repeatsSchema, type EarlierMatch } from '../../../api/repeats/flags';

const config = repeatsSchema.parse({});
const NOW = Date.parse('2026-11-25T10:00:00Z');
const at = (iso: string) => Date.parse(iso);
const current = { reference: 'ASB-NEW', type: 'asb', createdAt: NOW, incidentDate: '2026-11-24', area: 'PE1 1' };
const victim = (reference: string, createdAt: string, incidentDate?: string): EarlierMatch => ({
  reference,
  type: 'asb',
  kind: 'phone',
  createdAt: at(createdAt),
  incidentDate: incidentDate ?? createdAt.slice(0, 10),
});
const place = (reference: string, createdAt: string): EarlierMatch => ({ ...victim(reference, createdAt), kind: 'sector' });

describe('repeat victim flag (6 months by default)', () => {
  it.each([
    ['the day before the window', '2026-05-24T23:59:00Z', undefined],
    ['the first day of the window', '2026-05-25T00:00:00Z', 2],
    ['the day after', '2026-05-26T09:00:00Z', 2],
  ])('an earlier report on %s', (_name, createdAt, count) => {
    const flags = repeatFlags(current, [victim('ASB-OLD', createdAt)], config);
    expect(flags.repeatVictim?.count).toBe(count);
  });

  it('counts an earlier report once, even when several of its details match', () => {
    const flags = repeatFlags(current, [victim('ASB-1', '2026-11-01T10:00:00Z'), victim('ASB-1', '2026-11-01T10:00:00Z')], config);
    expect(flags.repeatVictim).toEqual({ count: 2, windowMonths: 6, earlier: ['ASB-1'], on: ['phone'] });
  });

  it('is not raised by a first report', () => {
    expect(repeatFlags(current, [], config)).toEqual({});
  });
});

describe('repeat location flag (3 reports in a postcode sector in 30 days by default)', () => {
  it.each([
    ['the day before the window', '2026-10-25T12:00:00Z', undefined],
    ['the first day of the window', '2026-10-26T00:00:00Z', 3],
    ['the day after', '2026-10-27T00:00:00Z', 3],
  ])('a second earlier report on %s', (_name, createdAt, count) => {
    const flags = repeatFlags(current, [place('ASB-A', '2026-11-20T10:00:00Z'), place('ASB-B', createdAt)], config);
    expect(flags.repeatLocation?.count).toBe(count);
  });

  it('counts anonymous reports for places (they carry place keys, never victim keys)', () => {
    const flags = repeatFlags(current, [place('ASB-A', '2026-11-20T10:00:00Z'), place('ASB-B', '2026-11-21T10:00:00Z')], config);
    expect(flags).toEqual({ repeatLocation: { count: 3, windowDays: 30, area: 'PE1 1' } });
  });
});

describe('ASB Case Review threshold (3 reports in 6 months, each within a month of the incident)', () => {
  it('is met by the third report in time', () => {
    const flags = repeatFlags(current, [victim('ASB-1', '2026-07-01T10:00:00Z'), victim('ASB-2', '2026-10-01T10:00:00Z')], config);
    expect(flags.caseReview).toEqual({ references: ['ASB-1', 'ASB-2', 'ASB-NEW'], on: ['phone'] });
  });

  it('does not count a report made more than a month after its incident', () => {
    const late = victim('ASB-1', '2026-07-01T10:00:00Z', '2026-05-01');
    expect(repeatFlags(current, [late, victim('ASB-2', '2026-10-01T10:00:00Z')], config).caseReview).toBeUndefined();
  });

  it('follows a partnership’s own threshold', () => {
    const lower = repeatsSchema.parse({ caseReview: { minReports: 2 } });
    expect(repeatFlags(current, [victim('ASB-1', '2026-10-01T10:00:00Z')], lower).caseReview?.references).toEqual(['ASB-1', 'ASB-NEW']);
  });

  it('is met for a community by 5 incidents in a sector in 6 months', () => {
    const earlier = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'].map((d, i) => place(`ASB-${i}`, `${d}T10:00:00Z`));
    expect(repeatFlags(current, earlier, config).communityCaseReview).toEqual({ count: 5, windowMonths: 6, area: 'PE1 1' });
  });
});
