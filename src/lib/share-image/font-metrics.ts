/**
 * Advance widths from a TrueType font's own tables (cmap, hmtx), so share-image titles can be wrapped by their
 * measured width before resvg draws them with the same font. Kerning is ignored: the layout leaves a margin.
 */
export interface FontMetrics {
  /** Width of `text` at `size` px; characters the font lacks count as a full em. */
  measure(text: string, size: number): number;
  /** The characters of `text` the font has no glyph for. */
  missing(text: string): string[];
}

function tables(font: DataView): Map<string, { offset: number; length: number }> {
  const count = font.getUint16(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font.getUint8(at), font.getUint8(at + 1), font.getUint8(at + 2), font.getUint8(at + 3));
    out.set(tag, { offset: font.getUint32(at + 8), length: font.getUint32(at + 12) });
  }
  return out;
}

/** Code point → glyph id, from the Unicode subtable (format 12 preferred, else format 4). */
function readCmap(font: DataView, offset: number): Map<number, number> {
  const count = font.getUint16(offset + 2);
  const subtables: { format: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const rec = offset + 4 + i * 8;
    const platform = font.getUint16(rec);
    const encoding = font.getUint16(rec + 2);
    const at = offset + font.getUint32(rec + 4);
    if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) subtables.push({ format: font.getUint16(at), at });
  }
  const map = new Map<number, number>();
  const f12 = subtables.find((t) => t.format === 12);
  if (f12) {
    const groups = font.getUint32(f12.at + 12);
    for (let g = 0; g < groups; g++) {
      const at = f12.at + 16 + g * 12;
      const start = font.getUint32(at);
      const end = font.getUint32(at + 4);
      const glyph = font.getUint32(at + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  const f4 = subtables.find((t) => t.format === 4);
  if (!f4) throw new Error('The font has no Unicode cmap subtable (format 4 or 12).');
  const segs = font.getUint16(f4.at + 6) / 2;
  const ends = f4.at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = font.getUint16(ends + s * 2);
    const start = font.getUint16(starts + s * 2);
    const delta = font.getInt16(deltas + s * 2);
    const rangeOffset = font.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = font.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

export function fontMetrics(buffer: Uint8Array): FontMetrics {
  const font = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const t = tables(font);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const hmtx = t.get('hmtx');
  const cmap = t.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('Not a TrueType font with head, hhea, hmtx and cmap tables.');
  const unitsPerEm = font.getUint16(head.offset + 18);
  const metricsCount = font.getUint16(hhea.offset + 34);
  const glyphs = readCmap(font, cmap.offset);
  const advance = (glyph: number) => font.getUint16(hmtx.offset + Math.min(glyph, metricsCount - 1) * 4);
  const widthCache = new Map<number, number>();
  const widthOf = (codePoint: number) => {
    let w = widthCache.get(codePoint);
    if (w === undefined) {
      const glyph = glyphs.get(codePoint);
      w = glyph === undefined ? unitsPerEm : advance(glyph);
      widthCache.set(codePoint, w);
    }
    return w;
  };
  return {
    measure(text, size) {
      let units = 0;
      for (const ch of text) units += widthOf(ch.codePointAt(0) ?? 0);
      return (units / unitsPerEm) * size;
    },
    missing(text) {
      return [...new Set([...text].filter((ch) => !glyphs.has(ch.codePointAt(0) ?? 0) && !/\s/.test(ch)))];
    },
  };
}
