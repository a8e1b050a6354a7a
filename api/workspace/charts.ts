/**
 * Charts for the partnership administrator's workspace, drawn on the server as inline SVG.
 *
 * The page's Content-Security-Policy is `style-src 'self'`, so nothing here writes a style
 * attribute or a <style> element: colour and size are SVG presentation attributes (fill,
 * stroke, font-size), and classes are hooks for the site's own stylesheet.
 *
 * Counts from 1 to 4 are never shown: they read "fewer than 5", and their bar has one fixed
 * length, so neither the text nor the drawing can identify anyone in a small group.
 */
import { escapeHtml as escapeXml } from '../mail/escape';

export const SUPPRESS_BELOW = 5;

export interface Bar {
  label: string;
  count: number;
}

const SUPPRESSED_TEXT = 'fewer than 5';
const NO_REPORTS_TEXT = 'No reports';
const numberFormat = new Intl.NumberFormat('en-GB');

/** "0", "fewer than 5" or the count as en-GB ("1,234"). */
export function shownCount(n: number): string {
  // A count that is negative or fractional is a bug upstream; showing it could mislead a partner.
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a count: ${n}`);
  if (n === 0) return '0';
  if (n < SUPPRESS_BELOW) return SUPPRESSED_TEXT;
  return numberFormat.format(n);
}

const isSuppressed = (n: number): boolean => n > 0 && n < SUPPRESS_BELOW;

// A narrow viewBox drawn at width="100%": on a 320 px phone one unit is about one pixel, so
// 14-unit text stays readable. Labels sit on their own line above each bar (left-aligned)
// because a label column beside the bars would leave the bars no room on a phone.
const VIEW_WIDTH = 320;
const PAD = 8;
const FONT_SIZE = 14;
const LINE_HEIGHT = 18;
const LABEL_CHARS_PER_LINE = 36; // about (320 - 2 * 8) / (0.55 * 14), with a margin for wide letters
const BAR_HEIGHT = 20;
const ROW_GAP = 14;
const VALUE_GAP = 6;
const VALUE_ROOM = 72; // room after the longest bar for a number such as "1,234,567"
const FULL_BAR = VIEW_WIDTH - 2 * PAD - VALUE_ROOM;
const SUPPRESSED_BAR = 16; // the same for 1 and 4, whatever the other bars are

const TEXT_COLOUR = '#0b0c0c'; // GOV.UK text colour
const BAR_COLOUR = '#1d70b8'; // GOV.UK blue, 5.2:1 against white
const SUPPRESSED_FILL = '#d2e2f1'; // light, so it reads as "not a measured length"; its dashed outline is BAR_COLOUR

/** Ids come from a hash of what the chart shows (never a hidden count), so output is deterministic and two different charts on one page have different ids. */
function chartId(text: string): string {
  let hash = 0x811c9dc5; // FNV-1a, 32-bit
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `chart-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/** SVG text does not wrap, so a long label is broken at spaces into lines that fit the viewBox. */
function wrapWords(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > LABEL_CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const round = (n: number): number => Math.round(n * 10) / 10;

const textAttrs = `font-size="${FONT_SIZE}" fill="${TEXT_COLOUR}"`;

function svgOpen(id: string, title: string, description: string, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" ` +
    `viewBox="0 0 ${VIEW_WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`
  );
}

function barRow(bar: Bar, fullScaleCount: number, top: number): { svg: string; height: number } {
  const labelLines = wrapWords(bar.label);
  const suppressed = isSuppressed(bar.count);
  const length = suppressed ? SUPPRESSED_BAR : fullScaleCount > 0 ? round((bar.count / fullScaleCount) * FULL_BAR) : 0;
  const barTop = labelLines.length * LINE_HEIGHT + 4;
  const label = labelLines.map((line, i) => `<tspan x="${PAD}" dy="${i === 0 ? 0 : LINE_HEIGHT}">${escapeXml(line)}</tspan>`).join('');
  const look = suppressed
    ? `class="app-chart__bar app-chart__bar--suppressed" fill="${SUPPRESSED_FILL}" stroke="${BAR_COLOUR}" stroke-width="1.5" stroke-dasharray="4 2"`
    : `class="app-chart__bar" fill="${BAR_COLOUR}"`;
  const svg =
    `<g class="app-chart__row" transform="translate(0 ${top})">` +
    `<text class="app-chart__label" x="${PAD}" y="${FONT_SIZE}" ${textAttrs}>${label}</text>` +
    `<rect ${look} x="${PAD}" y="${barTop}" width="${length}" height="${BAR_HEIGHT}"/>` +
    `<text class="app-chart__value" x="${round(PAD + length + VALUE_GAP)}" y="${barTop + 15}" ${textAttrs}>${escapeXml(shownCount(bar.count))}</text>` +
    `</g>`;
  return { svg, height: barTop + BAR_HEIGHT + ROW_GAP };
}

/**
 * A horizontal bar chart as an SVG string. With no bars it is still an SVG (same title, same
 * place on the page) whose only text is "No reports", so the page needs no special case.
 */
export function barChart(options: { title: string; description: string; bars: Bar[] }): string {
  const { title, description, bars } = options;
  const id = chartId(JSON.stringify([title, description, bars.map((b) => [b.label, shownCount(b.count)])]));
  if (bars.length === 0) {
    return `${svgOpen(id, title, description, 32)}<text x="${PAD}" y="21" ${textAttrs}>${NO_REPORTS_TEXT}</text></svg>`;
  }
  // Scale only to counts shown exactly: a suppressed count must not move the other bars either.
  const fullScaleCount = Math.max(0, ...bars.filter((b) => !isSuppressed(b.count)).map((b) => b.count));
  let top = PAD;
  const rows = bars.map((bar) => {
    const row = barRow(bar, fullScaleCount, top);
    top += row.height;
    return row.svg;
  });
  return `${svgOpen(id, title, description, top)}${rows.join('')}</svg>`;
}

/** The same numbers as a GOV.UK table, shown beside each chart for screen-reader and keyboard users. */
export function chartTable(options: { caption: string; bars: Bar[]; labelHeading: string }): string {
  const { caption, bars, labelHeading } = options;
  const body = bars.length
    ? bars
        .map(
          (bar) =>
            `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeXml(bar.label)}</th>` +
            `<td class="govuk-table__cell govuk-table__cell--numeric">${escapeXml(shownCount(bar.count))}</td></tr>`,
        )
        .join('')
    : `<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="2">${NO_REPORTS_TEXT}</td></tr>`;
  return (
    `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${escapeXml(caption)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">` +
    `<th scope="col" class="govuk-table__header">${escapeXml(labelHeading)}</th>` +
    `<th scope="col" class="govuk-table__header govuk-table__header--numeric">Reports</th></tr></thead>` +
    `<tbody class="govuk-table__body">${body}</tbody></table>`
  );
}
