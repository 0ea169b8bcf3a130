import { describe, expect, it } from 'vitest';
import {
  checkFilters,
  emptyFilters,
  markWords,
  pagefindFilters,
  parseState,
  passageLink,
  stateToSearch,
  toggleFilter,
} from '../../../../src/lib/search/url-state.ts';

describe('search state in the address', () => {
  it('reads the query and every value of each filter, without repeats or blanks', () => {
    expect(parseState('?q=lachin&kind=article&kind=note&kind=article&outlet=Turan+Information+Agency&year=&other=x')).toEqual({
      q: 'lachin',
      filters: { kind: ['article', 'note'], outlet: ['Turan Information Agency'], year: [] },
    });
  });

  it('writes it back in a fixed order, and nothing for an empty state', () => {
    const state = { q: 'Xankəndi road', filters: { kind: ['article'], outlet: [], year: ['2023', '2024'] } };
    expect(stateToSearch(state)).toBe('?q=Xank%C9%99ndi+road&kind=article&year=2023&year=2024');
    expect(parseState(stateToSearch(state))).toEqual(state);
    expect(stateToSearch({ q: '  ', filters: emptyFilters() })).toBe('');
  });

  it('keeps hostile text as text', () => {
    const q = '<img src=x onerror=alert(1)>';
    expect(parseState(stateToSearch({ q, filters: emptyFilters() })).q).toBe(q);
  });

  it('cuts absurdly long values', () => {
    expect(parseState(`?q=${'a'.repeat(5000)}`).q).toHaveLength(500);
  });
});

describe('filters', () => {
  const available = { kind: { article: 5, note: 2 }, outlet: { Turan: 1 }, year: { '2023': 4 } };

  it('splits chosen values into known and unknown', () => {
    const { known, unknown } = checkFilters({ kind: ['article', 'bogus'], outlet: [], year: ['1066'] }, available);
    expect(known).toEqual({ kind: ['article'], outlet: [], year: [] });
    expect(unknown).toEqual([
      { key: 'kind', value: 'bogus' },
      { key: 'year', value: '1066' },
    ]);
  });

  it('does not take inherited properties for values', () => {
    expect(checkFilters({ kind: ['constructor', '__proto__'], outlet: [], year: [] }, available).known.kind).toEqual([]);
  });

  it('gives Pagefind any-of each key, all keys together, empty keys left out', () => {
    expect(pagefindFilters({ kind: ['article', 'note'], outlet: [], year: ['2023'] })).toEqual({ kind: { any: ['article', 'note'] }, year: { any: ['2023'] } });
  });

  it('toggles one value and keeps the rest', () => {
    const on = toggleFilter(emptyFilters(), 'outlet', 'Turan', true);
    expect(on.outlet).toEqual(['Turan']);
    expect(toggleFilter(on, 'outlet', 'Turan', false).outlet).toEqual([]);
    expect(toggleFilter(on, 'outlet', 'Turan', true).outlet).toEqual(['Turan']);
  });
});

describe('passage links', () => {
  it('puts the words to mark before the fragment', () => {
    expect(passageLink('/articles/x/', 'the-passage', ['Khankendi', 'road'])).toBe('/articles/x/?mark=Khankendi+road#the-passage');
    expect(passageLink('/karabakh/articles/x/#old', 'p', [])).toBe('/karabakh/articles/x/#p');
  });

  it('reads them back, bounded', () => {
    expect(markWords('?mark=Khankendi+road+Khankendi')).toEqual(['Khankendi', 'road']);
    expect(markWords('?x=1')).toEqual([]);
    expect(markWords(`?mark=${Array.from({ length: 50 }, (_, i) => `w${i}`).join('+')}`)).toHaveLength(20);
  });

  it('keeps a phrase (a mention of several words) whole, separating the words with "|"', () => {
    const link = passageLink('/articles/x/', 'p', ['Aghdam-Khankendi route', 'Khankendi']);
    expect(link).toBe('/articles/x/?mark=Aghdam-Khankendi+route%7CKhankendi#p');
    expect(markWords(new URL(link, 'http://x').search)).toEqual(['Aghdam-Khankendi route', 'Khankendi']);
    // A lone phrase stays one; a "|" inside a word cannot split it; links of words and spaces read as before.
    expect(markWords(new URL(passageLink('/a/', 'p', ['Lachin corridor']), 'http://x').search)).toEqual(['Lachin corridor']);
    expect(passageLink('/a/', 'p', ['a|b'])).toBe('/a/?mark=a+b%7C#p');
    expect(markWords('?mark=Khankendi+road')).toEqual(['Khankendi', 'road']);
  });
});
