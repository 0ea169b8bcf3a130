import { describe, expect, it } from 'vitest';
import {
  bareWord,
  hitCounts,
  summary,
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
    expect(new Set([...hidden.values()].map((m) => m.join()))).toEqual(new Set([String(khankendi)]));
  });

  it('maps names after a mention of several words to all its words, one per opening bracket', () => {
    const text = splitWords('Aid went by the Aghdam-Khankendi ⟦Stepanakert Khankendi⟧ route ⟦⟦Aghdam–Khankendi road⟧ again.');
    const hidden = indexOnlyWords(text);
    const [route, road] = [text.indexOf('route'), text.indexOf('⟦⟦Aghdam–Khankendi')];
    expect(hidden.get(text.indexOf('⟦Stepanakert'))).toEqual([route - 3]);
    // The road's names skip the names before them: the mention is the two visible words "Aghdam-Khankendi route".
    expect(hidden.get(road)).toEqual([route - 3, route]);
    expect(hidden.get(road + 1)).toEqual([route - 3, route]);
    expect(hidden.has(text.indexOf('again.'))).toBe(false);
  });

  it('maps names right after other names to the mention both stand beside', () => {
    const text = splitWords('regarding Nagorno-Karabakh ⟦Karabakh Garabagh⟧ ⟦Nagorno-Karabakh Artsakh⟧ , particularly');
    const hidden = indexOnlyWords(text);
    expect(hidden.get(text.indexOf('Garabagh⟧'))).toEqual([1]);
    expect(hidden.get(text.indexOf('Artsakh⟧'))).toEqual([1]);
  });
});

describe('excerpts around index-only names', () => {
  it('keeps punctuation that followed the mention stuck to it', () => {
    const text = splitWords('between Azerbaijan and Armenia ⟦Hayastan Armenia⟧ , particularly');
    const segments = excerpt(text, [text.indexOf('⟦Hayastan')], 0, text.length);
    expect(segments.map((s) => s.text).join('')).toBe('between Azerbaijan and Armenia, particularly');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Armenia']);
  });
});

describe('excerpts and passages with names beside a mention of several words', () => {
  const content = 'Head. Aid went by the Aghdam-Khankendi route ⟦⟦Aghdam–Khankendi road⟧ of the Red Cross.';
  const text = splitWords(content);
  const anchors: Anchor[] = [{ element: 'div', id: 'p1', location: text.indexOf('Aid') }];

  it('marks every word of the mention, and gives it as one phrase to mark on arrival', () => {
    const [hit] = passageHits(content, anchors, [text.indexOf('road⟧')]);
    expect(hit?.excerpt.filter((s) => s.mark).map((s) => s.text)).toEqual(['Aghdam-Khankendi route']);
    expect(hit?.words).toEqual(['Aghdam-Khankendi route']);
  });

  it('marks an entry page heading whole, and not a word of it that has no letters', () => {
    const page = splitWords('Stepanakert / Khankendi ⟦⟦⟦Stepanakert Khankendi Xankendi⟧ The main city.');
    const segments = excerpt(page, [page.indexOf('Xankendi⟧')], 0, page.length);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['Stepanakert', 'Khankendi']);
    const two = splitWords('Nagorno-Karabakh conflict. ⟦⟦Garabagh munaqishesi⟧ The war.');
    expect(excerpt(two, [two.indexOf('⟦⟦Garabagh')], 0, two.length)).toEqual([
      { text: 'Nagorno-Karabakh conflict', mark: true },
      { text: '. The war.', mark: false },
    ]);
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

describe('hitCounts and summary', () => {
  const article = (n: number) => ({ within: 'passage' as const, passages: Array.from({ length: n }) });
  const notes = (n: number) => ({ within: 'note' as const, passages: Array.from({ length: n }) });

  it('counts passages of articles and our notes apart', () => {
    expect(hitCounts([article(3), notes(2), article(1), { within: 'passage' as const, passages: [] }])).toEqual({ passages: 4, notes: 2 });
  });

  it('says what every listed result was found in when all are listed', () => {
    expect(summary({ total: 3, shown: 3, passages: 4, notes: 2 }, 'Lachin', false)).toBe('3 results for “Lachin”, 4 passages in articles, 2 of our notes.');
    expect(summary({ total: 1, shown: 1, passages: 1, notes: 0 }, 'Lachin', false)).toBe('1 result for “Lachin”, 1 passage in articles.');
    expect(summary({ total: 2, shown: 2, passages: 0, notes: 0 }, '', true)).toBe('2 results with the filters chosen.');
    expect(summary({ total: 0, shown: 0, passages: 0, notes: 0 }, 'Lachin', true)).toBe('Nothing found for “Lachin” with the filters chosen.');
  });

  it('says the counts are of the first results when not all are listed', () => {
    // The header's panel lists five: its counts must not read as the whole site's.
    expect(summary({ total: 12, shown: 5, passages: 9, notes: 4 }, 'Khankendi', false)).toBe(
      '12 results for “Khankendi”. The first 5 are shown, with 9 passages in articles and 4 of our notes.',
    );
    expect(summary({ total: 12, shown: 1, passages: 0, notes: 0 }, 'Khankendi', false)).toBe('12 results for “Khankendi”. The first is shown.');
  });
});
