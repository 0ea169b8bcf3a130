/** The articles as RSS items, newest first. Pure: src/pages/rss.xml.ts hands in the collection entries. */
import { articleUrl } from '../urls.ts';

export interface FeedArticle {
  slug: string;
  title: string;
  summary: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the date we establish. */
  published: string;
  outlet: string;
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate: Date;
  categories: string[];
}

/** A partial date as the first moment it can mean, in UTC (2023-03 → 1 March 2023). */
export function dateOf(partial: string): Date {
  const [y = '1970', m = '01', d = '01'] = partial.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

export function feedItems(articles: readonly FeedArticle[], base: string): FeedItem[] {
  return [...articles]
    .sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title))
    .map((a) => ({
      title: a.title,
      link: articleUrl(a.slug, base),
      description: `${a.outlet}: ${a.summary}`,
      pubDate: dateOf(a.published),
      categories: [a.outlet],
    }));
}
