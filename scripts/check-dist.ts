/**
 * Checks the built site in dist/ before it is published:
 * - every internal link and #fragment resolves (a text fragment `#id:~:text=…` must name an existing id);
 * - no page or stylesheet loads anything from another origin (no CDNs, fonts, analytics, embeds);
 * - no id is used twice on a page;
 * - every article page shows exactly the publisher's paragraphs, verbatim and in order, and none of the chrome
 *   the import removed (compared with content/raw/ through the same cleaning rules the import used).
 *
 * Usage: tsx scripts/check-dist.ts [dist-dir] [--base /sub/path/]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { articleSlugs, readArticleSource } from '../src/lib/import/article-source.ts';
import { splitFragment } from '../src/lib/text-fragment.ts';

export interface DistReport {
  pages: number;
  links: number;
  fragments: number;
  passages: number;
  articles: number;
  problems: string[];
}

const parser = unified().use(rehypeParse);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The URL path a file in dist/ is served at, under `base`. */
function pagePath(dist: string, file: string, base: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  const path = rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return `${base}${path}`;
}

/** The file in dist/ that serves a URL path, if any. */
function fileFor(dist: string, urlPath: string, base: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(dist, rel, 'index.html')] : [join(dist, rel), join(dist, rel, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;
const RESOURCE_SELECTORS = 'script[src], link[href], img[src], img[srcset], source[src], source[srcset], iframe, video[src], audio[src], embed, object, use[href]';

function idsOf(tree: Root): string[] {
  return selectAll('[id]', tree).map((el) => String(el.properties['id']));
}

export function checkDist(root: string, dist: string, base: string): DistReport {
  const problems: string[] = [];
  const files = htmlFiles(dist);
  const trees = new Map<string, Root>();
  for (const file of files) trees.set(file, parser.parse(readFileSync(file, 'utf8')));
  const idCache = new Map<string, Set<string>>();
  const idsIn = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      const tree = trees.get(file) ?? parser.parse(readFileSync(file, 'utf8'));
      ids = new Set(idsOf(tree));
      idCache.set(file, ids);
    }
    return ids;
  };
  let links = 0;
  let fragments = 0;

  for (const [file, tree] of trees) {
    const where = relative(root, file);
    const seen = new Set<string>();
    for (const id of idsOf(tree)) {
      if (seen.has(id)) problems.push(`${where}: the id "${id}" is used more than once on the page.`);
      seen.add(id);
    }
    const pageUrl = new URL(pagePath(dist, file, base), 'http://site.invalid');
    for (const el of selectAll(RESOURCE_SELECTORS, tree) as Element[]) {
      const values = ['src', 'href', 'srcSet', 'data'].flatMap((p) => {
        const v = el.properties[p];
        if (v === undefined || v === null) return [];
        return p === 'srcSet' ? String(Array.isArray(v) ? v.join(',') : v).split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [String(Array.isArray(v) ? v.join(' ') : v)];
      });
      for (const value of values) {
        if (el.tagName === 'link' && /\b(canonical|alternate)\b/.test(String(el.properties['rel'] ?? ''))) continue;
        const target = new URL(value, pageUrl);
        if (target.origin !== pageUrl.origin) {
          problems.push(`${where}: <${el.tagName}> loads ${value} from another origin; keep every resource on the site.`);
        } else if (!fileFor(dist, target.pathname, base)) {
          problems.push(`${where}: <${el.tagName}> points to ${target.pathname}, which is not in the build.`);
        }
      }
    }
    for (const a of selectAll('a[href]', tree) as Element[]) {
      const href = String(a.properties['href']);
      if (EXTERNAL.test(href)) continue;
      links += 1;
      const target = new URL(href, pageUrl);
      const targetFile = fileFor(dist, target.pathname, base);
      if (!targetFile) {
        problems.push(`${where}: broken link ${href} (no page at ${target.pathname}${target.pathname.startsWith(base) ? '' : `; links must start with the base ${base}`}).`);
        continue;
      }
      if (target.hash.length > 1) {
        fragments += 1;
        const { id } = splitFragment(target.hash);
        if (id && !idsIn(targetFile).has(id)) problems.push(`${where}: link ${href} names #${id}, which is not on ${target.pathname}.`);
      }
    }
  }
  for (const css of readdirSync(join(dist, '_astro')).filter((n) => n.endsWith('.css'))) {
    const text = readFileSync(join(dist, '_astro', css), 'utf8');
    if (/url\(\s*['"]?(https?:)?\/\//i.test(text) || /@import\s+(url\()?['"]?https?:/i.test(text)) {
      problems.push(`dist/_astro/${css}: the stylesheet loads something from another origin.`);
    }
  }

  const verbatim = checkArticlesVerbatim(root, dist, problems);
  return { pages: files.length, links, fragments, passages: verbatim.passages, articles: verbatim.articles, problems };
}

function checkArticlesVerbatim(root: string, dist: string, problems: string[]): { articles: number; passages: number } {
  let articles = 0;
  let passages = 0;
  for (const slug of articleSlugs(root)) {
    const source = readArticleSource(root, slug);
    const page = join(dist, 'articles', slug, 'index.html');
    if (!existsSync(page)) {
      problems.push(`${source.file}: no page was built for this article (expected ${relative(root, page)}).`);
      continue;
    }
    articles += 1;
    const tree = parser.parse(readFileSync(page, 'utf8'));
    const shown = (selectAll('.passage > p', tree) as Element[]).map((p) => toString(p));
    passages += shown.length;
    const expected = source.cleaned.paragraphs;
    const count = Math.max(shown.length, expected.length);
    for (let i = 0; i < count; i++) {
      const want = expected[i];
      const got = shown[i];
      if (want === undefined) {
        problems.push(`${source.file}: passage ${i + 1} is not in ${source.raw}: "${got?.slice(0, 80)}". Only the publisher's paragraphs may be passages.`);
        break;
      }
      if (got !== want.text) {
        problems.push(
          `${source.file}: passage ${i + 1} differs from ${source.raw} line ${want.line}` +
            (got === undefined ? ' (missing on the page)' : ` at character ${firstDifference(got, want.text) + 1}`) +
            `. Expected "${want.text.slice(0, 80)}…". Restore the publisher's text verbatim.`,
        );
        break;
      }
    }
    const h1 = (selectAll('h1', tree) as Element[]).map((h) => toString(h));
    if (h1.length !== 1 || h1[0] !== source.title) problems.push(`${source.file}: the page's heading is not the article's title "${source.title}".`);
    const headline = source.cleaned.title;
    if (source.titleSource === 'page' && headline && headline.text !== source.title) {
      problems.push(`${source.file}: field "title" differs from the headline on ${source.raw} line ${headline.line}: "${headline.text}".`);
    }
  }
  return { articles, passages };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: '/' } } });
  const root = process.cwd();
  const dist = join(root, positionals[0] ?? 'dist');
  const base = values.base.endsWith('/') ? values.base : `${values.base}/`;
  if (!existsSync(dist)) {
    console.error(`check-dist: ${relative(root, dist)} does not exist; run the build first.`);
    return 1;
  }
  const report = checkDist(root, dist, base);
  if (report.problems.length > 0) {
    console.error(`check-dist: ${report.problems.length} problem(s) in ${relative(root, dist)}/:\n` + report.problems.map((p) => `  - ${p}`).join('\n'));
    return 1;
  }
  console.log(
    `check-dist: ${relative(root, dist)}/ OK — ${report.pages} pages, ${report.links} internal links, ${report.fragments} fragments, ` +
      `${report.articles} articles with ${report.passages} passages verbatim, no external resources.`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = main();
