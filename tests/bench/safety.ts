import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCERNS, type Concern } from '../../bot/safety/recognise';
import { safetyIn } from '../../bot/safety';
import { locales } from '../../i18n';

type SafetySet = Record<Concern | 'ordinary', string[]>;

const pct = (n: number, of: number, asked: number) => `${n}/${of} +${asked}`.padStart(9);

/**
 * The chat's safety recogniser on messages written for the test (<folder>/safety-<lang>.json):
 * how many of each concern it catches, and how many ordinary messages it wrongly flags; "+n" is how
 * many more, not caught, the chat asks "Are you safe right now?" (the net leant to a concern but
 * was unsure). As with the phrases, a blind set whose misses were read and fixed moves to seen/.
 */
export function safetyBench(folder = 'held-out'): string[] {
  const lines = [`Safety recogniser on ${folder} messages (caught as their concern, +asked if safe; ordinary ones flagged, +asked):`, '  lang      danger  self-harm  domestic abuse  ordinary flagged'];
  const wrong: string[] = [];
  for (const locale of locales) {
    const file = join(import.meta.dirname, folder, `safety-${locale}.json`);
    if (!existsSync(file)) continue;
    const set = JSON.parse(readFileSync(file, 'utf8')) as SafetySet;
    const caught = (concern: Concern) => {
      let asked = 0;
      const found = set[concern].filter((text) => {
        const safety = safetyIn(text, locale);
        const hit = safety.concerns.includes(concern);
        if (!hit) wrong.push(`  ${locale} ${concern} missed${safety.unsure ? ' (asked if safe)' : ''}: "${text}"`);
        if (!hit && safety.unsure) asked++;
        return hit;
      }).length;
      return pct(found, set[concern].length, asked);
    };
    const [danger, selfHarm, abuse] = CONCERNS.map(caught);
    let asked = 0;
    const flagged = set.ordinary.filter((text) => {
      const safety = safetyIn(text, locale);
      if (safety.concerns.length > 0) wrong.push(`  ${locale} ordinary flagged as ${safety.concerns.join(', ')}: "${text}"`);
      else if (safety.unsure) asked++;
      return safety.concerns.length > 0;
    }).length;
    lines.push(`  ${locale.padEnd(5)} ${danger}  ${selfHarm.padStart(9)}  ${abuse.padStart(14)}  ${pct(flagged, set.ordinary.length, asked).padStart(16)}`);
  }
  if (lines.length === 2) lines.push('  (none: the last blind set was tuned on once measured; a new one is to be written)');
  return [...lines, ...(wrong.length > 0 ? ['Still wrong:', ...wrong] : [])];
}
