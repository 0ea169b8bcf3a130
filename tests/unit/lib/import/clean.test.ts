import { describe, expect, it } from 'vitest';
import { assertText, cleanRawArticle, RawTextError, type CleanResult } from '../../../../src/lib/import/clean.ts';
import { lineRange, rawTextErrorFrom, seed } from '../../helpers.ts';

/** Where each seed's body paragraphs are, read off the raw files by eye. */
const SEED_BODIES: { prefix: string; options: { titleLine?: number }; bodyLines: number[] }[] = [
  { prefix: '000', options: {}, bodyLines: lineRange(28, 54, 2) },
  { prefix: '001', options: { titleLine: 1 }, bodyLines: lineRange(2, 16) },
  { prefix: '002', options: {}, bodyLines: [8] },
  { prefix: '003', options: {}, bodyLines: lineRange(5, 17, 2) },
  { prefix: '004', options: {}, bodyLines: lineRange(1, 16) },
];

/** Site chrome seen in the seeds; none of it may reach the body. */
const CHROME = [
  'twitter',
  'youtube',
  'telegram',
  'apple store',
  'WHAT ARE YOU LOOKING FOR ?',
  'Any use of materials is allowed only if there is a hyperlink to Caliber.az',
  'Caliber.az © 2024. .',
  'ANALYTICS',
  'A+',
  'Views: 489',
  'Caliber.Az',
  'share-lineLiked the story? Share it on social media!',
  'Ссылка скопирована',
  'Follow us on Telegram',
  'Analytical materials of te authors of Caliber.az',
  'loading',
  'Comments (0)',
  'DKusZ5IdL0hNS4g.png',
  'Rusiya sülhməramlıları. AP',
  'Leave a review',
  'Social',
  'Follow us on social networks',
  'News Line',
  "Follow Daryo's official Instagram and Twitter pages to keep current on world news.",
];

function bodyTexts(result: CleanResult): string[] {
  return result.paragraphs.map((p) => p.text);
}

/** Every line number that the result accounts for (headline, date, body, removed). */
function accountedLines(result: CleanResult): number[] {
  return [
    ...(result.title ? [result.title.line] : []),
    ...(result.printedDate ? [result.printedDate.line] : []),
    ...result.paragraphs.map((p) => p.line),
    ...result.removed.map((r) => r.line),
  ].sort((a, b) => a - b);
}

