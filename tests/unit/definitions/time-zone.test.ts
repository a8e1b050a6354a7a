import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../api/definitions/schema';
import { translator } from '../../../i18n';
import { parseDate } from '../../../bot/answers';
import { partnershipTime } from '../../../api/time';
import { partnershipSetup } from '../../support/setup';

const asb = partnershipSetup().byId('asb');
const report = (date: string) => ({
  danger: 'no', kind: 'noise', location: 'Park', date, ongoing: 'no', description: 'Noise', reportedBefore: 'no', contactChoice: 'anonymous',
});
const t = translator('en');

// The clock is moved to the minutes where Peterborough's date and UTC's differ.
describe('dates in the partnership’s time zone (Europe/London)', () => {
  it('takes "today" as Peterborough’s today just after midnight in summer (BST), when UTC still says yesterday', () => {
    const halfPastMidnightBst = new Date('2026-06-15T23:30:00Z');
    expect(validateAnswers(asb, report('2026-06-16'), halfPastMidnightBst).ok).toBe(true);
    expect(validateAnswers(asb, report('2026-06-17'), halfPastMidnightBst)).toMatchObject({ ok: false, errors: [{ path: 'date', code: 'future' }] });
  });

  it('refuses tomorrow in winter (GMT), when London and UTC agree', () => {
    expect(validateAnswers(asb, report('2026-12-16'), new Date('2026-12-15T23:30:00Z'))).toMatchObject({ ok: false, errors: [{ path: 'date', code: 'future' }] });
  });

  it.each([
    ['the night before the clocks go forward (GMT)', '2026-03-28T23:30:00Z', '2026-03-28', '2026-03-27'],
    ['the night after (BST)', '2026-03-29T23:30:00Z', '2026-03-30', '2026-03-29'],
    ['the night the clocks go back (BST to GMT)', '2026-10-24T23:30:00Z', '2026-10-25', '2026-10-24'],
  ])('gives the chat’s "today" and "yesterday" by Peterborough’s calendar on %s', (_when, instant, today, yesterday) => {
    expect(parseDate('today', new Date(instant), t)).toBe(today);
    expect(parseDate('yesterday', new Date(instant), t)).toBe(yesterday);
  });

  it('writes the time a report was made as partners read it, in UK time', () => {
    expect(partnershipTime(Date.parse('2026-07-01T13:05:00Z'))).toBe('1 July 2026 at 14:05');
    expect(partnershipTime(Date.parse('2026-12-01T13:05:00Z'))).toBe('1 December 2026 at 13:05');
  });
});
