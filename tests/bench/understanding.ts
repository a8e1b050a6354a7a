import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGuidanceSearch } from '../../api/search/server';
import { loadUnderstanding } from '../../bot/understanding';
import { locales } from '../../i18n';
import { clientDir } from '../support/built-site';

interface HeldOut {
  intents: { text: string; intent: string }[];
  search: { query: string; topic: string }[];
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`.padStart(6);
const phrasesIn = (folder: string, locale: string): HeldOut | undefined => {
  const file = join(import.meta.dirname, folder, `${locale}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HeldOut) : undefined;
};

/**
 * The chat's first-message understanding and search's first result, on sets of phrases written
 * for the test and never used as examples or keywords: `held-out/`, written blind and never
 * looked at to build (the honest figure); `seen/`, the earlier held-out set, whose misses were
 * read once it was measured, and `dev/`, whose misses guided what data was added. A held-out set
 * whose misses have been read becomes a seen one, and a new one is written blind.
 */
export function understandingBench(): string[] {
  return [
    ...setBench('held-out', 'Held-out phrases and queries (written blind, never read to build):'),
    ...setBench('seen', 'The earlier held-out phrases and queries (their misses were read, then used to tune):'),
    ...setBench('dev', 'Tuning phrases and queries (written for the test; their misses guided what data was added):'),
  ];
}

function setBench(folder: string, title: string): string[] {
  const understanding = loadUnderstanding();
  const guidance = loadGuidanceSearch(join(clientDir, 'search-index'), locales);
  const lines = [title, '  lang   intents   accuracy   queries   top-1   domestic abuse top-1'];
  const wrong: string[] = [];
  for (const locale of locales) {
    const set = phrasesIn(folder, locale);
    if (!set) continue;
    const right = set.intents.filter((item) => understanding[locale].intent(item.text).intent === item.intent);
    for (const item of set.intents) {
      const got = understanding[locale].intent(item.text).intent;
      if (got !== item.intent) wrong.push(`  ${locale} intent "${item.text}": ${got ?? 'not understood'} (wanted ${item.intent})`);
    }
    const firstTopic = (query: string) => guidance.search(locale, query).results.find((r) => r.url.includes('/advice/'))?.url.split('/').pop();
    const found = set.search.filter((q) => firstTopic(q.query) === q.topic);
    const abuse = set.search.filter((q) => q.topic === 'domestic-abuse');
    for (const q of set.search) if (firstTopic(q.query) !== q.topic) wrong.push(`  ${locale} search "${q.query}": ${firstTopic(q.query) ?? 'nothing'} (wanted ${q.topic})`);
    lines.push(
      `  ${locale.padEnd(5)} ${String(set.intents.length).padStart(7)}   ${pct(right.length, set.intents.length)}   ${String(set.search.length).padStart(7)}  ${pct(found.length, set.search.length)}   ${pct(abuse.filter((q) => firstTopic(q.query) === q.topic).length, abuse.length)}`,
    );
  }
  if (lines.length === 2) lines.push('  (none: the last blind set was tuned on once measured; a new one is to be written)');
  return [...lines, ...(wrong.length > 0 ? ['Still wrong:', ...wrong] : [])];
}
