// Text handling that works for every portal language, where lunr's defaults only keep ASCII.

const EXTRA_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * Folds diacritics so that "zglos" finds "zgłoś" and "sukciavimas" finds "sukčiavimas".
 * Latin letters lose their accents; Urdu letters stay as they are, less optional vowel marks
 * (zabar, zer, pesh), which people rarely type.
 */
export function fold(text: string): string {
  return text
    .replace(/[łŁøØđĐßæœ]/g, (c) => EXTRA_FOLDS[c])
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/**
 * Words of any script: letters, marks and digits. An apostrophe is kept only inside a word, and
 * typed either way ("Victims' Hub" and "victims hub", "Clare’s" and "Clare's" are the same words).
 */
export function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’](?=[\p{L}\p{N}]))*/gu) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** A possessive is the word itself, for search: "Clare's Law" is found by "clares law" and "clare law". */
export const withoutPossessive = (word: string) => word.replace(/'s$/i, '');

/** Markdown to plain text, for indexing and snippets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#+\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>]/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
