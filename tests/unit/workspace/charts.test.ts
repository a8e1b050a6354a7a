import { describe, expect, it } from 'vitest';
import { SUPPRESS_BELOW, barChart, chartTable, shownCount, type Bar } from '../../../api/workspace/charts';

const chart = (bars: Bar[], title = 'Reports by type') => barChart({ title, description: 'Reports received this month.', bars });
const barWidths = (svg: string): number[] => [...svg.matchAll(/<rect[^>]*\swidth="([\d.]+)"/g)].map((m) => Number(m[1]));
const rows = (svg: string): string[] => svg.match(/<g class="app-chart__row".*?<\/g>/g) ?? [];
const HOSTILE = `<script>alert("x")</script> & 'quoted'`;

describe('shownCount', () => {
  it('suppresses counts from 1 to 4 and shows 0 and 5 and over', () => {
    expect(SUPPRESS_BELOW).toBe(5);
    expect(shownCount(0)).toBe('0');
    expect(shownCount(1)).toBe('fewer than 5');
    expect(shownCount(4)).toBe('fewer than 5');
    expect(shownCount(5)).toBe('5');
    expect(shownCount(1234)).toBe('1,234');
  });

  it('refuses something that is not a count rather than show it', () => {
    expect(() => shownCount(-1)).toThrow(RangeError);
    expect(() => shownCount(2.5)).toThrow(RangeError);
  });
});

describe('barChart', () => {
  it('draws 1 and 4 identically, so the drawing cannot reveal a small count', () => {
    const one = chart([{ label: 'Hate crime', count: 1 }, { label: 'Noise', count: 30 }]);
    const four = chart([{ label: 'Hate crime', count: 4 }, { label: 'Noise', count: 30 }]);
    expect(one).toBe(four);
    expect(one).toContain('>fewer than 5</text>');

    // Within one chart, the rows for 1 and 4 differ only in their label and place.
    const [a, b] = rows(chart([{ label: 'Aaaa', count: 1 }, { label: 'Bbbb', count: 4 }]));
    const strip = (row: string) => row.replace(/translate\([^)]*\)/, '').replace(/Aaaa|Bbbb/, 'LABEL');
    expect(strip(a)).toBe(strip(b));
  });

  it('gives the largest count shown exactly the full length, and scales the others to it', () => {
    const [largest, half, suppressed] = barWidths(chart([{ label: 'a', count: 10 }, { label: 'b', count: 5 }, { label: 'c', count: 2 }]));
    const [alsoFull] = barWidths(chart([{ label: 'z', count: 1000 }, { label: 'y', count: 3 }]));
    expect(largest).toBe(alsoFull);
    expect(largest).toBe(320 - 2 * 8 - 72); // the viewBox width, less padding each side and room for the number
    expect(half).toBe(largest / 2);
    expect(suppressed).toBeLessThan(half);

    // A suppressed count is never the scale, even when it is the largest.
    const [shown, hidden] = barWidths(chart([{ label: 'a', count: 0 }, { label: 'b', count: 4 }]));
    expect(shown).toBe(0);
    expect(hidden).toBeLessThan(largest);
  });

  it('escapes a hostile label and title', () => {
    const svg = barChart({ title: HOSTILE, description: HOSTILE, bars: [{ label: HOSTILE, count: 7 }] });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(svg).not.toContain("'quoted");
  });

  it('uses no style attribute or element, which the page CSP would block', () => {
    for (const svg of [chart([{ label: 'a', count: 12 }, { label: 'b', count: 3 }, { label: 'c', count: 0 }]), chart([])]) {
      expect(svg).not.toMatch(/style=/i);
      expect(svg).not.toMatch(/<style/i);
    }
  });

  it('gives two charts on one page different ids, each labelled by its own title and description', () => {
    const page = [chart([{ label: 'a', count: 6 }], 'Reports by type'), chart([{ label: 'a', count: 6 }], 'Reports by area')];
    const ids = page.flatMap((svg) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const svg of page) {
      const [, labelledBy, describedBy] = svg.match(/aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/) ?? [];
      expect(svg).toContain(`<title id="${labelledBy}">`);
      expect(svg).toContain(`<desc id="${describedBy}">`);
    }
  });

  it('fits a phone: role img, a viewBox, width 100% and no pixel width', () => {
    const svg = chart([{ label: 'Anti-social behaviour including noise from neighbours and parties', count: 9 }]);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*viewBox="0 0 320 \d+(\.\d+)?" width="100%"/);
    expect(svg.match(/<tspan/g)).toHaveLength(2); // the long label is wrapped rather than cut off
  });

  it('says "No reports" when there are no bars', () => {
    const svg = chart([]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('>No reports</text>');
  });
});

describe('chartTable', () => {
  it('lists each bar with its suppressed count in a GOV.UK table', () => {
    const table = chartTable({ caption: 'Reports by area', labelHeading: 'Area', bars: [{ label: 'Central', count: 3 }, { label: 'Orton', count: 1500 }] });
    expect(table).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Reports by area</caption>');
    expect(table).toContain('<th scope="col" class="govuk-table__header">Area</th>');
    expect(table).toContain('Central</th><td class="govuk-table__cell govuk-table__cell--numeric">fewer than 5</td>');
    expect(table).toContain('Orton</th><td class="govuk-table__cell govuk-table__cell--numeric">1,500</td>');
    expect(table).not.toContain('>3<');
  });

  it('escapes a hostile caption, heading and label', () => {
    const table = chartTable({ caption: HOSTILE, labelHeading: HOSTILE, bars: [{ label: HOSTILE, count: 0 }] });
    expect(table).not.toContain('<script');
    expect(table.split('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;')).toHaveLength(4);
  });

  it('says "No reports" when there are no bars', () => {
    expect(chartTable({ caption: 'Reports', labelHeading: 'Type', bars: [] })).toContain('>No reports</td>');
  });
});
