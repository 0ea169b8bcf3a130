/**
 * Text measuring for charts rendered without a DOM: widths are estimated from character classes of the UI font
 * (system sans-serif), erring wide so that labels placed apart never touch in any of the fonts a reader may have.
 */

/** Average advance of a character, in ems, by class (measured on DejaVu Sans and Segoe UI, widest of the two). */
function advance(ch: string): number {
  if (/[iljI.,:;'’|!]/.test(ch)) return 0.32;
  if (/[ ]/.test(ch)) return 0.33;
  if (/[frt()\-–]/.test(ch)) return 0.42;
  if (/[mwMW]/.test(ch)) return 0.92;
  if (/[A-Z0-9]/.test(ch)) return 0.7;
  return 0.6;
}

/** Estimated width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += advance(ch);
  return ems * fontSize;
}

/** Breaks `text` into lines no wider than `maxWidth` px (a single word longer than that gets a line of its own). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** An axis-aligned box, for overlap tests. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

/** Rounds to one decimal, so golden files and the SVG stay small and stable across platforms. */
export const round = (n: number): number => Math.round(n * 10) / 10;
