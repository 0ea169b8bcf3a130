import { describe, expect, it } from 'vitest';
import { azGroups } from '../../../../src/lib/entities/a-z.ts';
import { indexLetter } from '../../../../src/lib/entities/labels.ts';

describe('azGroups', () => {
  it('files entries and their other names by first letter, transliterations for other scripts', () => {
    const groups = azGroups([
      {
        name: 'Stepanakert / Khankendi',
        kindLabel: 'Place',
        href: '/places/stepanakert/',
        alternateNames: [
          { name: 'Xankəndi', lang: 'az', latin: 'Khankendi' },
          { name: 'Ստեփանակերտ', lang: 'hy', latin: "Step'anakert" },
          { name: 'Степанакерт', lang: 'ru' },
        ],
      },
      { name: 'İlham Əliyev test', kindLabel: 'Person', href: '/people/x/', alternateNames: [{ name: 'Ilham Aliev', lang: 'en' }] },
    ]);
    expect(groups.map((g) => [g.letter, g.anchor, g.lines.map((l) => l.label + (l.see ? ` → ${l.see}` : ''))])).toEqual([
      ['I', 'letter-i', ['Ilham Aliev → İlham Əliyev test', 'İlham Əliyev test']],
      ['K', 'letter-k', ['Khankendi → Stepanakert / Khankendi']],
      ['S', 'letter-s', ["Step'anakert → Stepanakert / Khankendi", 'Stepanakert / Khankendi']],
    ]);
    expect(groups[0]?.lines[0]).toEqual({ label: 'Ilham Aliev', see: 'İlham Əliyev test', href: '/people/x/', kindLabel: 'Person', lang: 'en' });
  });

  it('puts names starting with a digit or another script under #', () => {
    expect(indexLetter('44-day war')).toBe('#');
    expect(indexLetter('Ստեփանակերտ')).toBe('#');
    expect(indexLetter('Əliyev')).toBe('E');
    expect(indexLetter('Ağdam')).toBe('A');
  });
});
