/**
 * What the built site tells search engines, feed readers and link previews, read from dist/ (no browser needed):
 * meta tags and JSON-LD on every page, the feed, the sitemap, robots.txt, share images, the headers file.
 */
import { XMLParser } from 'fast-xml-parser';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll, select } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element } from 'hast';
import { fileForUrlPath } from '../../src/lib/dist-paths.ts';
import { validateNode, type Thing } from '../../src/lib/publishing/structured-data.ts';
import { dist, distPages } from './dist-pages.ts';
import { expect, root, slugs, test } from './fixtures.ts';

const parser = unified().use(rehypeParse);
const xml = new XMLParser({ ignoreAttributes: false });
const attr = (el: Element | undefined, name: string) => {
  const v = el?.properties[name];
  return typeof v === 'string' ? v : undefined;
};
/** The file an absolute address of the local build points at, if any. */
const fileOf = (address: string) => fileForUrlPath(dist, new URL(address).pathname, '/');

const ENTITY_TYPES: Record<string, string> = { people: 'Person', places: 'Place', organizations: 'Organization', glossary: 'DefinedTerm' };

for (const page of distPages()) {
  test(`meta and JSON-LD: ${page.path}`, () => {
    const tree = parser.parse(page.html());
    const head = select('head', tree);
    const meta = (key: string) => attr(select(`meta[name="${key}"], meta[property="${key}"]`, head ?? tree) as Element | undefined, 'content');
    expect(attr(select('html', tree) as Element, 'lang')).toBe('en');
    expect(select('title', tree)).toBeTruthy();
    for (const key of ['description', 'og:title', 'og:description', 'og:type', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:image:alt']) {
      expect(meta(key)?.trim(), key).toBeTruthy();
    }
    const image = meta('og:image') ?? '';
    expect(fileOf(image), `${image} exists in dist/`).toBeTruthy();
    const canonical = attr(select('link[rel="canonical"]', tree) as Element | undefined, 'href');
    if (page.path === '/404.html') {
      expect(canonical).toBeUndefined();
      expect(meta('robots')).toBe('noindex');
    } else {
      expect(canonical).toBe(new URL(page.path, 'http://localhost:4321').href);
      expect(meta('og:url')).toBe(canonical);
    }
    expect(select('link[rel="alternate"][type="application/rss+xml"]', tree)).toBeTruthy();
    expect(select('link[rel="sitemap"]', tree)).toBeTruthy();

    const scripts = selectAll('script[type="application/ld+json"]', tree) as Element[];
    expect(scripts).toHaveLength(1);
    const text = scripts[0]?.children.map((c) => (c.type === 'text' ? c.value : '')).join('') ?? '';
    const doc = JSON.parse(text) as { '@context': string; '@graph': Thing[] };
    expect(doc['@context']).toBe('https://schema.org');
    const problems = doc['@graph'].flatMap((node, i) => validateNode(node, `@graph[${i}]`));
    expect(problems).toEqual([]);
    const types = doc['@graph'].map((n) => n['@type']);
    expect(types).toContain('BreadcrumbList');
    const [section, id] = page.path.split('/').filter(Boolean);
    if (section === 'articles' && id) expect(types).toContain('NewsArticle');
    if (section && id && ENTITY_TYPES[section]) expect(types).toContain(ENTITY_TYPES[section]);
  });
}

test('every article page names its original publisher and, where we established one, what it rewrites', () => {
  for (const slug of slugs) {
    const html = readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '{}';
    const article = (JSON.parse(json) as { '@graph': Thing[] })['@graph'].find((n) => n['@type'] === 'NewsArticle');
    expect(article?.['publisher']).toMatchObject({ '@type': 'NewsMediaOrganization' });
  }
});

test('the RSS feed parses and lists every article, newest first, at addresses that exist', () => {
  const feed = xml.parse(readFileSync(join(dist, 'rss.xml'), 'utf8')) as { rss: { channel: { item: { link: string; pubDate: string; title: string }[] } } };
  const items = feed.rss.channel.item;
  expect(items.map((i) => new URL(i.link).pathname.split('/')[2]).sort()).toEqual([...slugs].sort());
  for (const item of items) expect(fileOf(item.link), item.link).toBeTruthy();
  const dates = items.map((i) => Date.parse(i.pubDate));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
});

test('the sitemap parses, and every address in it exists in dist/; every page but the 404 is in it', () => {
  const index = xml.parse(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')) as { sitemapindex: { sitemap: { loc: string } | { loc: string }[] } };
  const maps = [index.sitemapindex.sitemap].flat();
  const urls = maps.flatMap((m) => {
    const file = fileOf(m.loc);
    expect(file, m.loc).toBeTruthy();
    const set = xml.parse(readFileSync(file ?? '', 'utf8')) as { urlset: { url: { loc: string } | { loc: string }[] } };
    return [set.urlset.url].flat().map((u) => u.loc);
  });
  for (const u of urls) expect(fileOf(u), u).toBeTruthy();
  const pages = distPages().map((p) => p.path).filter((p) => p !== '/404.html');
  expect(urls.map((u) => new URL(u).pathname).sort()).toEqual(pages.sort());
});

test('robots.txt points to the sitemap', () => {
  const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
  const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1] ?? '';
  expect(fileOf(sitemap)).toBeTruthy();
});

test('every article and background entry has a share image, a PNG of the advertised size', () => {
  for (const page of distPages()) {
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page.html())?.[1] ?? '';
    const file = fileOf(image);
    expect(file, `${page.path}: ${image}`).toBeTruthy();
    const png = readFileSync(file ?? '');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = /<meta property="og:image:width" content="(\d+)"/.exec(page.html())?.[1];
    const height = /<meta property="og:image:height" content="(\d+)"/.exec(page.html())?.[1];
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(width), Number(height)]);
  }
  for (const slug of slugs) expect(existsSync(join(dist, 'og', 'articles', `${slug}.png`))).toBe(true);
});

