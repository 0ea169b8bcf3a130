import { describe, expect, it } from 'vitest';
import { previewIsland } from '../../../../src/lib/entities/previews.ts';
import type { MentionRecord } from '../../../../src/lib/entities/types.ts';

const m = (ref: MentionRecord['ref'], linked = true): MentionRecord => ({ passageId: 'p', ref, form: 'x', text: 'x', start: 0, end: 1, linked });

describe('previewIsland', () => {
  it('holds one card per linked entry, with other names and their languages', () => {
    const island = previewIsland([m('places/stepanakert'), m('places/stepanakert', false), m('people/a', false)], (ref) =>
      ref === 'places/stepanakert'
        ? { name: 'Stepanakert / Khankendi', short: 'Main city.', alternateNames: [{ name: 'Xankəndi', lang: 'az', latin: 'Khankendi' }, { name: 'Stepanakert', lang: 'en' }] }
        : undefined,
    );
    expect(island).toEqual({
      'places/stepanakert': { name: 'Stepanakert / Khankendi', short: 'Main city.', names: [['Xankəndi (Khankendi)', 'az'], ['Stepanakert', 'en']] },
    });
  });

  it('fails when a linked entry is missing', () => {
    expect(() => previewIsland([m('people/nobody')], () => undefined)).toThrow(/people\/nobody/);
  });
});
