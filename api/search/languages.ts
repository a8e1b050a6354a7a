import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrPl from 'lunr-languages/lunr.pl.js';
import lunrPt from 'lunr-languages/lunr.pt.js';
import lunrRo from 'lunr-languages/lunr.ro.js';
import { fold } from './text';

type TokenFn = (token: lunr.Token) => lunr.Token | undefined;
type LunrWithLanguages = typeof lunr & Record<'pl' | 'pt' | 'ro', { stemmer: TokenFn; stopWordFilter: TokenFn }>;

stemmerSupport(lunr);
lunrPl(lunr);
lunrPt(lunr);
lunrRo(lunr);
const withLanguages = lunr as LunrWithLanguages;

/** How one language turns a word into an index term: undefined for a stop word. */
export type TermFn = (word: string) => string | undefined;

function fromPipeline(stopWordFilter: TokenFn | undefined, stemmer: TokenFn | undefined, after = (t: string) => t): TermFn {
  return (word) => {
    const lower = word.toLowerCase();
    if (stopWordFilter && !stopWordFilter(new lunr.Token(lower, {}))) return undefined;
    // Folded before stemming, so a word typed with or without its diacritics gives the same term.
    const folded = fold(lower);
    return after(stemmer ? stemmer(new lunr.Token(folded, {}))!.toString() : folded);
  };
}

// lunr's Polish stemmer leaves many nominatives whole (oszustwo) while it strips other cases
// (oszustwa → oszustw); dropping a final vowel brings the forms together.
const polishEnding = (term: string) => (term.length >= 5 && /[aeiouy]$/.test(term) ? term.slice(0, -1) : term);

// Lithuanian has no lunr stemmer: strip the commonest noun and adjective endings (already folded).
const LT_ENDINGS = ['iuose', 'uose', 'ioms', 'iems', 'oms', 'ams', 'ems', 'ais', 'ose', 'ai', 'as', 'is', 'ys', 'us', 'os', 'es', 'io', 'iu', 'ui', 'a', 'e', 'i', 'o', 'u', 'y'];
function lithuanian(word: string): string | undefined {
  const folded = fold(word);
  const ending = LT_ENDINGS.find((e) => folded.endsWith(e) && folded.length - e.length >= 4);
  return ending ? folded.slice(0, -ending.length) : folded;
}

// Urdu has no lunr stemmer either; its words are kept whole (folding only drops vowel marks).
const URDU_STOP_WORDS = new Set(['اور', 'کا', 'کی', 'کے', 'میں', 'سے', 'کو', 'ہے', 'ہیں', 'یہ', 'وہ', 'پر', 'بھی', 'تو', 'نہیں', 'ایک']);
function urdu(word: string): string | undefined {
  const folded = fold(word);
  return URDU_STOP_WORDS.has(folded) ? undefined : folded;
}

const TERM_FNS: Record<string, TermFn> = {
  en: fromPipeline(lunr.stopWordFilter as TokenFn, lunr.stemmer as TokenFn),
  pl: fromPipeline(withLanguages.pl.stopWordFilter, withLanguages.pl.stemmer, polishEnding),
  pt: fromPipeline(withLanguages.pt.stopWordFilter, withLanguages.pt.stemmer),
  ro: fromPipeline(withLanguages.ro.stopWordFilter, withLanguages.ro.stemmer),
  lt: lithuanian,
  ur: urdu,
};

export function termFor(locale: string): TermFn {
  return TERM_FNS[locale] ?? TERM_FNS.en;
}

export { lunr };