test('under a sub-path, every absolute address carries it: canonical, share image, feed, sitemap, robots.txt, _headers', () => {
  const sub = join(root, 'dist-subpath');
  const html = readFileSync(join(sub, 'articles', slugs[0] ?? '', 'index.html'), 'utf8');
  expect(/<link rel="canonical" href="([^"]+)"/.exec(html)?.[1]).toBe(`http://localhost:4321/karabakh/articles/${slugs[0] ?? ''}/`);
  expect(/<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]).toMatch(/^http:\/\/localhost:4321\/karabakh\/og\/articles\//);
  expect(readFileSync(join(sub, 'robots.txt'), 'utf8')).toContain('Sitemap: http://localhost:4321/karabakh/sitemap-index.xml');
  const locs = [...readFileSync(join(sub, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  expect(locs.length).toBeGreaterThan(0);
  for (const loc of locs) expect(loc.startsWith('http://localhost:4321/karabakh/')).toBe(true);
  const links = [...readFileSync(join(sub, 'rss.xml'), 'utf8').matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1] ?? '');
  for (const link of links) expect(link.startsWith('http://localhost:4321/karabakh/')).toBe(true);
  expect(readFileSync(join(sub, '_headers'), 'utf8')).toMatch(/^\/karabakh\/articles\/[^\n]+\/\n {2}Content-Security-Policy: /m);
});

test('npm start serves pages gzip-compressed and lets browsers keep the hashed bundles for a year', async ({ request }) => {
  const page = await request.get(`/articles/${slugs[0] ?? ''}/`, { headers: { 'accept-encoding': 'gzip' } });
  expect(page.headers()['content-encoding']).toBe('gzip');
  expect(page.headers()['cache-control']).toBeUndefined();
  expect(await page.text()).toContain('</html>');
  const bundle = /src="(\/_astro\/[^"]+\.js)"/.exec(await page.text())?.[1] ?? '';
  expect(bundle).not.toBe('');
  const script = await request.get(bundle);
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});
