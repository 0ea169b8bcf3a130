import { describe, expect, it } from 'vitest';
import {
  bareWord,
  excerpt,
  indexOnlyWords,
  isSearchable,
  MAX_QUERY_LENGTH,
  normaliseQuery,
  isNoteAnchor,
  noteLabels,
  noteLabelsMeta,
  passageHits,
  splitWords,
  type Anchor,
} from '../../../../src/lib/search/results.ts';

// A page as Pagefind returns it: the headline, three passages (the second with index-only names after
// "Khankendi"), and a note anchor whose text is not in the article's record.
const CONTENT =
  'A headline here. First passage about Lachin. Second passage: the regime in Khankendi ⟦Stepanakert Khankendi Xankəndi Xankendi⟧ did not allow cargo. Third passage, Lachin again, and shelling.';
const words = splitWords(CONTENT);
const at = (word: string, from = 0) => words.indexOf(word, from);
const ANCHORS: Anchor[] = [
  { element: 'div', id: 'first-passage', location: at('First') },
  { element: 'div', id: 'second-passage', location: at('Second') },
  { element: 'aside', id: 'note-cargo', location: at('Third') },
  { element: 'div', id: 'third-passage', location: at('Third') },
];

describe('splitWords', () => {
  it('counts words as Pagefind does: split at whitespace', () => {
    expect(splitWords('a  b\nc\u00a0d')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('indexOnlyWords', () => {
  it('maps each index-only word to the visible word before the names', () => {
    const hidden = indexOnlyWords(words);
    const khankendi = at('Khankendi');
    expect([...hidden.keys()]).toEqual([khankendi + 1, khankendi + 2, khankendi + 3, khankendi + 4]);
    expect(new Set(hidden.values())).toEqual(new Set([khankendi]));
  });
});

describe('passageHits', () => {
  it('maps each match to the passage it is in, in page order, skipping notes and the headline', () => {
    const locations = [at('headline'), at('Lachin.'), at('Lachin', at('Third'))];
    const hits = passageHits(CONTENT, ANCHORS, locations);
    expect(hits.map((h) => [h.id, h.number, h.words])).toEqual([
      ['first-passage', 1, ['Lachin']],
      ['third-passage', 3, ['Lachin']],
    ]);
  });

  it('a match in the other names marks the mention the text uses, and the excerpt leaves the names out', () => {
    const stepanakert = at('⟦Stepanakert');
    const [hit] = passageHits(CONTENT, ANCHORS, [stepanakert]);
    expect(hit?.id).toBe('second-passage');
    expect(hit?.words).toEqual(['Khankendi']);
    const text = hit?.excerpt.map((s) => s.text).join('');
    expect(text).toBe('Second passage: the regime in Khankendi did not allow cargo.');
    expect(hit?.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['Khankendi']);
  });

  it('finds nothing when no match is in a passage', () => {
    expect(passageHits(CONTENT, ANCHORS, [at('headline')])).toEqual([]);
    expect(passageHits(CONTENT, [], [at('Lachin.')])).toEqual([]);
  });
});

describe('excerpt', () => {
  it('marks the word without the punctuation stuck to it', () => {
    const segments = excerpt(words, [at('shelling.')], at('Third'), words.length);
    expect(segments).toEqual([
      { text: 'Third passage, Lachin again, and ', mark: false },
      { text: 'shelling', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('centres a long excerpt on the first match and says where it was cut', () => {
    const long = splitWords(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    const segments = excerpt(long, [50], 0, long.length, 10);
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith('… w47 w48 w49 ')).toBe(true);
    expect(text.endsWith(' w56 …')).toBe(true);
    expect(segments.find((s) => s.mark)?.text).toBe('w50');
  });

  it('is empty for an empty range', () => {
    expect(excerpt(words, [], 5, 5)).toEqual([]);
  });
});

describe('queries', () => {
  it.each([
    ['Lachin', true],
    ['Ստեփանակերտ', true],
    ['1066', true],
    ['?!.,;:—…', false],
    ['   ', false],
    ['<>', false],
  ])('isSearchable(%j) is %s', (query, expected) => {
    expect(isSearchable(query)).toBe(expected);
  });

  it('folds ə and ı, collapses spaces, and cuts long queries at a word', () => {
    expect(normaliseQuery('  Xankəndi   road ')).toEqual({ text: 'Xankendi road', truncated: false });
    const long = normaliseQuery('Lachin '.repeat(100));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(long.text.endsWith('Lachin')).toBe(true);
  });

  it('bareWord strips punctuation at the edges only', () => {
    expect(bareWord('“Aghdam-Khankendi”,')).toBe('Aghdam-Khankendi');
    expect(bareWord("Aliyev's")).toBe("Aliyev's");
    expect(bareWord('—')).toBe('');
  });
});

describe('notes records', () => {
  it('writes each note’s number and kind in order, and reads them back', () => {
    const meta = noteLabelsMeta([
      { number: 1, kind: 'provenance' },
      { number: 3, kind: 'who says' },
      { number: 4, kind: '' },
    ]);
    expect(meta).toBe('1:provenance 3:who-says 4:');
    expect(noteLabels(meta)).toEqual([
      { number: 1, kind: 'provenance' },
      { number: 3, kind: 'who-says' },
      { number: 4, kind: '' },
    ]);
    expect(noteLabels(undefined)).toEqual([]);
    expect(noteLabels('x:context')).toEqual([{ number: 0, kind: 'context' }]);
  });

  it('maps matches to the notes they are in, by the notes’ anchors', () => {
    const content = 'First note about Lachin. Second note about Goris and Lachin.';
    const anchors = [
      { element: 'section', id: 'note-a', location: 0 },
      { element: 'section', id: 'note-b', location: 4 },
    ];
    const words = content.split(' ');
    const lachin = words.flatMap((w, i) => (w.startsWith('Lachin') ? [i] : []));
    const hits = passageHits(content, anchors, lachin, 24, isNoteAnchor);
    expect(hits.map((h) => [h.id, h.number, h.words])).toEqual([
      ['note-a', 1, ['Lachin']],
      ['note-b', 2, ['Lachin']],
    ]);
    // Passage anchors are never notes, and note anchors never passages.
    expect(passageHits(content, anchors, lachin)).toEqual([]);
    expect(isNoteAnchor({ element: 'div', id: 'note-a', location: 0 })).toBe(false);
  });
});
