import { describe, expect, it } from 'vitest';
import { findWordRanges, mergeRanges } from '../../../../src/lib/search/mark.ts';

describe('findWordRanges', () => {
  const text = 'Shelling in Khankendi; the Aghdam-Khankendi road. KHANKENDI again, Khankendis not.';
  const found = (words: string[]) => findWordRanges(text, words).map((r) => text.slice(r.start, r.end));

  it('finds whole words, ignoring case', () => {
    expect(found(['Khankendi'])).toEqual(['Khankendi', 'Khankendi', 'KHANKENDI']);
  });

  it('finds hyphenated words as Pagefind gives them', () => {
    expect(found(['Aghdam-Khankendi'])).toEqual(['Aghdam-Khankendi']);
  });

  it('finds a phrase with any whitespace between its words, and not its words alone', () => {
    const prose = 'Aid went by the Aghdam-Khankendi\nroute; the route of the Red Cross.';
    const ranges = findWordRanges(prose, ['Aghdam-Khankendi route']).map((r) => prose.slice(r.start, r.end));
    expect(ranges).toEqual(['Aghdam-Khankendi\nroute']);
  });

  it('treats the words as text, not patterns', () => {
    expect(found(['.*', '(x', 'Shel+ing'])).toEqual([]);
  });
});

describe('mergeRanges', () => {
  it('sorts and joins overlapping and touching ranges', () => {
    expect(mergeRanges([{ start: 10, end: 15 }, { start: 0, end: 4 }, { start: 4, end: 6 }, { start: 12, end: 20 }])).toEqual([
      { start: 0, end: 6 },
      { start: 10, end: 20 },
    ]);
  });
});
