import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/lib/content-check.ts';
import { checkEntities } from '../../../../src/lib/entities/check.ts';
import { REPO_ROOT, tempDir } from '../../helpers.ts';

const FIXTURE_ROOT = fileURLToPath(new URL('../../../fixtures/entities/', import.meta.url));

describe('entity check', () => {
  let root: string;
  let remove: () => void;
  beforeEach(() => {
    ({ dir: root, remove } = tempDir());
    cpSync(FIXTURE_ROOT, root, { recursive: true });
  });
  afterEach(() => remove());

  const edit = (file: string, from: string | RegExp, to: string) => {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(from, to);
    expect(after, `edit of ${file}`).not.toBe(before);
    writeFileSync(path, after);
  };
  const messages = () => checkEntities(root).map(formatProblem);

  it('passes the fixture content', () => {
    expect(checkEntities(root)).toEqual([]);
  });

  it('reports an unknown related entry with file, line and name', () => {
    edit('content/people/ilham-aliyev.md', 'related: [places/stepanakert]', 'related: [places/stepanakert, places/nowhere]');
    expect(messages()).toEqual([
      'content/people/ilham-aliyev.md:10: field "related.1": people/ilham-aliyev: names the entry "places/nowhere", which does not exist. Add content/places/nowhere.md or correct the reference.',
    ]);
  });

  it('reports a form two entries claim without a link rule, on both entries', () => {
    edit('content/places/karabakh.md', 'forms: [Karabakh,', 'forms: [Khankendi, Karabakh,');
    const found = messages();
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^content\/places\/karabakh\.md:7: field "forms": places\/karabakh: the form "Khankendi" is also claimed by places\/stepanakert/);
    expect(found[0]).toContain('Add "- form: Khankendi" there with default and candidates [places/karabakh, places/stepanakert]');
    expect(found[1]).toMatch(/^content\/places\/stepanakert\.md:7: .*"Khankendi" is also claimed by places\/karabakh/);
  });

  it('reports a shared form whose rule leaves out a claimant', () => {
    edit('content/places/karabakh.md', 'forms: [Karabakh,', 'forms: [Lachin, Karabakh,');
    expect(messages()).toEqual([
      'content/link-rules.yaml:1: field "candidates": "Lachin" is also claimed by places/karabakh; add it to candidates (and a rule if some mentions should link to it).',
    ]);
  });

  it('reports rules that name unknown entries', () => {
    edit('content/link-rules.yaml', 'link: places/lachin-district\n    - if: { precededBy', 'link: places/lachin-region\n    - if: { precededBy');
    expect(messages()).toEqual([
      'content/link-rules.yaml:1: field "rules.0.link": "Lachin": names the entry "places/lachin-region", which does not exist. Add content/places/lachin-region.md or correct the reference.',
    ]);
  });

  it('reports an entry without sources, and a place without coordinates', () => {
    edit('content/glossary/lachin-corridor.md', 'sources: [src-a]\n', '');
    edit('content/places/lachin.md', 'coordinates: { lat: 39.64, lon: 46.55 }\n', '');
    expect(messages()).toEqual([
      'content/places/lachin.md:2: field "coordinates": places/lachin: the place has no coordinates. Add `coordinates: { lat: 39.81, lon: 46.75 }` (decimal degrees, WGS 84).',
      'content/glossary/lachin-corridor.md:2: field "sources": glossary/lachin-corridor: the entry cites no source. Add `sources: [id, …]` with ids from content/sources.yaml for the facts on the page.',
    ]);
  });

  it('reports a citation of an unknown source on its line in the body', () => {
    edit('content/places/karabakh.md', 'A region [@src-a].', 'A region [@src-a].\n\nMore [@src-x].');
    expect(messages()).toEqual([
      'content/places/karabakh.md:14: places/karabakh: the citation [@src-x] names no source in content/sources.yaml. Add the source there (see its header) or correct the id.',
    ]);
  });

  it('reports an override in an article that names an unknown entry, and a malformed one', () => {
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'content/articles/a.mdx'), '---\ntitle: x\n---\n\n{/* link: Lachin -> places/lachin-town */}\nLachin.\n\n{/* nolink: A -> b */} A.\n');
    expect(messages()).toEqual([
      'content/articles/a.mdx:5: the override "link: Lachin -> places/lachin-town" names the entry "places/lachin-town", which does not exist. Add content/places/lachin-town.md or correct the reference.',
      'content/articles/a.mdx:8: "nolink: A" takes no target; write {/* nolink: A */}.',
    ]);
  });
});

describe('entity check on the real content', () => {
  it('finds no problem in content/', () => {
    expect(checkEntities(REPO_ROOT).map(formatProblem)).toEqual([]);
  });
});
