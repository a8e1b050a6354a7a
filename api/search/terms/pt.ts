import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import register from 'lunr-languages/lunr.pt.js';
import { fromPipeline, type WithLanguage } from './pipeline';

stemmerSupport(lunr);
register(lunr);
const withLanguage = lunr as WithLanguage<'pt'>;

export const term = fromPipeline(withLanguage.pt.stopWordFilter, withLanguage.pt.stemmer);
