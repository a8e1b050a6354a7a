import { lunr, termFor } from './languages';
import { words } from './text';

export interface SearchDoc {
  /** The page's address, e.g. /pl/advice/fraud-and-scams. */
  url: string;
  title: string;
  summary: string;
  headings: string;
  /** Plain text of the page, for matching and snippets. */
  text: string;
}

export interface SerialisedIndex {
  locale: string;
  index: object;
  docs: SearchDoc[];
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
  builder.field('summary', { boost: 4 });
  builder.field('headings', { boost: 3 });
  builder.field('text');
  builder.metadataWhitelist = [];
  for (const doc of docs) builder.add(doc);
  return { locale, index: builder.build().toJSON(), docs };
}
