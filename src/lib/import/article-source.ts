/**
 * What an article page must show: the raw text it was imported from, run through the same cleaning rules with
 * the options recorded in its frontmatter. Used by the post-build check and the browser tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cleanRawArticle, type CleanResult } from './clean.ts';

export interface ArticleSource {
  slug: string;
  /** content/articles/<slug>.mdx, relative to the root. */
  file: string;
  title: string;
  titleSource: 'page' | 'address' | 'editor';
  raw: string;
  cleaned: CleanResult;
}

interface Frontmatter {
  title: string;
  titleSource?: ArticleSource['titleSource'];
  source: { raw: string; titleLine?: number; chromeLines?: number[] };
}

export function readArticleSource(root: string, slug: string): ArticleSource {
  const file = join('content', 'articles', `${slug}.mdx`);
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, file), 'utf8'));
  const fm = parseYaml(match?.[1] ?? '') as Frontmatter;
  const cleaned = cleanRawArticle(
    readFileSync(join(root, fm.source.raw), 'utf8'),
    {
      ...(fm.source.titleLine === undefined ? {} : { titleLine: fm.source.titleLine }),
      chromeLines: fm.source.chromeLines ?? [],
    },
    fm.source.raw,
  );
  return { slug, file, title: fm.title, titleSource: fm.titleSource ?? 'page', raw: fm.source.raw, cleaned };
}

export function articleSlugs(root: string): string[] {
  return readdirSync(join(root, 'content', 'articles'))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => n.slice(0, -'.mdx'.length))
    .sort();
}
