import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aboutGist, notesByKind } from '../../../src/lib/about-text.ts';
import { loadNoteCatalogue } from '../../../src/lib/notes-catalogue.ts';
import { kindSectionId, notesIndex } from '../../../src/lib/notes-index.ts';
import { countLabel, excerpt, findPhrase, splitList, type NoteRecord } from '../../../src/lib/notes.ts';
import { tempDir } from '../helpers.ts';

const note = (over: Partial<NoteRecord> & Pick<NoteRecord, 'id' | 'kind' | 'number'>): NoteRecord => ({
  htmlId: `note-${over.id}`,
  sources: ['s'],
  by: [],
  excerpt: `Words of ${over.id}`,
  line: 1,
  ...over,
});

describe('notes helpers', () => {
  it('cuts an excerpt at a word boundary with an ellipsis, and keeps short texts whole', () => {
    expect(excerpt('one two three four', 3)).toBe('one two three…');
    expect(excerpt('  one   two\nthree ', 3)).toBe('one two three');
  });

  it('counts kinds in words', () => {
    expect(countLabel('correction', 1)).toBe('1 correction');
    expect(countLabel('claim', 3)).toBe('3 claims');
    expect(countLabel('context', 2)).toBe('2 context notes');
    expect(countLabel('provenance', 1)).toBe('1 provenance note');
    expect(countLabel('claim', 0)).toBe('0 claims');
  });

  it('finds a phrase character for character, or not at all', () => {
    expect(findPhrase('It was on July 30, again.', 'on July 30')).toEqual({ start: 7, end: 17 });
    expect(findPhrase('It was on July 30.', 'on july 30')).toBeUndefined();
    expect(findPhrase('Russia’s role', "Russia's role")).toBeUndefined();
    expect(findPhrase('anything', '')).toBeUndefined();
  });

  it('splits space-separated lists', () => {
    expect(splitList(' a  b\nc ')).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
  });
});

describe('about this text', () => {
  it('says outlet, date and how many notes in one short line', () => {
    expect(aboutGist({ outlet: 'Turan', published: 'about 31 July 2023', notes: 12 })).toBe('Turan · about 31 July 2023 · 12 notes');
    expect(aboutGist({ outlet: 'X', published: 'March 2023', notes: 1 })).toBe('X · March 2023 · 1 note');
    expect(aboutGist({ outlet: 'X', published: 'March 2023', notes: 0 })).toBe('X · March 2023 · no notes yet');
  });

  it('lists every kind with its notes, in the site’s order', () => {
    const notes = [note({ id: 'a', kind: 'claim', number: 1 }), note({ id: 'b', kind: 'context', number: 2 }), note({ id: 'c', kind: 'claim', number: 3 })];
    expect(notesByKind(notes).map((k) => [k.kind, k.label, k.notes.map((n) => n.number)])).toEqual([
      ['context', '1 context note', [2]],
      ['correction', '0 corrections', []],
      ['claim', '2 claims', [1, 3]],
      ['provenance', '0 provenance notes', []],
    ]);
  });
});

describe('the /notes/ index', () => {
  it('has one section per kind, articles in the order given, each note linking to its permalink', () => {
    const sections = notesIndex([
      { slug: 'first', title: 'First', href: '/articles/first/', notes: [note({ id: 'x', kind: 'correction', number: 1, on: 'July 30' })] },
      { slug: 'second', title: 'Second', href: '/articles/second/', notes: [note({ id: 'y', kind: 'correction', number: 4 }), note({ id: 'z', kind: 'claim', number: 5 })] },
    ]);
    expect(sections.map((s) => [s.id, s.total, s.count])).toEqual([
      ['kind-context', 0, '0 context notes'],
      ['kind-correction', 2, '2 corrections'],
      ['kind-claim', 1, '1 claim'],
      ['kind-provenance', 0, '0 provenance notes'],
    ]);
    expect(sections[1]?.articles).toEqual([
      { slug: 'first', title: 'First', href: '/articles/first/', notes: [{ number: 1, href: '/articles/first/#note-x', excerpt: 'Words of x', on: 'July 30' }] },
      { slug: 'second', title: 'Second', href: '/articles/second/', notes: [{ number: 4, href: '/articles/second/#note-y', excerpt: 'Words of y' }] },
    ]);
    expect(sections[0]?.articles).toEqual([]);
  });

  it('never names a section note-…, which is kept for the notes themselves', () => {
    expect(kindSectionId('context').startsWith('note-')).toBe(false);
  });
});

describe('note catalogue (content/sources.yaml and background entries)', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  function repo(withPeoplePages: boolean): string {
    const { dir, remove } = tempDir('notes-catalogue-');
    cleanup = remove;
    mkdirSync(join(dir, 'content', 'people'), { recursive: true });
    mkdirSync(join(dir, 'content', 'organizations'), { recursive: true });
    writeFileSync(
      join(dir, 'content', 'sources.yaml'),
      '- id: s-one\n  title: A title\n  publisher: A publisher\n  url: https://example.org/a\n  date: 2023-07-31\n- id: s-two\n  title: B\n  publisher: P\n  url: https://example.org/b\n',
    );
    writeFileSync(join(dir, 'content', 'people', 'jane-doe.md'), '---\nname: Jane Doe\nrole: x\n---\nBody.\n');
    writeFileSync(join(dir, 'content', 'organizations', 'some-body.md'), '---\nname: Some Body\n---\n');
    if (withPeoplePages) {
      mkdirSync(join(dir, 'src', 'pages', 'people'), { recursive: true });
      writeFileSync(join(dir, 'src', 'pages', 'people', '[id].astro'), '');
    }
    return dir;
  }

  it('reads sources, with dates as YYYY-MM-DD', () => {
    const catalogue = loadNoteCatalogue(repo(false), '/');
    expect(catalogue.source('s-one')).toEqual({ id: 's-one', title: 'A title', publisher: 'A publisher', url: 'https://example.org/a', date: '2023-07-31' });
    expect(catalogue.source('s-two')?.date).toBeUndefined();
    expect(catalogue.source('nope')).toBeUndefined();
  });

  it('names background entries, linked (under the base path) only where the site has pages for their kind', () => {
    const withPages = loadNoteCatalogue(repo(true), '/karabakh/');
    expect(withPages.entity('people/jane-doe')).toEqual({ name: 'Jane Doe', href: '/karabakh/people/jane-doe/' });
    expect(withPages.entity('organizations/some-body')).toEqual({ name: 'Some Body' });
    expect(withPages.entity('people/nobody')).toBeUndefined();
    expect(withPages.entity('nonsense')).toBeUndefined();
  });
});
