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
