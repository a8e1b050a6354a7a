import { compactIndex, type CompactIndex } from './compact';
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
}

export interface SerialisedIndex {
  locale: string;
  index: CompactIndex;
  docs: Omit<SearchDoc, 'keywords' | 'headings' | 'text'>[];
}

/** Builds one language's index at build time, so neither browser nor server builds it at run time. */
export function buildIndex(locale: string, docs: SearchDoc[]): SerialisedIndex {
  const term = termFor(locale);
  const builder = new lunr.Builder();
  // Terms are made by the language's own function below, not by lunr's ASCII-only pipeline.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = ((value: unknown) =>
    words(String(value ?? ''))
      .map(term)
      .filter((t): t is string => Boolean(t))
      .map((t) => new lunr.Token(t, {}))) as unknown as typeof lunr.tokenizer;
  builder.ref('url');
  builder.field('title', { boost: 10 });
  builder.field('keywords', { boost: 8 });
  builder.field('summary', { boost: 4 });
  builder.field('headings', { boost: 3 });
  builder.field('text');
  builder.metadataWhitelist = [];
  for (const doc of docs) builder.add(doc);
  // Results show a page's title and summary (as GOV.UK's search does); the rest of what is indexed
  // only ranks, and is not sent to the browser: it was half of what a phone downloaded to search.
  const shown = docs.map(({ keywords: _keywords, headings: _headings, text: _text, ...rest }) => rest);
  return { locale, index: compactIndex(builder.build().toJSON() as unknown as Parameters<typeof compactIndex>[0]), docs: shown };
}
