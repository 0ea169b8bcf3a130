/**
 * Every content collection: where it is loaded from (content/, outside src/) and its schema (src/schemas/).
 * References between collections are typed with reference(); scripts/check-content.ts additionally checks that
 * each referenced entry exists, since Astro only resolves references when a page asks for them.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { RefFactory } from './schemas/common.ts';
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
const entries = (folder: string, pattern = '*.md') => glob({ pattern, base: `./content/${folder}` });

export const collections = {
  /** The annotated articles: frontmatter, then the publisher's text (one paragraph per passage). */
  articles: defineCollection({ loader: entries('articles', '*.mdx'), schema: articleSchema(ref) }),
  /** One entry per publisher. */
  outlets: defineCollection({ loader: entries('outlets'), schema: outletSchema(ref) }),
  people: defineCollection({ loader: entries('people'), schema: personSchema(ref) }),
  places: defineCollection({ loader: entries('places'), schema: placeSchema(ref) }),
  organizations: defineCollection({ loader: entries('organizations'), schema: organizationSchema(ref) }),
  glossary: defineCollection({ loader: entries('glossary'), schema: glossarySchema(ref) }),
  /** Every source cited anywhere on the site. */
  sources: defineCollection({ loader: file('content/sources.yaml'), schema: sourceSchema }),
  /** The dated timeline. */
  events: defineCollection({ loader: file('content/events.yaml'), schema: eventSchema(ref) }),
};
