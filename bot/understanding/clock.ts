import { fold, words } from '../../api/search/text';

/** A language's words for a time of day (bot/understanding/<lang>.json, under "when"). */
export interface ClockWords {
  /** How an hour is said, "#" for its number: "at #", "o #", "# val", "às #", "# بجے". */
  hour?: string[];
  /** Words that put an hour of 5 to 11 in the evening or night ("w nocy", "رات"). */
  evening?: string[];
  /** Words that keep it in the morning ("am", "rano", "صبح"). */
  morning?: string[];
}

const TWELVE_HOUR = /\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*(am|pm)\b/i;
const HOUR_AND_MINUTES = /\b([01]?\d|2[0-3])(?:[:.]|h)([0-5]\d)\b/i;
const HOUR_H = /\b([01]?\d|2[0-3])h\b/i; // "23h" in Portuguese and Romanian

/**
 * The time a description names, as HH:MM, only where the hour is clear: "11pm", "23:00", "23h",
 * or an hour said the language's way ("o 23", "ora 23", "kal raat 11 baje"). A bare "at 11"
 * could be morning or night, so it is not taken unless the words say which.
 */
export function timeIn(text: string, said: ClockWords): string | undefined {
  const at = (hour: number, minutes = '00') => `${String(hour).padStart(2, '0')}:${minutes}`;
  const twelve = TWELVE_HOUR.exec(text);
  if (twelve) return at((Number(twelve[1]) % 12) + (twelve[3].toLowerCase() === 'pm' ? 12 : 0), twelve[2]);

  const plain = ` ${words(fold(text)).join(' ')} `;
  const saysAny = (phrases: string[] = []) => phrases.some((p) => plain.includes(` ${words(fold(p)).join(' ')} `));
  const dayPart = (hour: number): number | undefined => {
    if (hour > 12) return hour;
    // "At 11 at night" is 23:00, but "at 2 at night" is 02:00.
    if (saysAny(said.evening)) return hour === 12 ? 0 : hour < 5 ? hour : hour + 12;
    if (saysAny(said.morning)) return hour % 12;
    return undefined;
  };

  // Written with minutes ("23:00", "11.30", "23h30"): the 24-hour clock unless the words say night.
  const written = HOUR_AND_MINUTES.exec(text);
  if (written) return at(dayPart(Number(written[1])) ?? Number(written[1]), written[2]);
  const withH = HOUR_H.exec(text);
  if (withH) return at(dayPart(Number(withH[1])) ?? Number(withH[1]));

  for (const phrase of said.hour ?? []) {
    const [before, after] = fold(phrase).split('#').map((part) => words(part).join(' '));
    const pattern = new RegExp(` ${before ? `${escape(before)} ` : ''}(\\d{1,2})${after ? ` ${escape(after)}` : ''} `);
    const found = pattern.exec(plain);
    if (!found || Number(found[1]) > 23) continue;
    const hour = dayPart(Number(found[1]));
    if (hour !== undefined) return at(hour);
  }
  return undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
