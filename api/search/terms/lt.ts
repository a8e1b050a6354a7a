import { fold, withoutPossessive } from '../text';
import type { TermFn } from './pipeline';

// Lithuanian has no lunr stemmer: strip the commonest noun and adjective endings (already folded).
const LT_ENDINGS = ['iuose', 'uose', 'ioms', 'iems', 'oms', 'ams', 'ems', 'ais', 'ose', 'ai', 'as', 'is', 'ys', 'us', 'os', 'es', 'io', 'iu', 'ui', 'a', 'e', 'i', 'o', 'u', 'y'];

export const term: TermFn = (word) => {
  const folded = fold(withoutPossessive(word));
  const ending = LT_ENDINGS.find((e) => folded.endsWith(e) && folded.length - e.length >= 4);
  return ending ? folded.slice(0, -ending.length) : folded;
};
