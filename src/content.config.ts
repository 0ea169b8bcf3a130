/**
 * Every content collection: where it is loaded from (content/, outside src/, as COLLECTIONS in
 * src/schemas/common.ts says) and its schema (src/schemas/). References between collections are typed with
 * reference(); src/lib/content-check.ts additionally checks that each referenced entry exists, since Astro only
 * resolves references when a page asks for them.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleLoader } from './lib/article-loader.ts';
import { COLLECTIONS, type CollectionName, type RefFactory } from './schemas/common.ts';
import {
  articleSchema,
  eventSchema,
  glossarySchema,
  organizationSchema,
  outletSchema,
  personSchema,
  placeSchema,
  sourceSchema,
} from './schemas/collections.ts';

// reference() is typed loosely until `astro sync` runs; it does parse to { id, collection } as RefFactory says.
const ref = reference as unknown as RefFactory;

/** The loader for a collection, from where COLLECTIONS says its entries are. */
function loader(name: CollectionName) {
  const where: { folder: string; ext: string } | { file: string } = COLLECTIONS[name];
  return 'file' in where ? file(`content/${where.file}`) : glob({ pattern: `*${where.ext}`, base: `./content/${where.folder}` });
}

// Each schema is named here (not taken from a map) so that Astro's generated types know each collection's data.
export const collections = {
  /**
   * The annotated articles: frontmatter, then the publisher's text (one paragraph per passage) and our notes,
   * rendered to HTML in the content layer (src/lib/article-loader.ts says why).
   */
  articles: defineCollection({
    loader: articleLoader({ pattern: `*${COLLECTIONS.articles.ext}`, base: `./content/${COLLECTIONS.articles.folder}` }),
    schema: articleSchema(ref),
  }),
  /** One entry per publisher. */
  outlets: defineCollection({ loader: loader('outlets'), schema: outletSchema(ref) }),
  people: defineCollection({ loader: loader('people'), schema: personSchema(ref) }),
  places: defineCollection({ loader: loader('places'), schema: placeSchema(ref) }),
  organizations: defineCollection({ loader: loader('organizations'), schema: organizationSchema(ref) }),
  glossary: defineCollection({ loader: loader('glossary'), schema: glossarySchema(ref) }),
  /** Every source cited anywhere on the site. */
  sources: defineCollection({ loader: loader('sources'), schema: sourceSchema }),
  /** The dated timeline. */
  events: defineCollection({ loader: loader('events'), schema: eventSchema(ref) }),
} satisfies Record<CollectionName, unknown>;
