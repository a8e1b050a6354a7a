import lunr from 'lunr';
import { expandIndex } from './compact';
import { ENGLISH_FIELD, englishTermOf, foreignTo } from './english';
import type { SerialisedIndex } from './index';
import type { TermFn } from './terms/pipeline';
import { fold, words } from './text';

export interface SnippetPart {
  text: string;
  /** True for a word that matched the query: shown marked. */
  match: boolean;
}

export interface SearchResult {
  url: string;
  title: string;
  summary: string;
  /** The report types the page offers. */
  reports: string[];
  snippet: SnippetPart[];
  score: number;
}

export interface LoadedIndex {
  locale: string;
  /** The language's own way of making terms, the same the index was built with. */
  term: TermFn;
  index: lunr.Index;
  docs: Map<string, SerialisedIndex['docs'][number]>;
  /** The fields of the language's own words: all but the English names (english.ts). */
  own: string[];
  /** Whether the index holds the English names of its pages. */
  english: boolean;
  /** The terms the index holds. */
  terms: Set<string>;
}

/** `term` is the language's term function (from languages.ts, or in the browser its one module). */
export function loadIndex(serialised: SerialisedIndex, term: TermFn): LoadedIndex {
  const { fields, terms } = serialised.index;
  return {
    locale: serialised.locale,
    term,
    index: lunr.Index.load(expandIndex(serialised.index)),
    docs: new Map(serialised.docs.map((d) => [d.url, d])),
    own: fields.filter((f) => f !== ENGLISH_FIELD),
    english: fields.includes(ENGLISH_FIELD),
    terms: new Set(terms.map(([t]) => t)),
  };
}

// The work a query may cost is bounded, whatever is typed: lunr's fuzzy and prefix matching grow
// far faster than the word (a 200-letter word took 2 to 25 s of the only thread, during which
// nothing else was answered). No word in the guidance is longer than 24 letters.
const MAX_QUERY_WORDS = 12;
const MAX_WORD = 24;
const MAX_FUZZY_TERMS = 4;
const MAX_FUZZY_WORD = 16;

/**
 * Finds the best pages for what someone typed, misspelled or without diacritics: each word
 * matches exactly (strongest), as a prefix, or one typing slip away (weakest).
 */
export function search(loaded: LoadedIndex, query: string, limit = 5): SearchResult[] {
  const term = loaded.term;
  const typed = words(query.slice(0, 200))
    .filter((w) => w.length <= MAX_WORD)
    .slice(0, MAX_QUERY_WORDS);
  const terms = [...new Set(typed.map(term).filter((t): t is string => Boolean(t)))];
  // Only a word the language's own pages do not have is looked for in English: "internet" in a
  // Polish query is Polish, and already found; "e" in a Portuguese one is "and".
  const english = loaded.english ? [...new Set(typed.filter(foreignTo(term, loaded.terms)).map(englishTermOf).filter((t): t is string => Boolean(t)))] : [];
  const prefixes = [...new Set(typed.map(fold).filter((w) => w.length >= 4))];
  if (terms.length === 0 && prefixes.length === 0 && english.length === 0) return [];
  const fuzzy = terms.filter((t) => t.length >= 4 && t.length <= MAX_FUZZY_WORD).slice(0, MAX_FUZZY_TERMS);
  const hits = loaded.index.query((q) => {
    for (const t of terms) q.term(t, { usePipeline: false, boost: 10, fields: loaded.own });
    // Typing slips: one edit in a short word, two in a long one ("harrasment" finds "harassment").
    for (const t of fuzzy) q.term(t, { usePipeline: false, editDistance: t.length >= 6 ? 2 : 1, boost: 1, fields: loaded.own });
    for (const p of prefixes) q.term(p, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3, fields: loaded.own });
    // English words match only as typed, and only the English names (english.ts).
    for (const t of english) q.term(t, { usePipeline: false, boost: 10, fields: [ENGLISH_FIELD] });
  });
  return hits.slice(0, limit).map((hit) => {
    const doc = loaded.docs.get(hit.ref)!;
    return { url: doc.url, title: doc.title, summary: doc.summary, reports: doc.reports ?? [], snippet: snippet(doc.summary, terms, prefixes, term), score: hit.score };
  });
}

/** The page's summary (up to about 60 words around the first match), with matching words marked. */
function snippet(text: string, terms: string[], prefixes: string[], term: (w: string) => string | undefined): SnippetPart[] {
  const matches = (word: string) => {
    const t = term(word);
    const f = fold(word);
    return (t !== undefined && terms.includes(t)) || prefixes.some((p) => f.startsWith(p));
  };
  const parts = text.split(/(\s+)/);
  const first = Math.max(0, parts.findIndex((p) => /\S/.test(p) && matches(p.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))));
  const start = Math.max(0, first - 20);
  const window = parts.slice(start, start + 60);
  const out: SnippetPart[] = start > 0 ? [{ text: '… ', match: false }] : [];
  for (const part of window) {
    const core = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (core && matches(core)) {
      const [before, after] = part.split(core);
      if (before) out.push({ text: before, match: false });
      out.push({ text: core, match: true });
      if (after) out.push({ text: after, match: false });
    } else out.push({ text: part, match: false });
  }
  if (start + 60 < parts.length) out.push({ text: ' …', match: false });
  return out;
}
