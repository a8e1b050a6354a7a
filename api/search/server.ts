import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SerialisedIndex } from './index';
import { loadIndex, search, type LoadedIndex, type SearchResult } from './search';
import { termFor } from './languages';

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
  // Each language's index is loaded when it is first searched: most servers never search in
  // most languages, and start-up waits for none of them.
  const indexes = new Map<string, LoadedIndex | undefined>();
  const indexOf = (locale: string) => {
    if (!indexes.has(locale)) {
      const file = join(indexDir, `${locale}.json`);
      const known = locales.includes(locale) && existsSync(file);
      indexes.set(locale, known ? loadIndex(JSON.parse(readFileSync(file, 'utf8')) as SerialisedIndex, termFor(locale)) : undefined);
    }
    return indexes.get(locale);
  };
  const find = (locale: string, query: string) => {
    const index = indexOf(locale);
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
