import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import register from 'lunr-languages/lunr.ro.js';
import { fromPipeline, type WithLanguage } from './pipeline';

stemmerSupport(lunr);
register(lunr);
const withLanguage = lunr as WithLanguage<'ro'>;

export const term = fromPipeline(withLanguage.ro.stopWordFilter, withLanguage.ro.stemmer);
