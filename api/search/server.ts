import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SerialisedIndex } from './index';
import { loadIndex, search, type LoadedIndex, type SearchResult } from './search';

export interface GuidanceSearch {
  /** The best pages in the reader's language; when there are none, the best in English too. */
  search(locale: string, query: string): { results: SearchResult[]; english: SearchResult[] };
}

/**
 * Loads the prebuilt indexes from the site build: the same indexes, and ranking, as the browser's.
 * `urgent` may name a page to put first whatever else matches (the safety page, for someone in
 * danger now).
 */
export function loadGuidanceSearch(
  indexDir: string,
  locales: readonly string[],
  urgent: (locale: string, query: string) => SearchResult | undefined = () => undefined,
): GuidanceSearch {
  const indexes = new Map<string, LoadedIndex>();
  for (const locale of locales) {
    const file = join(indexDir, `${locale}.json`);
    if (existsSync(file)) indexes.set(locale, loadIndex(JSON.parse(readFileSync(file, 'utf8')) as SerialisedIndex));
  }
  const find = (locale: string, query: string) => {
    const index = indexes.get(locale);
    return index ? search(index, query) : [];
  };
  return {
    search(locale, query) {
      const first = urgent(locale, query);
      const found = find(locale, query);
      const results = first ? [first, ...found.filter((r) => r.url !== first.url)] : found;
      return { results, english: found.length === 0 && locale !== 'en' ? find('en', query) : [] };
    },
  };
}
