import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageForIndex } from '../../../../src/lib/search/build-index.ts';
import { namesTable, wordTail } from '../../../../src/lib/search/index-names.ts';
import { namedWithin, type EntityNames } from '../../../../src/lib/search/names.ts';
import { REPO_ROOT } from '../../helpers.ts';

/** A small table of entries: a place with names in three scripts, a person, a town and its district. */
const ENTITIES: EntityNames[] = [
  {
    ref: 'places/stepanakert',
    name: 'Stepanakert / Khankendi',
    alternateNames: [{ name: 'Ստեփանակերտ', latin: "Step'anakert" }, { name: 'Xankəndi', latin: 'Khankendi' }],
    forms: ['Stepanakert', 'Khankendi'],
  },
  { ref: 'people/ilham-aliyev', name: 'Ilham Aliyev', alternateNames: [{ name: 'İlham Əliyev' }], forms: ['Ilham Aliyev', 'Aliyev'] },
  { ref: 'places/lachin', name: 'Lachin', alternateNames: [{ name: 'Laçın' }, { name: 'Berdzor' }], forms: ['Lachin'] },
  { ref: 'places/lachin-district', name: 'Lachin District', alternateNames: [], forms: ['Lachin', 'Lachin district'] },
  { ref: 'places/aghdam-khankendi-road', name: 'Aghdam–Khankendi road', alternateNames: [], forms: ['Aghdam-Khankendi route'] },
];
const NAMES = namesTable(ENTITIES);

const GOLDEN = join(REPO_ROOT, 'tests/unit/golden/search-names');

describe('index-only names in the copy Pagefind reads (golden cases in tests/unit/golden/search-names/<case>/)', () => {
  for (const name of readdirSync(GOLDEN).sort()) {
    it(name, () => {
      const input = readFileSync(join(GOLDEN, name, 'input.html'), 'utf8');
      const output = pageForIndex(input, NAMES).html;
      const expectedFile = join(GOLDEN, name, 'expected.html');
      // UPDATE_GOLDEN=1 writes missing or changed expectations; review the diff before committing.
      if (process.env['UPDATE_GOLDEN'] || !existsSync(expectedFile)) writeFileSync(expectedFile, output);
      expect(output).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('pageForIndex', () => {
  it('adds no text: the passage reads exactly as before', () => {
    const input = readFileSync(join(GOLDEN, 'mention-in-text', 'input.html'), 'utf8');
    const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&#x26;|&amp;/g, '&');
    expect(textOf(pageForIndex(input, NAMES).html)).toBe(textOf(input));
  });

  it('leaves a page without mentions byte for byte as it was, and counts what it adds', () => {
    const page = '<!doctype html><html><body><div class="passage" id="a"><p>Nothing.</p></div></body></html>';
    expect(pageForIndex(page, NAMES)).toEqual({ html: page, names: 0 });
    const input = readFileSync(join(GOLDEN, 'mention-in-text', 'input.html'), 'utf8');
    expect(pageForIndex(input, NAMES).names).toBe(2);
  });
});

describe('wordTail', () => {
  it.each([
    ["'s reelection", 2],
    ['’s', 2],
    ['-bound route', 6],
    [' did not', 0],
    ['.', 0],
    ['', 0],
  ])('wordTail(%j) is %i', (text, expected) => {
    expect(wordTail(text)).toBe(expected);
  });
});

describe('namedWithin', () => {
  it('finds the entries a longer mention also names, as whole words', () => {
    expect(namedWithin('Aghdam-Khankendi route', ENTITIES, 'places/aghdam-khankendi-road')).toEqual([{ ref: 'places/stepanakert', start: 7, end: 16 }]);
    expect(namedWithin('Lachin', ENTITIES, 'places/lachin-district')).toEqual([]);
    expect(namedWithin('Lachinka', ENTITIES, 'x')).toEqual([]);
  });
});
