/**
 * Where an article's rendered HTML is kept, and how a page reads it. The articles' loader
 * (src/lib/article-loader.ts) writes each article's HTML to a file beside Astro's data store rather than into it,
 * and records the file's path in the entry's rendered metadata (`htmlFile`, relative to the project).
 * Kept apart from the loader so that pages can read the HTML without loading the Markdown pipeline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the loader keeps an article's rendered HTML: `<cache dir>/article-html/<id>.html`. */
export const ARTICLE_HTML_DIR = 'article-html';

/**
 * The rendered HTML of an article entry, read from the file the loader wrote (its path, relative to the project,
 * is in the entry's rendered metadata as `htmlFile`).
 */
export function articleHtml(entry: { id: string; filePath?: string | undefined; rendered?: { metadata?: Record<string, unknown> } | undefined }): string {
  const file = entry.rendered?.metadata?.['htmlFile'];
  const path = typeof file === 'string' ? resolve(file) : undefined;
  if (path === undefined || !existsSync(path)) {
    throw new Error(
      `${entry.filePath ?? entry.id}: the article's rendered HTML is missing${path ? ` (${path})` : ''}. ` +
        "Delete Astro's cache (node_modules/.astro and .astro) and build again.",
    );
  }
  return readFileSync(path, 'utf8');
}
