import { describe, expect, it } from 'vitest';
import { articlePaths, articleSlugOf, isSlug } from '../../../src/lib/content-paths.ts';
import { fileForUrlPath, urlPathForFile } from '../../../src/lib/dist-paths.ts';
import { REPO_ROOT } from '../helpers.ts';
import { join } from 'node:path';

describe('the slug rule', () => {
  it.each(['playing-with-the-fire', 'oc-media-2023-09-19-live', 'x', '2023'])('accepts %j', (slug) => expect(isSlug(slug)).toBe(true));
  it.each(['Has-Capitals', 'double--hyphen', '-leading', 'trailing-', 'with space', 'a/b', 'x'.repeat(81)])('refuses %j', (slug) =>
    expect(isSlug(slug)).toBe(false),
  );
});

describe('article paths', () => {
  it('name every file of an article from its slug, and the slug from the MDX file', () => {
    expect(articlePaths('a')).toEqual({
      article: 'content/articles/a.mdx',
      raw: 'content/raw/a.txt',
      record: 'content/records/a.yaml',
      ledger: 'content/ledger/a.yaml',
    });
    expect(articleSlugOf('/repo/content/articles/a-b.mdx')).toBe('a-b');
    expect(articleSlugOf('C:\\repo\\content\\articles\\a.mdx')).toBe('a');
    expect(articleSlugOf('/repo/content/people/a.md')).toBeUndefined();
  });
});

describe('URL paths and files of the build', () => {
  const dist = join(REPO_ROOT, 'tests', 'unit', 'fixtures');
  it('map an index.html to its folder address and back, under a base', () => {
    expect(urlPathForFile('/d', '/d/index.html', '/')).toBe('/');
    expect(urlPathForFile('/d', '/d/articles/x/index.html', '/karabakh/')).toBe('/karabakh/articles/x/');
    expect(urlPathForFile('/d', '/d/_astro/a.css', '/')).toBe('/_astro/a.css');
    expect(fileForUrlPath(dist, '/raw/separators.txt', '/')).toBe(join(dist, 'raw', 'separators.txt'));
    expect(fileForUrlPath(dist, '/base/raw/separators.txt', '/base/')).toBe(join(dist, 'raw', 'separators.txt'));
  });
  it('serve nothing outside the build or outside the base', () => {
    expect(fileForUrlPath(dist, '/../package.json', '/')).toBeUndefined();
    expect(fileForUrlPath(dist, '/raw/%2e%2e/%2e%2e/helpers.ts', '/')).toBeUndefined();
    expect(fileForUrlPath(dist, '/raw/separators.txt', '/base/')).toBeUndefined();
    expect(fileForUrlPath(dist, '/raw/nope.txt', '/')).toBeUndefined();
  });
});
