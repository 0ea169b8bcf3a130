/**
 * The drawing of a share image, as an SVG tree (hastscript): the page's kind and a detail line at the top, its
 * title wrapped to the measured width in the middle, the site's name at the bottom. Pure: the font's metrics are
 * handed in, and a title the font cannot draw is refused.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import type { FontMetrics } from './font-metrics.ts';

export const WIDTH = 600;
export const HEIGHT = 315;
export const FONT_FAMILY = 'DejaVu Sans';
const MARGIN = 40;
/** Kerning and shaping can make a line a little wider than the sum of its advances: keep this much spare. */
const SLACK = 0.97;
const COLOURS = { bg: '#fdfcf9', band: '#f3f0e8', fg: '#1d1d1b', muted: '#55534d', accent: '#8a4b08', rule: '#d6d1c4' };

export interface ShareImageInput {
  /** Which page it is for, in errors ("/articles/x/"). */
  page: string;
  /** What kind of page: "Article", "Person"… */
  kind: string;
  /** One line under the kind: outlet and date, role, category… */
  detail?: string | undefined;
  title: string;
}

/** Breaks `text` into lines no wider than `width`; a word longer than a line is cut where it overflows. */
export function wrapLines(text: string, width: number, size: number, metrics: FontMetrics): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (metrics.measure(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (metrics.measure(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && metrics.measure(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Shortens the last of `lines` with an ellipsis so it fits `width`. */
function ellipsize(line: string, width: number, size: number, metrics: FontMetrics): string {
  let out = line;
  while (out.length > 1 && metrics.measure(`${out}…`, size) > width) out = out.slice(0, -1).trimEnd();
  return `${out}…`;
}

/** The largest title size at which the title fits in the lines available; the smallest one, ellipsized, if none does. */
export function fitTitle(title: string, metrics: FontMetrics): { size: number; lines: string[] } {
  const width = (WIDTH - 2 * MARGIN) * SLACK;
  const sizes = [{ size: 38, max: 3 }, { size: 32, max: 4 }, { size: 27, max: 5 }];
  for (const { size, max } of sizes) {
    const lines = wrapLines(title, width, size, metrics);
    if (lines.length <= max) return { size, lines };
  }
  const last = sizes[sizes.length - 1] ?? { size: 27, max: 5 };
  const lines = wrapLines(title, width, last.size, metrics).slice(0, last.max);
  const end = lines.length - 1;
  lines[end] = ellipsize(lines[end] ?? '', width, last.size, metrics);
  return { size: last.size, lines };
}

/** The image as a nested <svg> (which clips what overflows it); sheet() places it. */
export function shareImageTree(input: ShareImageInput, metrics: FontMetrics): Element {
  const missing = metrics.missing(`${input.kind} ${input.detail ?? ''} ${input.title}`);
  if (missing.length > 0) {
    throw new Error(`Share image for ${input.page}: the font (${FONT_FAMILY}) has no glyph for ${missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}.`);
  }
  if (input.title.trim() === '') throw new Error(`Share image for ${input.page}: the title is empty.`);
  const { size, lines } = fitTitle(input.title.trim(), metrics);
  const lineHeight = Math.round(size * 1.22);
  const block = lines.length * lineHeight;
  // The title block sits centred between the kind line (ending near 92) and the footer rule (at 262).
  const top = 92 + Math.max(0, (170 - block) / 2) + size * 0.8;
  const detailWidth = (WIDTH - 2 * MARGIN) * SLACK;
  const detail = input.detail && metrics.measure(input.detail, 17) > detailWidth ? ellipsize(input.detail, detailWidth, 17, metrics) : input.detail;
  return s('svg', { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}` }, [
    s('rect', { width: WIDTH, height: HEIGHT, fill: COLOURS.bg }),
    s('rect', { width: 10, height: HEIGHT, fill: COLOURS.accent }),
    s('text', { x: MARGIN, y: 52, 'font-size': 15, 'letter-spacing': 1.5, fill: COLOURS.accent }, input.kind.toUpperCase()),
    detail ? s('text', { x: MARGIN, y: 78, 'font-size': 17, fill: COLOURS.muted }, detail) : null,
    s(
      'text',
      { 'font-size': size, fill: COLOURS.fg },
      lines.map((line, i) => s('tspan', { x: MARGIN, y: Math.round(top + i * lineHeight) }, line)),
    ),
    s('rect', { x: MARGIN, y: 262, width: WIDTH - 2 * MARGIN, height: 1, fill: COLOURS.rule }),
    s('text', { x: MARGIN, y: 290, 'font-size': 16, fill: COLOURS.muted }, 'Karabakh in the news'),
  ]);
}

/** One SVG document holding `trees` stacked top to bottom: drawn in one pass, then cut into images. */
export function sheet(trees: Element[]): Element {
  return s(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height: HEIGHT * trees.length, viewBox: `0 0 ${WIDTH} ${HEIGHT * trees.length}`, 'font-family': FONT_FAMILY },
    // Each image at its own height; a copy, so the caller's tree (and its cache key) stays unplaced.
    trees.map((tree, i): Element => ({ ...tree, properties: { ...tree.properties, x: '0', y: String(i * HEIGHT) } })),
  );
}
