import { describe, expect, it } from 'vitest';
import { cleanRawArticle } from '../../../src/lib/import/clean.ts';
import {
  assignPassageIds,
  autoPassageId,
  ID_MAX_LENGTH,
  PASSAGE_ID_PATTERN,
  PassageIdError,
  parsePinComment,
} from '../../../src/lib/passages.ts';
import { seed } from '../helpers.ts';

const FILE = 'content/articles/a.mdx';

/** Paragraphs as the remark plugin hands them over: text and source line, optionally a pin. */
function paras(...texts: string[]): { text: string; line: number }[] {
  return texts.map((text, i) => ({ text, line: 1 + i * 2 }));
}

function idsOf(records: { text: string; id: string }[]): Map<string, string> {
  return new Map(records.map((r) => [r.text, r.id]));
}

function errorOf(fn: () => unknown): PassageIdError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PassageIdError);
    return error as PassageIdError;
  }
  throw new Error('expected a PassageIdError');
}

const A = 'Azerbaijan launched what it called anti-terrorist measures in Karabakh on Tuesday.';
const B = 'Armenia said the offensive was aimed at ethnic cleansing of the region.';
const C = 'Russia called on both sides to stop the fighting at once.';
const D = 'The Lachin corridor had been closed since December 2022.';

describe('autoPassageId', () => {
  it('is made of the first six words, lowercase, joined by hyphens', () => {
    expect(autoPassageId(A)).toBe('azerbaijan-launched-what-it-called-anti');
    expect(autoPassageId('Russia called for calm.')).toBe('russia-called-for-calm');
  });

  it('depends only on the opening words, not on what follows them', () => {
    expect(autoPassageId(B)).toBe('armenia-said-the-offensive-was-aimed');
    expect(autoPassageId('Armenia said the offensive was aimed at the civilians, a later edit added.')).toBe('armenia-said-the-offensive-was-aimed');
  });

  it('drops apostrophes rather than splitting words on them', () => {
    expect(autoPassageId("Armenia's foreign ministry said")).toBe('armenias-foreign-ministry-said');
    expect(autoPassageId('Azerbaijan’s “decision” to tighten')).toBe('azerbaijans-decision-to-tighten');
  });

  it('ignores punctuation and spacing between words', () => {
    expect(autoPassageId('  “Full-scale   aggression” — said: Yerevan!  ')).toBe('full-scale-aggression-said-yerevan');
  });

  it('folds diacritics to plain letters', () => {
    expect(autoPassageId('Şuşa')).toBe('susa');
    expect(autoPassageId('Ağdam and Gürcüstan')).toBe('agdam-and-gurcustan');
    expect(autoPassageId('Café Élysée')).toBe('cafe-elysee');
  });

  // KNOWN BUG / spec mismatch (src/lib/passages.ts autoPassageId): NFKD has no decomposition for the Azerbaijani
  // schwa "Ə/ə" (nor the dotless "ı"), so "Əliyev" gives "əliyev", not "eliyev". Remove `.fails` once fixed.
  it('folds the Azerbaijani schwa: "Əliyev" → "eliyev"', () => {
    expect(autoPassageId('Əliyev')).toBe('eliyev');
  });

  it('gives a non-empty, valid id for non-Latin text', () => {
    for (const text of ['Нагорный Карабах — спорный регион.', 'Ղարաբաղը հայկական է։', '纳戈尔诺-卡拉巴赫', 'Xankəndi Əliyev']) {
      const id = autoPassageId(text);
      expect(id.length, text).toBeGreaterThan(0);
      expect(id, text).toMatch(PASSAGE_ID_PATTERN);
      expect(id, text).not.toBe('passage');
    }
    expect(autoPassageId('Карабах — спорный регион.')).toMatch(/^карабах-/);
    expect(autoPassageId('Ղարաբաղը հայկական է։')).toBe('ղարաբաղը-հայկական-է');
  });

  it('never contains a colon, so it is safe next to text fragments', () => {
    expect(autoPassageId('Note: this is 10:30 a.m.')).toBe('note-this-is-10-30-a');
  });

  it('stays within the length limit, cutting at a word boundary', () => {
    const long = 'Internationally unrecognised administrations notwithstanding, extraordinarily comprehensive negotiations continued.';
    const id = autoPassageId(long);
    expect(id.length).toBeLessThanOrEqual(ID_MAX_LENGTH);
    expect(id).toBe('internationally-unrecognised-administrations-notwithstanding');
  });

  it('falls back to "passage" when the text has no letters or digits', () => {
    expect(autoPassageId('— … —')).toBe('passage');
    expect(autoPassageId('')).toBe('passage');
  });

  it('gives a valid id for every body paragraph of the seeds', () => {
    for (const [prefix, options] of [['000', {}], ['001', { titleLine: 1 }], ['002', {}], ['003', {}], ['004', {}]] as const) {
      for (const p of cleanRawArticle(seed(prefix).text, options).paragraphs) {
        expect(autoPassageId(p.text), p.text).toMatch(PASSAGE_ID_PATTERN);
      }
    }
  });
});

