import { fold, withoutPossessive } from '../text';
import type { TermFn } from './pipeline';

// Urdu has no lunr stemmer either; its words are kept whole (folding only drops vowel marks).
// The same small words in Roman Urdu, as many people type Urdu on a phone: kept, each is rare in
// the index and pulls up any page whose keywords hold it ("nashay ki lat" found hate crime).
const URDU_STOP_WORDS = new Set([
  ...['اور', 'کا', 'کی', 'کے', 'میں', 'سے', 'کو', 'ہے', 'ہیں', 'یہ', 'وہ', 'پر', 'بھی', 'تو', 'نہیں', 'ایک'],
  ...['aur', 'ka', 'ki', 'ke', 'mein', 'me', 'se', 'ko', 'hai', 'hain', 'he', 'yeh', 'ye', 'woh', 'wo', 'par', 'pe', 'bhi', 'to', 'nahi', 'nahin', 'ek', 'ne', 'kya', 'ho'],
]);

export const term: TermFn = (word) => {
  const folded = fold(withoutPossessive(word));
  return URDU_STOP_WORDS.has(folded) ? undefined : folded;
};
