import { compactIndex, type CompactIndex } from './compact';
import { ENGLISH_FIELD, englishTermOf, foreignTo } from './english';
import { lunr, termFor } from './languages';
import { words } from './text';

export interface SearchDoc {
  /** The page's address, e.g. /pl/advice/fraud-and-scams. */
  url: string;
  title: string;
  summary: string;
  headings: string;
  /** The report types the page offers, so the chat can offer to report it. */
  reports: string[];
  /** The words people use for the page's subject in its language ("husband hits me"), weighted high. */
  keywords: string;
  /** Plain text of the page, for matching. */
  text: string;
  /** In another language's index, the English page's title and short keywords (see english.ts). */
  english?: string;
}

export interface SerialisedIndex {
  locale: string;
  index: CompactIndex;
  docs: Omit<SearchDoc, 'keywords' | 'headings' | 'text'>[];
}

/**
 * Each page's body without the words no other page uses and no title, summary, heading or keyword
 * names: they were a third of the index a phone downloads, and a query rarely turns on one (3 of
 * about 1,200 natural queries did, before keywords were added for them).
 */
function bodiesWithoutLoneWords(docs: SearchDoc[], term: (word: string) => string | undefined): SearchDoc[] {
  const termsOf = (text: string) => words(text).map((w) => [w, term(w)] as const);
  const described = new Set(docs.flatMap((d) => termsOf(`${d.title} ${d.summary} ${d.headings} ${d.keywords}`).map(([, t]) => t)));
  const pagesWith = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(termsOf(doc.text).map(([, t]) => t))) if (t) pagesWith.set(t, (pagesWith.get(t) ?? 0) + 1);
  const kept = (t: string | undefined) => t !== undefined && (described.has(t) || (pagesWith.get(t) ?? 0) > 1);
  return docs.map((doc) => ({ ...doc, text: termsOf(doc.text).filter(([, t]) => kept(t)).map(([w]) => w).join(' ') }));
}

/**
 * The English names only where a query could use them: search looks a word up in English only
 * when the language's own pages lack it (search.ts), so an English word they have is left out.
 */
function englishWhereForeign(docs: SearchDoc[], term: (word: string) => string | undefined): SearchDoc[] {
  const foreign = foreignTo(term, new Set(docs.flatMap((d) => words(`${d.title} ${d.summary} ${d.headings} ${d.keywords} ${d.text}`).map(term))));
  return docs.map((doc) => (doc.english ? { ...doc, english: words(doc.english).filter(foreign).join(' ') } : doc));
}

/** Builds one language's index at build time, so neither browser nor server builds it at run time. */
export function buildIndex(locale: string, docs: SearchDoc[]): SerialisedIndex {
  const term = termFor(locale);
  const builder = new lunr.Builder();
  // Terms are made by the language's own function below, not by lunr's ASCII-only pipeline.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = ((value: unknown, metadata?: { fields?: string[] }) =>
    words(String(value ?? ''))
      .map(metadata?.fields?.[0] === ENGLISH_FIELD ? englishTermOf : term)
      .filter((t): t is string => Boolean(t))
      .map((t) => new lunr.Token(t, {}))) as unknown as typeof lunr.tokenizer;
  builder.ref('url');
  builder.field('title', { boost: 10 });
  builder.field('keywords', { boost: 8 });
  builder.field('summary', { boost: 4 });
  builder.field('headings', { boost: 3 });
  if (docs.some((d) => d.english)) builder.field(ENGLISH_FIELD, { boost: 3 });
  builder.field('text');
  builder.metadataWhitelist = [];
  for (const doc of englishWhereForeign(bodiesWithoutLoneWords(docs, term), term)) builder.add(doc);
  // Results show a page's title and summary (as GOV.UK's search does); the rest of what is indexed
  // only ranks, and is not sent to the browser: it was half of what a phone downloaded to search.
  const shown = docs.map(({ keywords: _keywords, headings: _headings, text: _text, english: _english, ...rest }) => rest);
  return { locale, index: compactIndex(builder.build().toJSON() as unknown as Parameters<typeof compactIndex>[0]), docs: shown };
}
