/**
 * What the timeline page and the timeline charts need from the collections, gathered once per build: events in
 * date order with their sources and the article passages about them (checked to exist), and the articles as
 * timeline markers.
 */
import { getCollection, render } from 'astro:content';
import { articlesInOrder, outletOf, sourcesOf, type Source } from './collections.ts';
import { articleInputs, eventInputs, parsePassageRef } from './chart-data.ts';
import type { PassageRecord } from './passages.ts';
import { articleUrl, url } from './urls.ts';
import type { TimelineArticleInput, TimelineEventInput } from '../charts/timeline.ts';

export interface EventRow {
  id: string;
  title: string;
  description: string;
  date: string;
  dateLabel: string;
  sources: Source[];
  passages: { href: string; article: string; number: number }[];
}

/** One row of the chart's data table: an event or an article's date, in date order. */
export interface TableRow {
  date: string;
  dateLabel: string;
  kind: 'event' | 'article';
  text: string;
  href: string;
}

export interface TimelineData {
  rows: EventRow[];
  /**
   * Events (from `since`, when given) and articles, merged in date order, for the table beside a chart; with
   * `only`, the one article with that slug and no other.
   */
  table: (since?: string, only?: string) => TableRow[];
  events: TimelineEventInput[];
  articles: (current?: string) => TimelineArticleInput[];
  /** Just the article `slug`, marked current (for its own page's strip). */
  article: (slug: string) => TimelineArticleInput[];
}

let cached: Promise<TimelineData> | undefined;

export const eventHref = (id: string): string => url(`/timeline/#event-${id}`);

async function load(): Promise<TimelineData> {
  const events = (await getCollection('events')).map((e) => e.data).sort((a, b) => a.date.localeCompare(b.date));
  const articles = await articlesInOrder();
  const outlets = new Map(await Promise.all(articles.map(async (a) => [a.id, (await outletOf(a)).data.name] as const)));
  const bySlug = new Map(articles.map((a) => [a.id, a]));
  const passagesOf = new Map<string, PassageRecord[]>();
  const inputs = eventInputs(events, eventHref);
  const rows = await Promise.all(
    events.map(async (e, i): Promise<EventRow> => {
      const passages = [];
      for (const ref of e.passages) {
        const parsed = parsePassageRef(ref);
        const article = parsed && bySlug.get(parsed.slug);
        if (!parsed || !article) {
          throw new Error(`content/events.yaml: event "${e.id}", field "passages": no article "${ref.split('#')[0]}" (in "${ref}").`);
        }
        let records = passagesOf.get(article.id);
        if (!records) {
          records = ((await render(article)).remarkPluginFrontmatter['passages'] ?? []) as PassageRecord[];
          passagesOf.set(article.id, records);
        }
        const number = records.findIndex((r) => r.id === parsed.passage);
        if (number === -1) {
          throw new Error(`content/events.yaml: event "${e.id}", field "passages": article "${article.id}" has no passage "#${parsed.passage}".`);
        }
        passages.push({ href: `${articleUrl(article.id)}#${parsed.passage}`, article: outlets.get(article.id) ?? article.id, number: number + 1 });
      }
      return {
        id: e.id,
        title: e.title,
        description: e.description,
        date: e.date,
        dateLabel: inputs[i]?.dateLabel ?? e.date,
        sources: await sourcesOf(e.sources, `content/events.yaml (event "${e.id}")`),
        passages,
      };
    }),
  );
  const articleData = articles.map((a) => ({
    slug: a.id,
    published: a.data.published,
    precision: a.data.publishedPrecision,
    outlet: outlets.get(a.id) ?? a.id,
    href: articleUrl(a.id),
  }));
  // Worked out once per build: every article page asks for its own row, so per-page work must not grow with the
  // number of articles.
  const allArticles = articleInputs(articleData);
  const bySlugInput = new Map(allArticles.map((a) => [a.id, a]));
  const articleRows = allArticles.map((a) => ({
    slug: a.id,
    row: { date: a.date, dateLabel: a.dateLabel, kind: 'article', text: `Article: ${a.label}`, href: a.href } satisfies TableRow,
  }));
  const table = (since = '0000', only?: string): TableRow[] =>
    [
      ...rows
        .filter((r) => r.date >= since)
        .map((r): TableRow => ({ date: r.date, dateLabel: r.dateLabel, kind: 'event', text: r.title, href: eventHref(r.id) })),
      ...articleRows.filter((a) => only === undefined || a.slug === only).map((a) => a.row),
    ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
  return {
    rows,
    table,
    events: inputs,
    articles: (current) => (current === undefined ? allArticles : allArticles.map((a) => (a.id === current ? { ...a, current: true } : a))),
    article: (slug) => {
      const own = bySlugInput.get(slug);
      return own ? [{ ...own, current: true }] : [];
    },
  };
}

/** The timeline's data, computed once per build however many pages show it. */
export function timelineData(): Promise<TimelineData> {
  cached ??= load();
  return cached;
}
