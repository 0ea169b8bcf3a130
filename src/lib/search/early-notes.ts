/**
 * The articles' note records for the search index, made before the pages are rendered: from the HTML the
 * articles' loader wrote (src/lib/article-html.ts) and each article's title, exactly as notesOf makes them from
 * the built page (the page shows that HTML under an <h1> of the title). The index builder checks each against
 * the page when the pages are read (SearchIndexBuilder.finish), so a difference fails the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ARTICLE_HTML_DIR } from '../article-html.ts';
import { articlePaths, articleSlugs } from '../content-paths.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import type { NoteRecord } from './build-index.ts';
import { escapeText, notesOf } from './index-copy.ts';

/**
 * Every article's note records, or undefined when an article's HTML is not in `cacheDir` (then the notes are
 * taken from the pages, as before).
 */
export function earlyNoteRecords(root: string, cacheDir: string): NoteRecord[] | undefined {
  const records: NoteRecord[] = [];
  for (const slug of articleSlugs(root)) {
    const htmlFile = join(cacheDir, ARTICLE_HTML_DIR, `${slug}.html`);
    if (!existsSync(htmlFile)) return undefined;
    const split = splitFrontmatter(readFileSync(join(root, articlePaths(slug).article), 'utf8'));
    const title = (parseYaml(split?.yaml ?? '') as { title?: unknown } | null)?.title;
    if (typeof title !== 'string') return undefined;
    records.push(...notesOf(`<main><h1>${escapeText(title)}</h1>${readFileSync(htmlFile, 'utf8')}</main>`, `/articles/${slug}/`));
  }
  return records;
}
