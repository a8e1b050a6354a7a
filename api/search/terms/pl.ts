import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import register from 'lunr-languages/lunr.pl.js';
import { fromPipeline, type WithLanguage } from './pipeline';

stemmerSupport(lunr);
register(lunr);
const withLanguage = lunr as WithLanguage<'pl'>;

// lunr's Polish stemmer leaves many nominatives whole (oszustwo) while it strips other cases
// (oszustwa → oszustw); dropping a final vowel brings the forms together.
const polishEnding = (term: string) => (term.length >= 5 && /[aeiouy]$/.test(term) ? term.slice(0, -1) : term);

export const term = fromPipeline(withLanguage.pl.stopWordFilter, withLanguage.pl.stemmer, polishEnding);
