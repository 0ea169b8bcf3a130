import { describe, expect, it } from 'vitest';
import { allNames, foldDiacritics, foldUndecomposable, indexOnlyText, type EntityNames } from '../../../../src/lib/search/names.ts';
import { readEntityNames } from '../../../../src/lib/search/entity-names.ts';
import { REPO_ROOT } from '../../helpers.ts';

const stepanakert: EntityNames = {
  ref: 'places/stepanakert',
  name: 'Stepanakert / Khankendi',
  alternateNames: [
    { name: 'Ստեփանակերտ', latin: "Step'anakert" },
    { name: 'Xankəndi', latin: 'Khankendi' },
    { name: 'Ханкенди', latin: 'Khankendi' },
  ],
  forms: ['Stepanakert', 'Khankendi', 'Khankandi'],
};

describe('folding', () => {
  it.each([
    ['Xankəndi', 'Xankendi'],
    ['Əliyev', 'Eliyev'],
    ['Laçın', 'Lacin'],
    ['İlham', 'Ilham'],
    ['Şuşa', 'Susa'],
    ['Ağdam', 'Agdam'],
    ['plain', 'plain'],
  ])('foldDiacritics(%j) is %j', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('foldUndecomposable only replaces ə and ı, which Pagefind cannot fold', () => {
    expect(foldUndecomposable('Xankəndi Laçın qırx')).toBe('Xankendi Laçin qirx');
  });
});

describe('allNames', () => {
  it('lists every name once: the name split at " / ", other names, transliterations, forms, and folded spellings', () => {
    expect(allNames(stepanakert)).toEqual(['Stepanakert', 'Khankendi', 'Ստեփանակերտ', "Step'anakert", 'Xankəndi', 'Xankendi', 'Ханкенди', 'Khankandi']);
  });

  it('does not fold other scripts (NFKD would turn Cyrillic й into и)', () => {
    const names = allNames({ ref: 'organizations/x', name: 'X', alternateNames: [{ name: 'российский' }], forms: ['X'] });
    expect(names).toEqual(['X', 'российский']);
  });

  it('wraps the names in brackets that results can recognise', () => {
    expect(indexOnlyText(['Stepanakert', 'Xankəndi'])).toBe('⟦Stepanakert Xankəndi⟧');
  });
});

describe('readEntityNames', () => {
  it('reads every entry of the repository with its names', () => {
    const entries = readEntityNames(REPO_ROOT);
    const stepanakert = entries.find((e) => e.ref === 'places/stepanakert');
    expect(stepanakert?.forms).toContain('Khankendi');
    expect(stepanakert?.alternateNames.map((a) => a.name)).toContain('Xankəndi');
    expect(new Set(entries.map((e) => e.ref.split('/')[0]))).toEqual(new Set(['people', 'places', 'organizations', 'glossary']));
  });
});
