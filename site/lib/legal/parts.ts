/** A piece of a legal page: prose as written in its language, or a block made from configuration. */
export type Part = { html: string } | { block: string };

const BLOCK = /<p>\s*\{\{block:([a-z0-9-]+)\}\}\s*<\/p>/g;
const VALUE = /\{\{([a-zA-Z]+)\}\}/g;
// A value in a link's address, as Markdown leaves it: its braces percent-encoded.
const VALUE_IN_URL = /%7B%7B([a-zA-Z]+)%7D%7D/g;

/** Escapes as numeric entities, in prose and in attributes alike. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Splits a page's rendered Markdown at its blocks (a paragraph holding only `{{block:name}}`)
 * and fills each `{{value}}` in its prose, escaped: the values are the partnership's, and any of
 * them could hold a "<". A name the page does not know is an error, so a typo in a translation
 * fails its test rather than printing braces to a reader.
 */
export function legalParts(html: string, values: Record<string, string>, blocks: readonly string[]): Part[] {
  const fill = (prose: string) => {
    // A block must be a paragraph of its own: one inside a list or a sentence would print its braces.
    if (prose.includes('{{block:')) throw new Error(`a block not in a paragraph of its own: ${/\{\{block:[^}]*\}\}/.exec(prose)![0]}`);
    const value = (_: string, name: string) => {
      if (!(name in values)) throw new Error(`unknown value {{${name}}}`);
      return escapeHtml(values[name]);
    };
    return prose.replace(VALUE_IN_URL, value).replace(VALUE, value);
  };
  const parts: Part[] = [];
  let at = 0;
  for (const match of html.matchAll(BLOCK)) {
    if (!blocks.includes(match[1])) throw new Error(`unknown block {{block:${match[1]}}}`);
    parts.push({ html: fill(html.slice(at, match.index)) }, { block: match[1] });
    at = match.index + match[0].length;
  }
  parts.push({ html: fill(html.slice(at)) });
  return parts.filter((p) => !('html' in p) || p.html.trim() !== '');
}

/** `{{name}}` in a label from a page's front matter, filled (the result is escaped at output). */
export function label(text: string | undefined, values: Record<string, string | number> = {}): string {
  if (text === undefined) throw new Error('a label the page needs is missing from its front matter');
  return text.replace(VALUE, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
