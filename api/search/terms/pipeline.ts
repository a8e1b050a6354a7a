import lunr from 'lunr';
import { fold, withoutPossessive } from '../text';

/** How one language turns a word into an index term: undefined for a stop word. */
export type TermFn = (word: string) => string | undefined;

export type TokenFn = (token: lunr.Token) => lunr.Token | undefined;

/** A term function from lunr's stop word filter and stemmer for a language. */
export function fromPipeline(stopWordFilter: TokenFn | undefined, stemmer: TokenFn | undefined, after = (t: string) => t): TermFn {
  return (word) => {
    const lower = withoutPossessive(word.toLowerCase());
    if (stopWordFilter && !stopWordFilter(new lunr.Token(lower, {}))) return undefined;
    // Folded before stemming, so a word typed with or without its diacritics gives the same term.
    const folded = fold(lower);
    return after(stemmer ? stemmer(new lunr.Token(folded, {}))!.toString() : folded);
  };
}

/** lunr with one of lunr-languages' stemmers registered on it. */
export type WithLanguage<L extends string> = typeof lunr & Record<L, { stemmer: TokenFn; stopWordFilter: TokenFn }>;
