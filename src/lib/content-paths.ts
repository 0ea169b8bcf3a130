/**
 * Where each kind of content lives, and the one slug rule: every file name, id and URL segment of the site is
 * a slug. Scripts, checks and plugins take paths from here rather than spelling them out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A slug: lowercase ASCII letters and digits in words joined by single hyphens (what URLs and ids are made of). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Longest slug we accept, so addresses stay short. */
export const SLUG_MAX_LENGTH = 80;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** An article's files, relative to the repository root (always with "/"). */
export const articlePaths = (slug: string) => ({
  /** The MDX: frontmatter, the publisher's text and our notes. */
  article: `content/articles/${slug}.mdx`,
  /** The raw text as imported, byte for byte. */
  raw: `content/raw/${slug}.txt`,
  /** What the import made of each raw line (headline, date, paragraph, removed), and the editor's decisions. */
  record: `content/records/${slug}.yaml`,
  /** Every passage and note id ever published on the article's page, and where retired ones moved. */
  ledger: `content/ledger/${slug}.yaml`,
});

/** The slug of an article's MDX file, from any path to it; undefined for other files. */
export function articleSlugOf(path: string): string | undefined {
  return /(?:^|[\\/])content[\\/]articles[\\/]([^\\/]+)\.mdx$/.exec(path)?.[1];
}

/** The slugs of every article under `root`, sorted. */
export function articleSlugs(root: string): string[] {
  const dir = join(root, 'content', 'articles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => n.slice(0, -'.mdx'.length))
    .sort();
}