describe('cleanRawArticle on the five seed articles', () => {
  describe.each(SEED_BODIES)('seed $prefix', ({ prefix, options, bodyLines }) => {
    const raw = seed(prefix);
    const result = cleanRawArticle(raw.text, options, raw.name);

    it(`keeps exactly the ${bodyLines.length} body paragraph(s), verbatim and in order`, () => {
      expect(result.paragraphs.map((p) => p.line)).toEqual(bodyLines);
      // One line a paragraph: these files are not hard-wrapped.
      expect(result.paragraphs.map((p) => p.lines)).toEqual(bodyLines.map((n) => [n]));
      // Character for character: the text of each paragraph is its raw line (the seeds have no stray spaces).
      expect(bodyTexts(result)).toEqual(bodyLines.map((n) => raw.line(n)));
    });

    it('lets no chrome line into the body', () => {
      const body = bodyTexts(result);
      for (const chrome of CHROME) expect(body).not.toContain(chrome);
      // No short line survives either: every body paragraph of these articles is a full sentence.
      for (const text of body) expect(text.length).toBeGreaterThan(80);
    });

    it('accounts for every non-blank line exactly once (nothing is dropped silently)', () => {
      const nonBlank = raw.text
        .split('\n')
        .map((text, i) => ({ text, line: i + 1 }))
        .filter((l) => l.text.trim() !== '')
        .map((l) => l.line);
      expect(accountedLines(result)).toEqual(nonBlank);
    });

    it('reports each removed line with its number, its text and a reason', () => {
      for (const r of result.removed) {
        expect(r.text).toBe(raw.line(r.line).trim());
        expect(r.reason).toMatch(/\S/);
      }
      const lines = result.removed.map((r) => r.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(result.review).toEqual([]);
      expect(result.trimmed).toEqual([]);
      expect(result.warnings).toEqual([]);
    });
  });

  it('keeps curly quotes, apostrophes and straight double quotes exactly (seed 000)', () => {
    const result = cleanRawArticle(seed('000').text);
    const para = result.paragraphs.find((p) => p.line === 34);
    expect(para?.text).toBe(
      'Since 2021, Azerbaijan has criticised the Russian peacekeeping contingent deployed in Garabagh for not ' +
        '“taking enough measures to prevent the arms transfer in Garabagh,” despite numerous warnings from Baku. ' +
        'As for Azerbaijan, the transfer of weapons has been disguised as “peacekeeping humanitarian aid."',
    );
    expect(bodyTexts(result).join('\n')).toContain('Azerbaijan’s decision');
  });

  it('keeps the quoted statement in seed 004 as its own paragraph, with its quotes', () => {
    const result = cleanRawArticle(seed('004').text);
    expect(result.paragraphs[6]?.text).toBe(
      '"disarm and secure the withdrawal of formations of Armenia’s armed forces from our territories, (and) ' +
        'neutralize their military infrastructure."',
    );
    expect(result.paragraphs[5]?.text).toBe(
      "Azerbaijan's defense ministry issued a statement outlining its intentions, stating it aimed to;",
    );
  });

  it('finds the headline and printed date of seed 000', () => {
    const result = cleanRawArticle(seed('000').text);
    expect(result.title).toEqual({
      line: 24,
      lines: [24],
      text: 'Azerbaijan-Armenia confrontation: Will there be a new escalation? Playing with the fire',
    });
    expect(result.printedDate).toEqual({ line: 26, text: '01 September 2023 14:59' });
  });

  it('finds the headline and printed date of seed 002 (date printed above the headline)', () => {
    const result = cleanRawArticle(seed('002').text);
    expect(result.title).toEqual({
      line: 3,
      lines: [3],
      text: 'New outbreak of violence at Azerbaijan border claims lives of four Armenian soldiers',
    });
    expect(result.printedDate).toEqual({ line: 1, text: 'September, Friday 20, 2024' });
  });

  it('uses titleLine for seed 001, whose headline ends with a full stop', () => {
    const raw = seed('001');
    const result = cleanRawArticle(raw.text, { titleLine: 1 });
    expect(result.title).toEqual({ line: 1, lines: [1], text: raw.line(1) });
    expect(result.paragraphs.some((p) => p.line === 1)).toBe(false);
  });

  it('leaves the headline of seed 001 in the body when titleLine is not given (it reads like a sentence)', () => {
    const raw = seed('001');
    const result = cleanRawArticle(raw.text);
    expect(result.title).toBeUndefined();
    expect(result.paragraphs).toHaveLength(16);
    expect(result.paragraphs[0]).toEqual({ line: 1, lines: [1], text: raw.line(1) });
  });

  it('finds no headline or date where none is printed (seeds 003, 004)', () => {
    for (const prefix of ['003', '004']) {
      const result = cleanRawArticle(seed(prefix).text);
      expect(result.title).toBeUndefined();
      expect(result.printedDate).toBeUndefined();
    }
  });

  it('names the rule behind each removal in seed 000', () => {
    const result = cleanRawArticle(seed('000').text);
    const reasonOf = (line: number) => result.removed.find((r) => r.line === line)?.reason;
    expect(reasonOf(1)).toBe('menu or share button'); // twitter
    expect(reasonOf(8)).toBe('language switcher'); // ru
    expect(reasonOf(11)).toBe('search box prompt');
    expect(reasonOf(18)).toBe('reuse notice');
    expect(reasonOf(19)).toBe('copyright line');
    expect(reasonOf(20)).toBe('section label'); // ANALYTICS
    expect(reasonOf(56)).toBe('site name or tagline'); // Caliber.Az
    expect(reasonOf(57)).toBe('view counter'); // Views: 489
    expect(reasonOf(59)).toBe('share prompt');
    expect(reasonOf(64)).toBe('"follow us" line');
  });

  it('names the rule behind each removal in seeds 002, 003 and 004', () => {
    expect(cleanRawArticle(seed('002').text).removed).toEqual([
      { line: 6, text: 'DKusZ5IdL0hNS4g.png', reason: 'image file name' },
    ]);
    const r003 = cleanRawArticle(seed('003').text).removed;
    expect(r003.filter((r) => r.text === 'Rusiya sülhməramlıları. AP').map((r) => [r.line, r.reason])).toEqual([
      [1, 'photo caption'],
      [3, 'photo caption'],
    ]);
    expect(r003.map((r) => r.line)).toEqual([1, 3, 19, 21, 23, 25]);
    expect(cleanRawArticle(seed('004').text).removed).toEqual([
      {
        line: 17,
        text: "Follow Daryo's official Instagram and Twitter pages to keep current on world news.",
        reason: '"follow us" line',
      },
      { line: 18, text: 'Comments (0)', reason: 'comment counter' },
    ]);
  });

  it('gives the same result for Windows line endings and a byte-order mark', () => {
    const raw = seed('000').text;
    const plain = cleanRawArticle(raw);
    const windows = cleanRawArticle(`\uFEFF${raw.replace(/\n/g, '\r\n')}`);
    expect(windows).toEqual(plain);
  });
});

describe('cleanRawArticle on small inputs', () => {
  const PROSE_1 =
    'The first paragraph is long enough to count as running prose, with well over eighty characters in it.';
  const PROSE_2 = 'The second paragraph is also long enough to count as prose: it too has more than eighty characters.';

  it('keeps a short unrecognised line outside the body, and lists it for review', () => {
    const raw = ['Headline of the piece', '', PROSE_1, PROSE_2, "Editor's pick"].join('\n');
    const result = cleanRawArticle(raw);
    expect(bodyTexts(result)).toEqual([PROSE_1, PROSE_2, "Editor's pick"]);
    expect(result.review).toHaveLength(1);
    expect(result.review[0]).toMatchObject({ line: 5, text: "Editor's pick" });
    expect(result.review[0]?.reason).toMatch(/decisions\.remove/);
  });

  it('keeps a short line inside the body without a warning', () => {
    const raw = [PROSE_1, 'A short line.', PROSE_2].join('\n');
    const result = cleanRawArticle(raw);
    expect(bodyTexts(result)).toEqual([PROSE_1, 'A short line.', PROSE_2]);
    expect(result.review).toEqual([]);
  });

  it('removes the lines an editor lists in decisions.remove, with that reason', () => {
    const raw = ['Headline of the piece', '', PROSE_1, PROSE_2, "Editor's pick"].join('\n');
    const result = cleanRawArticle(raw, { remove: [5] });
    expect(bodyTexts(result)).toEqual([PROSE_1, PROSE_2]);
    expect(result.review).toEqual([]);
    expect(result.removed).toContainEqual({ line: 5, text: "Editor's pick", reason: 'removed by the editor (decisions.remove)' });
  });

  it('removes a decisions.remove line even inside the body, and only that line', () => {
    const raw = [PROSE_1, 'Advert: buy now', PROSE_2].join('\n');
    const result = cleanRawArticle(raw, { remove: [2] });
    expect(bodyTexts(result)).toEqual([PROSE_1, PROSE_2]);
    expect(result.removed).toEqual([{ line: 2, text: 'Advert: buy now', reason: 'removed by the editor (decisions.remove)' }]);
  });

  it('keeps a line a rule removed when the editor lists it in decisions.keep', () => {
    const raw = [PROSE_1, 'Share this', PROSE_2].join('\n');
    expect(bodyTexts(cleanRawArticle(raw))).toEqual([PROSE_1, PROSE_2]);
    const result = cleanRawArticle(raw, { keep: [2] });
    expect(bodyTexts(result)).toEqual([PROSE_1, 'Share this', PROSE_2]);
    expect(result.removed).toEqual([]);
  });

  it('trims only the white space around a line, not inside it, and reports the line as trimmed', () => {
    const inner = 'Spaces  inside   stay, and so do “quotes”, ‘apostrophes’, "straight quotes" and a dash — here.';
    const result = cleanRawArticle(`  \t${inner}  \n`);
    expect(bodyTexts(result)).toEqual([inner]);
    expect(result.trimmed).toEqual([1]);
  });

  it('does not take a sentence for chrome because it mentions a social network or a site', () => {
    const lines = [
      'Twitter users in Baku reported long queues at the border crossing early on Tuesday morning, officials said.',
      'Views of the ceasefire differ sharply in Yerevan and in Baku, where officials describe it as a victory.',
    ];
    expect(bodyTexts(cleanRawArticle(lines.join('\n')))).toEqual(lines);
  });

  it('uses titleLine even when that line would otherwise be body text', () => {
    const raw = [PROSE_1, PROSE_2].join('\n');
    const result = cleanRawArticle(raw, { titleLine: 1 });
    expect(result.title).toEqual({ line: 1, lines: [1], text: PROSE_1 });
    expect(bodyTexts(result)).toEqual([PROSE_2]);
  });

  it('rejects a titleLine that points at an empty line', () => {
    const raw = ['Headline', '', PROSE_1].join('\n');
    expect(() => cleanRawArticle(raw, { titleLine: 2 }, 'a.txt')).toThrow(RawTextError);
    expect(() => cleanRawArticle(raw, { titleLine: 2 }, 'a.txt')).toThrow(/a\.txt: --title-line 2 .*empty/);
    expect(() => cleanRawArticle(raw, { keep: [9] }, 'a.txt')).toThrow(/a\.txt: decisions\.keep line 9 .*missing/);
  });

  it('rejects a titleLine past the end of the file', () => {
    expect(() => cleanRawArticle(PROSE_1, { titleLine: 9 }, 'a.txt')).toThrow(/a\.txt: --title-line 9 .*missing/);
  });

  it('recognises other printed date formats', () => {
    for (const date of ['Friday, 1 September 2023', 'Sep 20, 2024 10:15', '2023-09-19 09:30', '19.09.2023']) {
      const result = cleanRawArticle(['The headline of it', date, '', PROSE_1].join('\n'));
      expect(result.printedDate, date).toEqual({ line: 2, text: date });
      expect(bodyTexts(result)).toEqual([PROSE_1]);
    }
  });
});

describe('cleanRawArticle and assertText on bad input', () => {

  it('rejects an empty file, naming it and saying what to pass', () => {
    const error = rawTextErrorFrom(() => cleanRawArticle('', {}, 'empty.txt'));
    expect(error.name).toBe('RawTextError');
    expect(error.message).toMatch(/^empty\.txt: the file is empty\./);
    expect(error.message).toMatch(/raw text of a news article/);
  });

  it('rejects a file of white space only', () => {
    expect(rawTextErrorFrom(() => cleanRawArticle(' \n\t\r\n \n', {}, 'blank.txt')).message).toMatch(/blank\.txt: the file is empty/);
  });

  it('rejects text with NUL bytes as binary', () => {
    const raw = `PNG\u0000\u0000\u0001IHDR ${'x'.repeat(200)}`;
    const error = rawTextErrorFrom(() => cleanRawArticle(raw, {}, 'image.txt'));
    expect(error.message).toMatch(/^image\.txt: this looks like binary data, not text/);
    expect(error.message).toMatch(/UTF-8 text file/);
  });

  it('rejects text full of replacement characters (undecodable bytes) as binary', () => {
    const raw = `${'\uFFFD'.repeat(30)} some words here`;
    expect(rawTextErrorFrom(() => assertText(raw, 'latin1.txt')).message).toMatch(/latin1\.txt: this looks like binary/);
  });

  it('accepts ordinary text with tabs, non-Latin scripts and typographic characters', () => {
    expect(() => assertText('Карабах\tՂարաբաղ — “Qarabağ”\n', 'ok.txt')).not.toThrow();
  });

  it('rejects a file that holds only chrome lines, saying no body is left', () => {
    const raw = ['twitter', 'facebook', 'Views: 12', 'Comments (0)', 'Follow us on Telegram', 'Caliber.az © 2024.'].join('\n');
    const error = rawTextErrorFrom(() => cleanRawArticle(raw, {}, 'chrome.txt'));
    expect(error.message).toMatch(/^chrome\.txt: no article body is left after removing site chrome/);
    expect(error.message).toMatch(/6 line\(s\) removed/);
    expect(error.message).toMatch(/one a line/);
  });

  it('rejects a file of short lines with no prose', () => {
    expect(rawTextErrorFrom(() => cleanRawArticle('Hello\nWorld\n', {}, 'short.txt')).message).toMatch(
      /short\.txt: no article body is left .*2 short line\(s\) kept/,
    );
  });
});
