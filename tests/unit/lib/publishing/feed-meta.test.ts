import { describe, expect, it } from 'vitest';
import { dateOf, feedItems } from '../../../../src/lib/publishing/feed.ts';
import { headMeta } from '../../../../src/lib/publishing/meta.ts';
import { crumbsFor, routePathOf } from '../../../../src/lib/publishing/routes.ts';
import { robotsTxt } from '../../../../src/lib/publishing/robots.ts';
import { shareImageRoute } from '../../../../src/lib/publishing/share-image-routes.ts';

describe('feed', () => {
  it('lists articles newest first, linking under the base, dated by the first day a partial date can mean', () => {
    const items = feedItems(
      [
        { slug: 'a', title: 'A', summary: 'S', published: '2023-03', outlet: 'O' },
        { slug: 'b', title: 'B', summary: 'S', published: '2024-02-13', outlet: 'P' },
      ],
      '/karabakh/',
    );
    expect(items.map((i) => i.link)).toEqual(['/karabakh/articles/b/', '/karabakh/articles/a/']);
    expect(items[1]?.pubDate.toISOString()).toBe('2023-03-01T00:00:00.000Z');
    expect(dateOf('2023').toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });
});

describe('headMeta', () => {
  const common = { routePath: '/articles/x/', site: 'https://example.org', base: '/karabakh/' };
  it('gives absolute canonical and image addresses under the base', () => {
    const meta = headMeta({ ...common, title: 'T', description: 'D' });
    expect(meta.canonical).toBe('https://example.org/karabakh/articles/x/');
    expect(meta.image).toBe('https://example.org/karabakh/og/articles/x.png');
    expect(meta.ogType).toBe('article');
    expect(meta.title).toBe('T · Karabakh in the news');
  });
  it('fails naming the page when the title or description is missing or blank', () => {
    expect(() => headMeta({ ...common, title: ' ', description: 'D' })).toThrow('Page /articles/x/: the title is missing or empty');
    expect(() => headMeta({ ...common, title: 'T', description: undefined })).toThrow('Page /articles/x/: the description is missing or empty');
  });
  it('gives a noindex page no canonical address', () => {
    expect(headMeta({ ...common, routePath: '/404/', title: 'T', description: 'D', noindex: true }).canonical).toBeUndefined();
  });
});

describe('page addresses', () => {
  it('strips the base and index files', () => {
    expect(routePathOf('/karabakh/articles/x/', '/karabakh/')).toBe('/articles/x/');
    expect(routePathOf('/karabakh/', '/karabakh/')).toBe('/');
    expect(routePathOf('/404.html', '/')).toBe('/404/');
  });
  it('builds Home › Section › Page', () => {
    expect(crumbsFor('/people/x/', 'X', 'https://e.org', '/').map((c) => [c.name, c.item])).toEqual([
      ['Home', 'https://e.org/'],
      ['People', 'https://e.org/people/'],
      ['X', 'https://e.org/people/x/'],
    ]);
    expect(crumbsFor('/', 'Home', 'https://e.org', '/')).toHaveLength(1);
  });
  it('maps pages to their share image, others to the site image', () => {
    expect(shareImageRoute('/glossary/lachin-corridor/')).toBe('/og/glossary/lachin-corridor.png');
    expect(shareImageRoute('/timeline/')).toBe('/og/site.png');
    expect(shareImageRoute('/articles/')).toBe('/og/site.png');
  });
  it('robots.txt names the sitemap by its absolute address', () => {
    expect(robotsTxt('https://e.org', '/karabakh/')).toContain('Sitemap: https://e.org/karabakh/sitemap-index.xml');
  });
});
