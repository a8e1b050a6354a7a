import { term as englishTerm } from './terms/en';

/**
 * English words in another language's index, kept apart from that language's own terms: people
 * name things in English in their second language ("HMRC scam", "Victims Hub", "coercive
 * control"), and English stemmed by another language's rules meets its words by accident
 * ("case" and Portuguese "casa" both became "cas"). `_` is in no typed word, so no term of the
 * language itself begins with it.
 */
export const ENGLISH_FIELD = 'english';

export function englishTermOf(word: string): string | undefined {
  const t = englishTerm(word);
  return t && `en_${t}`;
}

/**
 * Whether a word is one to look up in English: a word of the language's own (a term `known`
 * holds) is found as itself, and a stop word of the language is nothing.
 */
export function foreignTo(term: (word: string) => string | undefined, known: Set<string | undefined>): (word: string) => boolean {
  return (word) => {
    const t = term(word);
    return t !== undefined && !known.has(t);
  };
}
