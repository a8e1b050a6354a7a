import { fold } from '../text';
import type { TermFn } from './pipeline';

// Urdu has no lunr stemmer either; its words are kept whole (folding only drops vowel marks).
const URDU_STOP_WORDS = new Set(['اور', 'کا', 'کی', 'کے', 'میں', 'سے', 'کو', 'ہے', 'ہیں', 'یہ', 'وہ', 'پر', 'بھی', 'تو', 'نہیں', 'ایک']);

export const term: TermFn = (word) => {
  const folded = fold(word);
  return URDU_STOP_WORDS.has(folded) ? undefined : folded;
};