describe('parsePinComment', () => {
  it('reads the id from a pin comment', () => {
    expect(parsePinComment('/* #my-pin */')).toBe('my-pin');
    expect(parsePinComment('/*#tight*/')).toBe('tight');
    expect(parsePinComment('  /*   #spaced-out   */  ')).toBe('spaced-out');
  });

  it('returns whatever follows # so that invalid ids can be reported, not ignored', () => {
    expect(parsePinComment('/* #Bad_ID */')).toBe('Bad_ID');
    expect(parsePinComment('/* #a:b */')).toBe('a:b');
  });

  it('is undefined for expressions that are not pin comments', () => {
    expect(parsePinComment('/* just a note */')).toBeUndefined();
    expect(parsePinComment('/* # */')).toBeUndefined();
    expect(parsePinComment('/* #two words */')).toBeUndefined();
    expect(parsePinComment('x + 1')).toBeUndefined();
    expect(parsePinComment('"#not-a-comment"')).toBeUndefined();
    expect(parsePinComment('/* #a */ + 1')).toBeUndefined();
    expect(parsePinComment('')).toBeUndefined();
  });
});

describe('assignPassageIds', () => {
  it('records id, 1-based index, text, line and whether the id was pinned', () => {
    const records = assignPassageIds(FILE, [
      { text: A, line: 3 },
      { text: B, line: 5, pin: 'armenian-reaction' },
    ]);
    expect(records).toEqual([
      { id: 'azerbaijan-launched-what-it-called-anti', index: 1, text: A, line: 3, pinned: false },
      { id: 'armenian-reaction', index: 2, text: B, line: 5, pinned: true },
    ]);
  });

  it('keeps each paragraph’s id when other paragraphs are inserted, removed or moved', () => {
    const before = idsOf(assignPassageIds(FILE, paras(A, B, C)));
    const inserted = idsOf(assignPassageIds(FILE, paras(D, A, B, C)));
    const removed = idsOf(assignPassageIds(FILE, paras(A, C)));
    const moved = idsOf(assignPassageIds(FILE, paras(C, B, A)));
    for (const text of [A, B, C]) {
      expect(inserted.get(text)).toBe(before.get(text));
      expect(moved.get(text)).toBe(before.get(text));
    }
    expect(removed.get(A)).toBe(before.get(A));
    expect(removed.get(C)).toBe(before.get(C));
  });

  it('keeps a pinned id when the start of the paragraph is corrected', () => {
    const [first] = assignPassageIds(FILE, [{ text: A, line: 1, pin: 'offensive-begins' }]);
    const [corrected] = assignPassageIds(FILE, [{ text: `On Tuesday, ${A}`, line: 1, pin: 'offensive-begins' }]);
    expect(first?.id).toBe('offensive-begins');
    expect(corrected?.id).toBe('offensive-begins');
  });

  it('accepts pins in other scripts and with digits', () => {
    const records = assignPassageIds(FILE, [
      { text: A, line: 1, pin: 'карабах-2023' },
      { text: B, line: 3, pin: '44' },
    ]);
    expect(records.map((r) => r.id)).toEqual(['карабах-2023', '44']);
  });

  it.each([
    ['Uppercase', 'Lachin-Road'],
    ['a colon', 'note:1'],
    ['a double hyphen', 'a--b'],
    ['a leading hyphen', '-a'],
    ['a trailing hyphen', 'a-'],
    ['an underscore', 'a_b'],
    ['a space', 'a b'],
  ])('rejects a pin with %s, naming file and line', (_what, pin) => {
    const error = errorOf(() =>
      assignPassageIds(FILE, [
        { text: A, line: 3 },
        { text: B, line: 7, pin },
      ]),
    );
    expect(error.name).toBe('PassageIdError');
    expect(error.message).toContain(`${FILE}:7:`);
    // Astro's MDX plugin reads these for the error's location (otherwise it prints ":0:0").
    expect([error.line, error.column]).toEqual([7, 1]);
    expect(error.message).toContain(`"#${pin}" is not valid`);
    expect(error.message).toMatch(/lowercase letters, digits and single hyphens/);
  });

  it('rejects two paragraphs that start with the same words, naming both lines', () => {
    const error = errorOf(() =>
      assignPassageIds(FILE, [
        { text: 'The ministry said on Tuesday that the talks had stalled.', line: 4 },
        { text: C, line: 6 },
        { text: 'The ministry said on Tuesday that it had no comment.', line: 9 },
      ]),
    );
    expect(error.message).toContain(`${FILE}:9:`);
    expect(error.message).toContain('duplicate passage id "#the-ministry-said-on-tuesday-that"');
    expect(error.message).toContain('line 4');
    // It says how to fix it.
    expect(error.message).toContain('{/* #the-ministry-said-on-tuesday-that-2 */}');
  });

  it('rejects a pin that repeats another paragraph’s automatic id', () => {
    const error = errorOf(() =>
      assignPassageIds(FILE, [
        { text: 'Russia called for calm.', line: 2 },
        { text: B, line: 5, pin: 'russia-called-for-calm' },
      ]),
    );
    expect(error.message).toMatch(new RegExp(`^${FILE}:5: duplicate passage id "#russia-called-for-calm" .*line 2`));
  });

  it('resolves a clash when one of the two paragraphs is pinned', () => {
    const records = assignPassageIds(FILE, [
      { text: 'The ministry said on Tuesday that the talks had stalled.', line: 4 },
      { text: 'The ministry said on Tuesday that it had no comment.', line: 6, pin: 'no-comment' },
    ]);
    expect(records.map((r) => r.id)).toEqual(['the-ministry-said-on-tuesday-that', 'no-comment']);
  });

  it('returns nothing for no paragraphs', () => {
    expect(assignPassageIds(FILE, [])).toEqual([]);
  });
});
