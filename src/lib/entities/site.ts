/**
 * The entries and the reverse index as pages read them. Every article is rendered once per build and its recorded
 * mentions collected; the results are cached at module level, so the hundreds of background pages of a large
 * build share one pass instead of re-rendering every article per page.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { articlesInOrder, outletOf } from '../collections.ts';
import type { NoteRecord } from '../notes.ts';
import type { PassageRecord } from '../passages.ts';
import { buildReverseIndex, type ArticleMentions, type ReverseIndex } from './backlinks.ts';
import { ENTITY_KINDS, type EntityKind, type EntityRef, type MentionRecord } from './types.ts';

export type EntityEntry = CollectionEntry<EntityKind>;

export interface Entity {
  ref: EntityRef;
  kind: EntityKind;
  entry: EntityEntry;
}

/** Singular labels for the kinds, for headings and badges. */
export const KIND_LABEL: Record<EntityKind, string> = {
  people: 'Person',
  places: 'Place',
  organizations: 'Organization',
  glossary: 'Term',
};

/** Plural titles of the index pages. */
export const KIND_TITLE: Record<EntityKind, string> = {
  people: 'People',
  places: 'Places',
  organizations: 'Organizations',
  glossary: 'Glossary',
};

export const byName = (a: { entry: { data: { name: string } } }, b: { entry: { data: { name: string } } }) =>
  a.entry.data.name.localeCompare(b.entry.data.name, 'en', { sensitivity: 'base' });

let entitiesCache: Promise<Map<EntityRef, Entity>> | undefined;

/** Every background entry by reference, each kind sorted by name. */
export function allEntities(): Promise<Map<EntityRef, Entity>> {
  entitiesCache ??= (async () => {
    const map = new Map<EntityRef, Entity>();
    for (const kind of ENTITY_KINDS) {
      const entries = (await getCollection(kind)) as EntityEntry[];
      const entities = entries.map((entry): Entity => ({ ref: `${kind}/${entry.id}`, kind, entry }));
      for (const e of entities.sort(byName)) map.set(e.ref, e);
    }
    return map;
  })();
  return entitiesCache;
}

export async function entitiesOfKind(kind: EntityKind): Promise<Entity[]> {
  return [...(await allEntities()).values()].filter((e) => e.kind === kind);
}

/** Looks up a reference that the entity check has already verified; throws with the referrer if it is missing. */
export async function entityOf(ref: string, referrer: string): Promise<Entity> {
  const entity = (await allEntities()).get(ref as EntityRef);
  if (!entity) throw new Error(`${referrer}: names the entry "${ref}", which does not exist.`);
  return entity;
}

let mentionsCache: Promise<ArticleMentions[]> | undefined;

/** What remark-entity-links recorded for every article, in publication order (each article rendered once). */
export function articleMentions(): Promise<ArticleMentions[]> {
  mentionsCache ??= (async () => {
    const articles = await articlesInOrder();
    return Promise.all(
      articles.map(async (article) => {
        const { remarkPluginFrontmatter } = await render(article);
        const outlet = await outletOf(article);
        return {
          slug: article.id,
          title: article.data.title,
          outletId: outlet.id,
          outletName: outlet.data.name,
          passages: (remarkPluginFrontmatter['passages'] ?? []) as PassageRecord[],
          mentions: (remarkPluginFrontmatter['entityMentions'] ?? []) as MentionRecord[],
          notes: (remarkPluginFrontmatter['notes'] ?? []) as NoteRecord[],
        };
      }),
    );
  })();
  return mentionsCache;
}

let reverseCache: Promise<ReverseIndex> | undefined;

export function reverseIndex(): Promise<ReverseIndex> {
  reverseCache ??= articleMentions().then(buildReverseIndex);
  return reverseCache;
}

/** getStaticPaths for one kind's pages. */
export async function entityPaths(kind: EntityKind) {
  return (await entitiesOfKind(kind)).map((entity) => ({ params: { id: entity.entry.id }, props: { entity } }));
}
