/**
 * The partnership's own time: a person's "today", "yesterday" and "not in the future", and the
 * times partners read, are Peterborough's, not UTC (between midnight and 1am in summer, UTC
 * still says yesterday).
 */
let partnershipZone = 'Europe/London';

/** Set at start-up from the partnership file (`partnership.timeZone`). */
export function usePartnershipTimeZone(timeZone: string): void {
  partnershipZone = timeZone;
}

// A formatter takes far longer to make than to use: one per zone and style, made once.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the time zone. */
export function dateIn(instant: Date | number, timeZone = partnershipZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return formatIn('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The date `days` before a YYYY-MM-DD date, by the calendar (no daylight-saving hour to trip on). */
export function daysEarlier(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** An instant as partners read it: "1 December 2026, 14:05 (UK time)". */
export function partnershipTime(instant: Date | number, timeZone = partnershipZone): string {
  return formatIn('en-GB', timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** A deadline that falls at midnight, as a person reads it: "3 December 2026 at 23:59", not "4 December at 00:00". */
export function dueTime(instant: number, timeZone = partnershipZone): string {
  return partnershipTime(instant - 60_000, timeZone);
}

/** A date as a reader of this language writes it ("2 grudnia 2026"), in the partnership's time zone. */
export function localDate(instant: number, locale: string, timeZone = partnershipZone): string {
  return formatIn(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}
