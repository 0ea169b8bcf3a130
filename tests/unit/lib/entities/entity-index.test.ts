import { describe, expect, it } from 'vitest';
import { buildEntityIndex, findMentions } from '../../../../src/lib/entities/entity-index.ts';
import { parseLinkRules } from '../../../../src/lib/entities/link-rules.ts';
import { parseOverride, overridesInSource } from '../../../../src/lib/entities/overrides.ts';

const entries = [
  { ref: 'people/ilham-aliyev' as const, forms: ['Ilham Aliyev', 'Aliyev', 'President Aliyev'] },
  { ref: 'places/armenia' as const, forms: ['Armenia'] },
  { ref: 'places/lachin' as const, forms: ['Lachin'] },
  { ref: 'glossary/lachin-corridor' as const, forms: ['Lachin corridor'] },
  { ref: 'places/karabakh' as const, forms: ['Karabakh', 'Nagorno-Karabakh'] },
];
const found = (text: string) => findMentions(text, buildEntityIndex(entries).index).map((m) => [m.text, m.ref]);

describe('entity index', () => {
  it('takes the longest form at a position', () => {
    expect(found('The Lachin corridor and Lachin.')).toEqual([
      ['Lachin corridor', 'glossary/lachin-corridor'],
      ['Lachin', 'places/lachin'],
    ]);
    expect(found('President Aliyev and Ilham Aliyev')).toEqual([
      ['President Aliyev', 'people/ilham-aliyev'],
      ['Ilham Aliyev', 'people/ilham-aliyev'],
    ]);
    expect(found('Nagorno-Karabakh')).toEqual([['Nagorno-Karabakh', 'places/karabakh']]);
  });

  it('matches whole words only, case-sensitively', () => {
    expect(found('Armenian forces, ARMENIA, armenia, Armenias')).toEqual([]);
    expect(found('(Armenia), "Armenia" and Armenia-Azerbaijan')).toEqual([
      ['Armenia', 'places/armenia'],
      ['Armenia', 'places/armenia'],
      ['Armenia', 'places/armenia'],
    ]);
  });

  it("takes possessives 's and ’s along, recording the form without them", () => {
    const mentions = findMentions("Armenia's and Aliyev’s", buildEntityIndex(entries).index);
    expect(mentions.map((m) => [m.text, m.form, m.start, m.end])).toEqual([
      ["Armenia's", 'Armenia', 0, 9],
      ['Aliyev’s', 'Aliyev', 14, 22],
    ]);
  });

  it('reports a form two entries claim without a rule, and leaves it unlinked', () => {
    const { index, conflicts } = buildEntityIndex([...entries, { ref: 'places/lachin-district', forms: ['Lachin'] }]);
    expect(conflicts).toEqual([{ form: 'Lachin', refs: ['places/lachin', 'places/lachin-district'] }]);
    expect(findMentions('Lachin', index)).toEqual([]);
  });

  it('resolves a shared form through its rules, first match first, else the default', () => {
    const { forms } = parseLinkRules(
      [
        '- form: Lachin',
        '  default: places/lachin',
        '  candidates: [places/lachin, places/lachin-district]',
        '  rules:',
        '    - if: { followedBy: district }',
        '      link: places/lachin-district',
        '    - if: { passageContains: "the district" }',
        '      link: places/lachin-district',
      ].join('\n'),
    );
    const { index, conflicts } = buildEntityIndex([...entries, { ref: 'places/lachin-district', forms: ['Lachin'] }], forms);
    expect(conflicts).toEqual([]);
    const refs = (text: string) => findMentions(text, index).map((m) => m.ref);
    expect(refs('Lachin is a town.')).toEqual(['places/lachin']);
    expect(refs('Lachin  district, Lachin districts')).toEqual(['places/lachin-district', 'places/lachin']);
    expect(refs('Lachin, in the district')).toEqual(['places/lachin-district']);
  });

  it('applies per-passage overrides: an extra phrase, a re-routed form, a suppressed form', () => {
    const { index } = buildEntityIndex(entries);
    const mentions = findMentions("Karabakh's foreign ministry said Lachin and Aliyev", index, {
      link: new Map([
        ["Karabakh's foreign ministry", 'organizations/nk-foreign-ministry'],
        ['Lachin', 'places/lachin-district'],
      ]),
      nolink: new Set(['Aliyev']),
    });
    expect(mentions.map((m) => [m.text, m.ref])).toEqual([
      ["Karabakh's foreign ministry", 'organizations/nk-foreign-ministry'],
      ['Lachin', 'places/lachin-district'],
    ]);
  });
});

describe('link rules file', () => {
  it('reports malformed items with their lines', () => {
    const { problems } = parseLinkRules(
      ['- form: Lachin', '  default: lachin', '  candidates: []', '  rules:', '    - if: { nextTo: x }', '      link: places/lachin'].join('\n'),
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'default'],
      [3, 'candidates'],
      [5, "rules.0.if"],
    ]);
  });

  it('rejects a form listed twice', () => {
    const item = ['- form: X1', '  default: places/a', '  candidates: [places/a, places/b]'];
    const { problems } = parseLinkRules([...item, ...item].join('\n'));
    expect(problems).toEqual([expect.objectContaining({ line: 4, field: 'form', message: expect.stringContaining('listed twice') })]);
  });
});

describe('overrides', () => {
  it('reads link and nolink comments, quoted or not', () => {
    expect(parseOverride('/* link: Lachin -> places/lachin-district */')).toEqual({ kind: 'link', text: 'Lachin', ref: 'places/lachin-district' });
    expect(parseOverride(`/* link: "Karabakh's foreign ministry" -> organizations/x */`)).toEqual({ kind: 'link', text: "Karabakh's foreign ministry", ref: 'organizations/x' });
    expect(parseOverride('/* nolink: Karabakh */')).toEqual({ kind: 'nolink', text: 'Karabakh' });
    expect(parseOverride('/* #a-pin */')).toBeUndefined();
    expect(parseOverride('/* an ordinary comment */')).toBeUndefined();
  });

  it('rejects malformed ones with a hint', () => {
    expect(() => parseOverride('/* link: Lachin */')).toThrow(/needs a target/);
    expect(() => parseOverride('/* link: Lachin -> lachin */')).toThrow(/must be "<kind>\/<id>"/);
    expect(() => parseOverride('/* nolink: X -> places/x */')).toThrow(/takes no target/);
  });

  it('finds them in a source with their lines', () => {
    const found = overridesInSource('A.\n\n{/* nolink: B */}\nB. {/* link: C -> bad */}\n');
    expect(found).toEqual([
      { line: 3, override: { kind: 'nolink', text: 'B' } },
      { line: 4, error: expect.stringContaining('must be "<kind>/<id>"') },
    ]);
  });
});
