import { describe, expect, it } from 'vitest';
import { buildReverseIndex, hasRivalNames, namesByOutlet, namingInText, namingIsTelling, sentenceAround, type ArticleMentions } from '../../../../src/lib/entities/backlinks.ts';
import type { MentionRecord } from '../../../../src/lib/entities/types.ts';

const mention = (text: string, passageId: string, ref: MentionRecord['ref'], form: string, nth = 0, linked = true): MentionRecord => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(form, start + 1);
  return { passageId, ref, form, text: form, start, end: start + form.length, linked };
};

const P1 = 'The war began in 2020. Reports from Khankendi said shelling went on. The U.N. Security Council met.';
const P2 = 'Aid reached Stepanakert. Later, Stepanakert emptied.';
const A: ArticleMentions = {
  slug: 'a',
  title: 'Article A',
  outletId: 'caliber-az',
  outletName: 'Caliber.Az',
  passages: [
    { id: 'p1', index: 1, text: P1, line: 1, pinned: false },
    { id: 'p2', index: 2, text: P2, line: 3, pinned: false },
  ],
  mentions: [
    mention(P1, 'p1', 'places/stepanakert', 'Khankendi'),
    mention(P2, 'p2', 'places/stepanakert', 'Stepanakert'),
    mention(P2, 'p2', 'places/stepanakert', 'Stepanakert', 1, false),
  ],
};
const P3 = 'Stepanakert is the capital, known as Stepanakert but referred to as Khankendi by Azerbaijan.';
const B: ArticleMentions = {
  slug: 'b',
  title: 'Article B',
  outletId: 'daryo',
  outletName: 'Daryo',
  passages: [{ id: 'q1', index: 1, text: P3, line: 1, pinned: false }],
  mentions: [mention(P3, 'q1', 'places/stepanakert', 'Stepanakert'), mention(P3, 'q1', 'places/stepanakert', 'Stepanakert', 1, false), mention(P3, 'q1', 'places/stepanakert', 'Khankendi', 0, false)],
};

describe('sentenceAround', () => {
  it('cuts out the sentence around the mention', () => {
    const start = P1.indexOf('Khankendi');
    expect(sentenceAround(P1, start, start + 9)).toEqual({ before: 'Reports from ', match: 'Khankendi', after: ' said shelling went on.' });
  });

  it('does not end a sentence at an initial such as U.N.', () => {
    const start = P1.indexOf('Security');
    expect(sentenceAround(P1, start, start + 8)).toEqual({ before: 'The U.N. ', match: 'Security', after: ' Council met.' });
  });

  it('shortens a long sentence around the mention on word boundaries', () => {
    const text = `${'word '.repeat(100)}Aliyev ${'more '.repeat(100)}end.`;
    const start = text.indexOf('Aliyev');
    const s = sentenceAround(text, start, start + 6, 100);
    expect(s.match).toBe('Aliyev');
    expect(s.before.startsWith('… word')).toBe(true);
    expect(s.after.endsWith('more …')).toBe(true);
    expect((s.before + s.match + s.after).length).toBeLessThanOrEqual(110);
  });
});

describe('buildReverseIndex', () => {
  it('lists each article and, under it, each passage once, with the first mention marked', () => {
    const index = buildReverseIndex([A, B]);
    expect(index.get('places/stepanakert')).toEqual([
      {
        slug: 'a',
        title: 'Article A',
        outletName: 'Caliber.Az',
        passages: [
          { passageId: 'p1', index: 1, snippet: { before: 'Reports from ', match: 'Khankendi', after: ' said shelling went on.' } },
          { passageId: 'p2', index: 2, snippet: { before: 'Aid reached ', match: 'Stepanakert', after: '.' } },
        ],
      },
      {
        slug: 'b',
        title: 'Article B',
        outletName: 'Daryo',
        passages: [{ passageId: 'q1', index: 1, snippet: { before: '', match: 'Stepanakert', after: ' is the capital, known as Stepanakert but referred to as Khankendi by Azerbaijan.' } }],
      },
    ]);
    expect(index.get('people/ilham-aliyev')).toBeUndefined();
  });

  it('fails on a mention of a passage the article does not have', () => {
    expect(() => buildReverseIndex([{ ...A, passages: [] }])).toThrow(/a: a mention names passage "p1"/);
  });
});

describe('naming figures', () => {
  it('counts the names each outlet used for a place', () => {
    expect(namesByOutlet([A, B], 'places/stepanakert')).toEqual([
      { outletName: 'Caliber.Az', articles: [{ slug: 'a', title: 'Article A' }], forms: [{ form: 'Stepanakert', count: 2 }, { form: 'Khankendi', count: 1 }] },
      { outletName: 'Daryo', articles: [{ slug: 'b', title: 'Article B' }], forms: [{ form: 'Stepanakert', count: 2 }, { form: 'Khankendi', count: 1 }] },
    ]);
  });

  it('lists the names an article uses, for the entries asked about', () => {
    expect(namingInText(A.mentions, (ref) => ref.startsWith('places/'))).toEqual([
      { ref: 'places/stepanakert', forms: [{ form: 'Stepanakert', count: 2 }, { form: 'Khankendi', count: 1 }] },
    ]);
    expect(namingInText(A.mentions, () => false)).toEqual([]);
  });

  it('tells rival names from variants of one name', () => {
    expect(hasRivalNames(['Stepanakert', 'Khankendi'])).toBe(true);
    expect(hasRivalNames(['Armenia', 'Republic of Armenia'])).toBe(false);
    expect(hasRivalNames(['Aliyev'])).toBe(false);
    expect(hasRivalNames(['Lachin road', 'Lachin Road'])).toBe(false);
  });

  it("calls a text's naming telling when it uses a side's own name or rival names together", () => {
    const alternateNames = [
      { name: 'Xankəndi', lang: 'az', latin: 'Khankendi' },
      { name: 'Степанакерт', lang: 'ru', latin: 'Stepanakert' },
    ];
    const name = 'Stepanakert / Khankendi';
    expect(namingIsTelling(['Khankendi'], alternateNames, name)).toBe(true);
    expect(namingIsTelling(['Stepanakert'], alternateNames, name)).toBe(false);
    expect(namingIsTelling(['Stepanakert', 'Khankendi'], [], name)).toBe(true);
    // The native name's transliteration is the site's own name: nothing to say.
    expect(namingIsTelling(['Baku'], [{ name: 'Bakı', lang: 'az', latin: 'Baku' }], 'Baku')).toBe(false);
  });
});
