/**
 * Reading the collections for pages: articles in publication order with their outlet resolved. A reference
 * to a missing entry throws here with the article's file, so a page can never render a dead link.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;
export type Outlet = CollectionEntry<'outlets'>;
export type Source = CollectionEntry<'sources'>;

/** Orders by established publication date (YYYY-MM sorts before any day of that month), then title. */
export function byPublication(a: Article, b: Article): number {
  return a.data.published.localeCompare(b.data.published) || a.data.title.localeCompare(b.data.title);
}

export async function articlesInOrder(): Promise<Article[]> {
  return (await getCollection('articles')).sort(byPublication);
}

export async function outletOf(article: Article): Promise<Outlet> {
  const outlet = await getEntry('outlets', article.data.publisher.id);
  if (!outlet) {
    throw new Error(`${article.filePath}: field "publisher": no outlet "${article.data.publisher.id}" in content/outlets/.`);
  }
  return outlet;
}

export async function sourcesOf(ids: readonly { id: string }[], citedBy: string): Promise<Source[]> {
  return Promise.all(
    ids.map(async ({ id }) => {
      const source = await getEntry('sources', id);
      if (!source) throw new Error(`${citedBy}: cites source "${id}", which is not in content/sources.yaml.`);
      return source;
    }),
  );
}
