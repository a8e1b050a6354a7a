import { describe, expect, it } from 'vitest';
import { acknowledgeBy, isWorkingDay, waitedText, workingDaysLate, type WorkingCalendar } from '../../../api/workspace/working-days';

const london: WorkingCalendar = { timeZone: 'Europe/London', closedDays: ['2026-05-25', '2026-12-25', '2026-12-28'] };
const at = (iso: string) => Date.parse(iso);
const due = (iso: string, days: number, calendar = london) => new Date(acknowledgeBy(at(iso), days, calendar)).toISOString();

describe('isWorkingDay', () => {
  it('is Monday to Friday, less closed days', () => {
    expect(isWorkingDay('2026-05-22', london)).toBe(true); // Friday
    expect(isWorkingDay('2026-05-23', london)).toBe(false); // Saturday
    expect(isWorkingDay('2026-05-24', london)).toBe(false); // Sunday
    expect(isWorkingDay('2026-05-25', london)).toBe(false); // spring bank holiday
    expect(isWorkingDay('2026-05-26', london)).toBe(true);
  });

  it('refuses a date it cannot read', () => {
    expect(() => isWorkingDay('26/05/2026', london)).toThrow(RangeError);
  });
});

describe('acknowledgeBy', () => {
  it('never counts the day of receipt: Monday with 1 day is due by the end of Tuesday', () => {
    expect(due('2026-01-12T10:00:00Z', 1)).toBe('2026-01-14T00:00:00.000Z');
    expect(due('2026-01-12T10:00:00Z', 2)).toBe('2026-01-15T00:00:00.000Z');
  });

  it('skips the weekend from Friday evening or Saturday', () => {
    expect(due('2026-01-16T19:00:00Z', 1)).toBe('2026-01-20T00:00:00.000Z');
    expect(due('2026-01-17T09:00:00Z', 1)).toBe('2026-01-20T00:00:00.000Z');
    expect(due('2026-01-18T23:59:00Z', 1)).toBe('2026-01-20T00:00:00.000Z');
  });

  it('skips a closed Monday (dates in BST: midnight is 23:00 UTC)', () => {
    expect(due('2026-05-22T17:00:00Z', 1)).toBe('2026-05-26T23:00:00.000Z'); // end of Tue 26 May
    expect(due('2026-05-22T17:00:00Z', 2)).toBe('2026-05-27T23:00:00.000Z');
    expect(due('2026-12-24T10:00:00Z', 1)).toBe('2026-12-30T00:00:00.000Z'); // past Christmas and its substitute day
  });

  it('with 0 days is the end of the day of receipt, or of the next working day', () => {
    expect(due('2026-01-12T10:00:00Z', 0)).toBe('2026-01-13T00:00:00.000Z');
    expect(due('2026-01-17T10:00:00Z', 0)).toBe('2026-01-20T00:00:00.000Z'); // Saturday
    expect(due('2026-05-25T10:00:00Z', 0)).toBe('2026-05-26T23:00:00.000Z'); // closed Monday
  });

  it('uses the local date: 00:30 BST on Tuesday is still Monday in UTC', () => {
    expect(due('2026-06-01T23:30:00Z', 1)).toBe('2026-06-03T23:00:00.000Z'); // end of Wed 3 June
  });

  it('is right across the spring change (29 March 2026)', () => {
    expect(due('2026-03-26T10:00:00Z', 1)).toBe('2026-03-28T00:00:00.000Z'); // end of Fri, still GMT
    expect(due('2026-03-27T10:00:00Z', 1)).toBe('2026-03-30T23:00:00.000Z'); // end of Mon, now BST
  });

  it('is right across the autumn change (25 October 2026)', () => {
    expect(due('2026-10-22T09:00:00Z', 1)).toBe('2026-10-23T23:00:00.000Z'); // end of Fri, still BST
    expect(due('2026-10-23T09:00:00Z', 1)).toBe('2026-10-27T00:00:00.000Z'); // end of Mon, now GMT
  });

  it('assumes nothing about London', () => {
    const newYork: WorkingCalendar = { timeZone: 'America/New_York', closedDays: [] };
    // 21:00 EDT Monday is Tuesday in London and UTC; due by the end of Tuesday New York time.
    expect(due('2026-03-10T01:00:00Z', 1, newYork)).toBe('2026-03-11T04:00:00.000Z');
    // Across New York's own change (8 March): midnight moves from 05:00 to 04:00 UTC.
    expect(due('2026-03-05T17:00:00Z', 1, newYork)).toBe('2026-03-07T05:00:00.000Z');
    expect(due('2026-03-06T17:00:00Z', 1, newYork)).toBe('2026-03-10T04:00:00.000Z');
  });

  it('ends the day at the clock change where one skips midnight, east or west of UTC', () => {
    // Cairo, Friday 24 April 2026: clocks go from 23:59:59 +02:00 to 01:00 +03:00.
    const cairo: WorkingCalendar = { timeZone: 'Africa/Cairo', closedDays: [] };
    expect(due('2026-04-23T08:00:00Z', 0, cairo)).toBe('2026-04-23T22:00:00.000Z');
    // São Paulo, Tuesday 2 November 2004: 23:59:59 -03:00 to 01:00 -02:00.
    const saoPaulo: WorkingCalendar = { timeZone: 'America/Sao_Paulo', closedDays: [] };
    expect(due('2004-11-01T15:00:00Z', 0, saoPaulo)).toBe('2004-11-02T03:00:00.000Z');
  });

  it('ends the day at the first midnight where clocks go back to midnight (Amman, 29 October 2021)', () => {
    // Friday begins at 00:00 +03:00, and again at 01:00 +03:00, which becomes 00:00 +02:00.
    const amman: WorkingCalendar = { timeZone: 'Asia/Amman', closedDays: [] };
    expect(due('2021-10-28T07:00:00Z', 0, amman)).toBe('2021-10-28T21:00:00.000Z');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => acknowledgeBy(at('2026-01-12T10:00:00Z'), -1, london)).toThrow(RangeError);
    expect(() => acknowledgeBy(at('2026-01-12T10:00:00Z'), 1.5, london)).toThrow(RangeError);
  });
});

