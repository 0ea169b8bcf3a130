/**
 * How a URL path maps to a file of the built site and back, as a static host serves it (directory index.html
 * files, the site under a base path). The post-build checks and the test server share it.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { filesUnder } from './files.ts';

/** The base path with exactly one trailing slash ("/", "/karabakh/"). */
export function normaliseBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** The file in `dist` that serves a URL path under `base`, if any; never a path outside `dist`. */
export function fileForUrlPath(dist: string, urlPath: string, base: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return undefined;
  }
  const path = join(dist, normalize(rel).replace(/^(\.\.[/\\])+/, ''));
  if (path !== dist && !path.startsWith(dist.endsWith(sep) ? dist : `${dist}${sep}`)) return undefined;
  if (!rel.endsWith('/') && rel !== '' && existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** The URL path a file in `dist` is served at, under `base` (index.html files at their folder's address). */
export function urlPathForFile(dist: string, file: string, base: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `${base}${rel === 'index.html' || rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
}

/**
 * The search bundle's folder (dist/pagefind/): Pagefind writes it while the post-build check runs beside the index
 * (src/integrations/after-build.ts), and it holds no pages or stylesheets of ours.
 */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** The files of a built site whose names end in one of `extensions`, sorted, without the search bundle. */
export function siteFiles(dist: string, extensions: readonly string[]): string[] {
  const bundle = join(dist, SEARCH_BUNDLE_DIR);
  return filesUnder(dist, (folder) => folder === bundle)
    .filter((file) => extensions.some((ext) => file.endsWith(ext)))
    .sort();
}
