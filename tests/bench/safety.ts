import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCERNS, type Concern } from '../../bot/safety/recognise';
import { concernsIn } from '../../bot/safety';
import { locales } from '../../i18n';

type SafetySet = Record<Concern | 'ordinary', string[]>;

const pct = (n: number, of: number) => `${n}/${of}`.padStart(6);

/**
 * The chat's safety recogniser on messages written for the test (<folder>/safety-<lang>.json):
 * how many of each concern it catches, and how many ordinary messages it wrongly flags. As with
 * the phrases, a blind set whose misses were read and fixed moves to seen/.
 */
export function safetyBench(folder = 'held-out'): string[] {
  const lines = [`Safety recogniser on ${folder} messages (caught as their concern; ordinary ones flagged):`, '  lang   danger  self-harm  domestic abuse  ordinary flagged'];
  const wrong: string[] = [];
  for (const locale of locales) {
    const file = join(import.meta.dirname, folder, `safety-${locale}.json`);
    if (!existsSync(file)) continue;
    const set = JSON.parse(readFileSync(file, 'utf8')) as SafetySet;
    const caught = (concern: Concern) =>
      set[concern].filter((text) => {
        const found = concernsIn(text, locale).includes(concern);
        if (!found) wrong.push(`  ${locale} ${concern} missed: "${text}"`);
        return found;
      }).length;
    const [danger, selfHarm, abuse] = CONCERNS.map(caught);
    const flagged = set.ordinary.filter((text) => {
      const found = concernsIn(text, locale);
      if (found.length > 0) wrong.push(`  ${locale} ordinary flagged as ${found.join(', ')}: "${text}"`);
      return found.length > 0;
    }).length;
    lines.push(
      `  ${locale.padEnd(5)} ${pct(danger, set.danger.length)}  ${pct(selfHarm, set.selfHarm.length).padStart(9)}  ${pct(abuse, set.domesticAbuse.length).padStart(14)}  ${pct(flagged, set.ordinary.length).padStart(16)}`,
    );
  }
  if (lines.length === 2) lines.push('  (none: the last blind set was tuned on once measured; a new one is to be written)');
  return [...lines, ...(wrong.length > 0 ? ['Still wrong:', ...wrong] : [])];
}
