/**
 * Working days for partners' acknowledgement deadlines: Monday to Friday in the partnership's
 * time zone, less its closed days (bank holidays). Deadlines are local midnights, found through
 * Intl's offset for the zone, so they stay right across clock changes in any zone.
 */
import { dateIn, daysEarlier } from '../time';

export interface WorkingCalendar {
  timeZone: string;
  /** Bank holidays and other closures, as YYYY-MM-DD. */
  closedDays: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function parts(date: string): [number, number, number] {
  if (!DATE.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const nextDay = (date: string): string => daysEarlier(date, -1);

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const [y, m, d] = parts(date);
  // The date is already local, so its weekday needs no time zone.
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !calendar.closedDays.includes(date);
}

// One formatter per zone: they are slow to make.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms ("GMT+01:00" → 3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (!match) throw new RangeError(`Unexpected offset "${name}" for ${timeZone}`);
  if (!match[1]) return 0; // plain "GMT"
  const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] === '-' ? -ms : ms;
}

/** The first instant of a local date: its midnight, or the clock change where one skips midnight. */
function startOfDay(date: string, timeZone: string): number {
  const [y, m, d] = parts(date);
  const wall = Date.UTC(y, m - 1, d); // midnight as if the zone were UTC
  // The offset at midnight is the day before's or the day after's (a change can fall either side
  // of it, or on it). Each gives a candidate: the earlier, if it is on the date, is the first
  // midnight (there are two where clocks go back to 00:00); if not, midnight was skipped and the
  // later is the change itself.
  const [early, late] = [wall - offsetAt(wall - DAY, timeZone), wall - offsetAt(wall + DAY, timeZone)].sort((a, b) => a - b);
  return dateIn(early, timeZone) === date ? early : late;
}

/**
 * When a report received at `receivedAt` becomes overdue: the end of the `workingDays`th working
 * day after the day of receipt (which never counts, however early it arrived). 0 means the end
 * of the day of receipt, or of the next working day if that is not one.
 */
export function acknowledgeBy(receivedAt: number, workingDays: number, calendar: WorkingCalendar): number {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`workingDays must be a whole number ≥ 0, not ${workingDays}`);
  let day = dateIn(receivedAt, calendar.timeZone);
  if (workingDays === 0) {
    while (!isWorkingDay(day, calendar)) day = nextDay(day);
  } else {
    for (let counted = 0; counted < workingDays; ) {
      day = nextDay(day);
      if (isWorkingDay(day, calendar)) counted++;
    }
  }
  return startOfDay(nextDay(day), calendar.timeZone);
}

/**
 * Whole working days that have ended since `dueAt` (the day it falls in counts only if it began
 * exactly then, as `acknowledgeBy`'s midnights do). Escalate when this reaches the further M days.
 */
export function workingDaysLate(dueAt: number, now: number, calendar: WorkingCalendar): number {
  let day = dateIn(dueAt, calendar.timeZone);
  if (startOfDay(day, calendar.timeZone) < dueAt) day = nextDay(day);
  let late = 0;
  for (let end = startOfDay(nextDay(day), calendar.timeZone); end <= now; end = startOfDay(nextDay(day), calendar.timeZone)) {
    if (isWorkingDay(day, calendar)) late++;
    day = nextDay(day);
  }
  return late;
}

/** How long something has waited, for the staff inbox: elapsed time, so clock changes don't matter. */
export function waitedText(from: number, now: number): string {
  const hours = Math.floor((now - from) / HOUR);
  if (hours < 1) return 'under 1 hour'; // also when `from` is ahead of us (a skewed clock)
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.floor(hours / 24)} days`; // 48 hours and over, so never "1 day"
}
