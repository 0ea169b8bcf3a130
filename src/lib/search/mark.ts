/** Finding the searched words in a passage's text, for src/client/search-mark.ts. Pure; tested. */

export interface TextRange {
  start: number;
  end: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every whole-word occurrence of any of `words` in `text`, ignoring case. A word may be a phrase ("Lachin
 * corridor"), found with any whitespace between its words.
 */
export function findWordRanges(text: string, words: readonly string[]): TextRange[] {
  const usable = words.filter((w) => /[\p{L}\p{N}]/u.test(w)).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  const alternatives = usable.map((w) => w.trim().split(/\s+/).map(escapeRegExp).join('\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
