/**
 * The Markdown/MDX plugin pipeline, in the order it runs. astro.config.mjs and the unit tests both take it
 * from here, so the tests exercise what the site builds with.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { resolveSiteUrl } from '../lib/publishing/site-url.ts';
import { siteBase } from '../lib/site-base.ts';
import { remarkBaseLinks } from './remark-base-links.ts';
import { remarkCitations } from './remark-citations.ts';
import { remarkEntityLinks } from './remark-entity-links.ts';
import { articleSlugOf } from '../lib/content-paths.ts';
import { cachedNoteCatalogue } from '../lib/notes-catalogue.ts';
import { url } from '../lib/urls.ts';
import { remarkPassageIds } from './remark-passage-ids.ts';
import { rehypePassageAnchors } from './rehype-passage-anchors.ts';
import { remarkNotes } from './remark-notes.ts';
import { rehypeNotes } from './rehype-notes.ts';

/** Files whose paragraphs are the publisher's text and get passage ids. */
export const isArticleSource = (path: string): boolean => articleSlugOf(path) !== undefined;

/** Files whose text is our background on a person, place, organization or term (with `[@source]` citations). */
export const isEntitySource = (path: string): boolean => /[\\/]content[\\/](people|places|organizations|glossary)[\\/][^\\/]+\.md$/.test(path);

export const remarkPlugins: RemarkPlugins = [
  [remarkPassageIds, { include: isArticleSource }],
  // After the passage ids: it links within passages and records mentions by passage id.
  [remarkEntityLinks, { include: isArticleSource, base: siteBase() }],
  // After the entity links: a note belongs to the passage above it, and its "on" phrase may cross a link.
  [
    remarkNotes,
    {
      include: isArticleSource,
      catalogue: (root: string) => cachedNoteCatalogue(root, siteBase()),
      pagePath: (path: string) => url(`/articles/${articleSlugOf(path) ?? ''}/`, siteBase()),
      articleAddress: (path: string) => {
        const slug = articleSlugOf(path);
        return slug === undefined ? undefined : `${resolveSiteUrl(process.env)}${url(`/articles/${slug}/`, siteBase())}`;
      },
    },
  ],
  [remarkCitations, { include: isEntitySource }],
  // Root-relative links in our own Markdown get the base path, for sub-path builds.
  [remarkBaseLinks, { base: siteBase() }],
];
export const rehypePlugins: RehypePlugins = [
  rehypePassageAnchors,
  // rehype-notes moves notes into the passages that rehype-passage-anchors has wrapped.
  rehypeNotes,
];