describe('workingDaysLate', () => {
  const dueAt = at('2026-01-17T00:00:00Z'); // end of Friday 16 January

  it('is 0 before the deadline and through the first working day after it', () => {
    expect(workingDaysLate(dueAt, dueAt - 1, london)).toBe(0);
    expect(workingDaysLate(dueAt, at('2026-01-18T12:00:00Z'), london)).toBe(0); // weekend
    expect(workingDaysLate(dueAt, at('2026-01-19T23:59:59Z'), london)).toBe(0); // Monday not over
  });

  it('counts working days that have ended, not the weekend', () => {
    expect(workingDaysLate(dueAt, at('2026-01-20T00:00:00Z'), london)).toBe(1);
    expect(workingDaysLate(dueAt, at('2026-01-21T00:00:00Z'), london)).toBe(2);
    expect(workingDaysLate(dueAt, at('2026-01-27T00:00:00Z'), london)).toBe(6);
  });

  it('does not count a closed day', () => {
    const dueMay = at('2026-05-22T23:00:00Z'); // end of Friday 22 May (BST)
    expect(workingDaysLate(dueMay, at('2026-05-26T22:59:59Z'), london)).toBe(0);
    expect(workingDaysLate(dueMay, at('2026-05-26T23:00:00Z'), london)).toBe(1);
  });

  it('ends each day at local midnight across a clock change', () => {
    const dueMarch = at('2026-03-28T00:00:00Z'); // end of Friday 27 March (GMT)
    expect(workingDaysLate(dueMarch, at('2026-03-30T22:59:59Z'), london)).toBe(0);
    expect(workingDaysLate(dueMarch, at('2026-03-30T23:00:00Z'), london)).toBe(1); // Tue 00:00 BST
  });

  it('does not count a day only partly after the deadline', () => {
    expect(workingDaysLate(at('2026-01-19T10:00:00Z'), at('2026-01-21T00:00:00Z'), london)).toBe(1);
  });
});

describe('waitedText', () => {
  const minute = 60_000;
  const hour = 60 * minute;
  const t = at('2026-01-12T10:00:00Z');

  it('says under 1 hour, then whole hours, then whole days from 48 hours', () => {
    expect(waitedText(t, t)).toBe('under 1 hour');
    expect(waitedText(t, t + hour - 1)).toBe('under 1 hour');
    expect(waitedText(t, t + hour)).toBe('1 hour');
    expect(waitedText(t, t + 3 * hour)).toBe('3 hours');
    expect(waitedText(t, t + 48 * hour - 1)).toBe('47 hours');
    expect(waitedText(t, t + 48 * hour)).toBe('2 days');
    expect(waitedText(t, t + 96 * hour + 5 * minute)).toBe('4 days');
  });

  it('says under 1 hour if the start is in the future', () => {
    expect(waitedText(t + hour, t)).toBe('under 1 hour');
  });
});
