import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';

const SIX_MONTHS_MS = 183 * 24 * 60 * 60 * 1000;

export interface CheckedEntry {
  id: string;
  lastChecked: string | Date;
  unconfirmed?: string[];
}

/** Entries whose facts were last checked more than six months before `now`. */
export function staleHelplines(entries: CheckedEntry[], now: Date): CheckedEntry[] {
  return entries.filter((e) => now.getTime() - new Date(e.lastChecked).getTime() > SIX_MONTHS_MS);
}

/** Lists, at every build, the helplines whose numbers nobody has re-checked for six months, and what is still unconfirmed. */
export function helplineFreshness(file: string): AstroIntegration {
  return {
    name: 'helpline-freshness',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const entries = parse(readFileSync(file, 'utf8')) as CheckedEntry[];
        const unconfirmed = entries.filter((e) => e.unconfirmed?.length);
        if (unconfirmed.length > 0) {
          logger.warn(`${unconfirmed.length} helplines have facts still unconfirmed (not printed until a public source confirms them):`);
          for (const e of unconfirmed) for (const what of e.unconfirmed!) logger.warn(`  ${e.id}: ${what}`);
        }
        const stale = staleHelplines(entries, new Date());
        if (stale.length === 0) {
          logger.info(`all ${entries.length} helplines were checked within six months`);
          return;
        }
        logger.warn(`${stale.length} helplines were last checked over six months ago; re-check them in ${file}:`);
        for (const e of stale) logger.warn(`  ${e.id} (last checked ${new Date(e.lastChecked).toISOString().slice(0, 10)})`);
      },
    },
  };
}
