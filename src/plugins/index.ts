/**
 * The Markdown/MDX plugin pipeline, in the order it runs. astro.config.mjs and the unit tests both take it
 * from here, so the tests exercise what the site builds with.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkPassageIds } from './remark-passage-ids.ts';
import { rehypePassageAnchors } from './rehype-passage-anchors.ts';

/** Files whose paragraphs are the publisher's text and get passage ids. */
export const isArticleSource = (path: string): boolean => /[\\/]content[\\/]articles[\\/][^\\/]+\.mdx$/.test(path);

export const remarkPlugins: RemarkPlugins = [[remarkPassageIds, { include: isArticleSource }]];
export const rehypePlugins: RehypePlugins = [rehypePassageAnchors];
