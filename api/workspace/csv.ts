// A spreadsheet runs a cell that starts with one of these as a formula: a reporter's words must
// never do that on a partner's computer (OWASP's "CSV injection"), so such a cell is prefixed
// with a single quote, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;
// A cell with any of these is quoted, its quotes doubled (RFC 4180).
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as a spreadsheet will read it: as text, never as a formula. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A table as CSV (RFC 4180: CRLF between records), starting with a byte order mark: without it,
 * Excel reads UTF-8 as the machine's own code page and garbles Polish and Urdu names.
 */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
