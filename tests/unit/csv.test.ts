import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../api/workspace/csv';

/** Reads CSV as RFC 4180 describes it, as a spreadsheet would, to check what csvTable wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('a CSV cell', () => {
  it.each(['=HYPERLINK("https://evil.example.org")', '+44 7700 900123', '-1+2', '@SUM(A1:A2)', '\tpadded', '\rreturned'])(
    'that a spreadsheet would run as a formula is prefixed with a quote: %j',
    (value) => {
      expect(readCsv(csvTable([[value]]).slice(1))).toEqual([[`'${value}`]]);
    },
  );

  it('is left alone when plain, even with a formula sign later on', () => {
    expect(csvCell('Noise after 11pm = every night')).toBe('Noise after 11pm = every night');
    expect(csvCell('Łucja Wiśniewska')).toBe('Łucja Wiśniewska');
  });

  it('is quoted, its quotes doubled, when it holds a comma, a quote or a line break', () => {
    expect(csvCell('He said "go home", then\nleft')).toBe('"He said ""go home"", then\nleft"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });
});

describe('a CSV table', () => {
  it('starts with a byte order mark and ends each record with CRLF', () => {
    expect(csvTable([['Name', 'Place'], ['عائشہ', 'Behind the shops']])).toBe('\uFEFFName,Place\r\nعائشہ,Behind the shops\r\n');
  });

  it('reads back as the cells it was given, any text at all, formulas shown as text', () => {
    const table = fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (rows) => {
        const read = readCsv(csvTable(rows).slice(1));
        expect(read).toEqual(rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
      }),
    );
  });
});
