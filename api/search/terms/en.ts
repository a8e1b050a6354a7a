import lunr from 'lunr';
import { fromPipeline, type TokenFn } from './pipeline';

export const term = fromPipeline(lunr.stopWordFilter as TokenFn, lunr.stemmer as TokenFn);
