/**
 * What a note may cite and name, read from content/ when the Markdown pipeline runs: the sources in
 * content/sources.yaml and the background entries (people, organizations…) a claim note names in `by`.
 * Astro's content layer is not available to remark plugins, so the plugin gets this small catalogue instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cachedUntilContentChanges, type ContentCache } from './entities/entries.ts';
import { url } from './urls.ts';

export interface CatalogueSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date?: string;
}

export interface CatalogueEntity {
  /** The entry's name (its frontmatter `name`). */
  name: string;
  /** Its page, when the site has pages for its kind yet; otherwise the name is shown without a link. */
  href?: string;
}

export interface NoteCatalogue {
  source: (id: string) => CatalogueSource | undefined;
  /** An entry named "<kind>/<id>". */
  entity: (ref: string) => CatalogueEntity | undefined;
}

function readSources(root: string): Map<string, CatalogueSource> {
  const path = join(root, 'content', 'sources.yaml');
  const sources = new Map<string, CatalogueSource>();
  if (!existsSync(path)) return sources;
  // The content check (src/lib/content-check.ts) has already validated this file before Astro runs.
  const items: unknown = parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(items)) return sources;
  for (const item of items as Record<string, unknown>[]) {
    const { id, title, publisher, url: address, date } = item;
    if (typeof id !== 'string' || typeof title !== 'string' || typeof publisher !== 'string' || typeof address !== 'string') {
      continue;
    }
    const when = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' ? date : undefined;
    sources.set(id, { id, title, publisher, url: address, ...(when ? { date: when } : {}) });
  }
  return sources;
}

function frontmatterName(path: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'));
  if (!match) return undefined;
  const data: unknown = parse(match[1] ?? '');
  const name = (data as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * True when the site builds a page for each entry of `kind` (a dynamic route in src/pages/<kind>/). Those pages
 * are added by another part of the site; until they exist, a link to them would be broken, so names stay plain.
 */
function hasEntityPages(root: string, kind: string): boolean {
  const dir = join(root, 'src', 'pages', kind);
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith('[') && name.endsWith('.astro'));
}

/**
 * Reads the catalogue from the repository at `root`. `base` is the site's base path, for the entity links.
 * Each entry's name is read once, when a note first names it.
 */
export function loadNoteCatalogue(root: string, base: string): NoteCatalogue {
  const sources = readSources(root);
  const pages = new Map<string, boolean>();
  const entities = new Map<string, CatalogueEntity | undefined>();
  const entity = (ref: string): CatalogueEntity | undefined => {
    const [kind, id] = ref.split('/');
    if (!kind || !id) return undefined;
    const path = join(root, 'content', kind, `${id}.md`);
    if (!existsSync(path)) return undefined;
    const name = frontmatterName(path);
    if (name === undefined) return undefined;
    if (!pages.has(kind)) pages.set(kind, hasEntityPages(root, kind));
    return pages.get(kind) ? { name, href: url(`/${kind}/${id}/`, base) } : { name };
  };
  return {
    source: (id) => sources.get(id),
    entity: (ref) => {
      if (!entities.has(ref)) entities.set(ref, entity(ref));
      return entities.get(ref);
    },
  };
}

const cache: ContentCache<NoteCatalogue> = new Map();

/**
 * loadNoteCatalogue, kept for the whole build: the Markdown pipeline asks for it once per article, and reading
 * content/sources.yaml each time cost about a second per article at 1,000 articles. Read again when an entry,
 * the link rules or the sources change (a dev server's edits).
 */
export function cachedNoteCatalogue(root: string, base: string): NoteCatalogue {
  return cachedUntilContentChanges(cache, `${root}\0${base}`, root, () => loadNoteCatalogue(root, base));
}
