/**
 * Loads Pagefind on first use (never at page load) and turns its results into views for the page: title, kind,
 * outlet and date, an excerpt, and for articles the passages the words were found in. The mapping itself is pure
 * and tested (src/lib/search/results.ts); this file only talks to Pagefind.
 */
import { excerpt, isNoteAnchor, isSearchable, normaliseQuery, noteLabels, passageHits, splitWords, type Anchor, type PassageHit, type Segment } from '../../lib/search/results.ts';
import { FILTER_KEYS, pagefindFilters, passageLink, type FilterCounts, type Filters } from '../../lib/search/url-state.ts';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: Anchor[];
  locations: number[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o?: { filters?: Record<string, unknown> }) => Promise<PagefindSearch>;
  debouncedSearch: (term: string | null, o?: { filters?: Record<string, unknown> }, ms?: number) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
}

export interface PassageView extends PassageHit {
  href: string;
  /** How the result list names it: "¶ 3" for a passage, "Note 3 · Context" for a note. */
  label: string;
}
export interface ResultView {
  href: string;
  title: string;
  kind: string;
  outlet?: string | undefined;
  date?: string | undefined;
  excerpt: Segment[];
  /** Where on the page the words were found: an article's passages, or the notes of a notes record. */
  passages: PassageView[];
  /** What `passages` are. */
  within: 'passage' | 'note';
}
export interface SearchOutcome {
  /** The query as searched (normalised, perhaps shortened). */
  query: string;
  truncated: boolean;
  /** Every matching page, before `limit`. */
  total: number;
  results: ResultView[];
  /** For each filter value, how many results there would be with it chosen. */
  counts: FilterCounts;
}

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
let loading: Promise<Pagefind> | undefined;

/** Pagefind's script is written by the build (dist/pagefind/), outside the bundle: imported by address. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // noWorker: Pagefind's worker script costs a further 12 KB gzip and a round trip on the first query, and a
    // search of this index takes a few milliseconds on the main thread, well inside the typing debounce.
    await pagefind.options({ baseUrl: base, excerptLength: 30, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

export async function filterCounts(): Promise<FilterCounts> {
  return (await loadPagefind()).filters();
}

const capitalise = (text: string | undefined): string | undefined => (text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : undefined);

export function toView(data: PagefindData): ResultView {
  const kind = data.filters['kind']?.[0] ?? 'page';
  const words = splitWords(data.content);
  const view = {
    href: data.url,
    title: data.meta['title'] ?? data.url,
    kind,
    outlet: data.meta['outlet'],
    date: data.meta['date'],
    excerpt: excerpt(words, data.locations, 0, words.length, 30),
  };
  if (kind === 'note') {
    // One record holds a page's notes (src/lib/search/build-index.ts, notesDocument); its URL is the first note's
    // permalink, and each note found links to its own.
    const [page = data.url] = data.url.split('#');
    const labels = noteLabels(data.meta['notes']);
    const notes = passageHits(data.content, data.anchors, data.locations, 24, isNoteAnchor).map((hit) => {
      const label = labels[hit.number - 1];
      const number = label?.number || hit.number;
      return { ...hit, number, href: `${page}#${hit.id}`, label: [`Note ${String(number)}`, capitalise(label?.kind)].filter(Boolean).join(' · ') };
    });
    return { ...view, href: page, outlet: undefined, date: undefined, passages: notes, within: 'note' };
  }
  const passages =
    kind === 'article'
      ? passageHits(data.content, data.anchors, data.locations).map((hit) => ({ ...hit, href: passageLink(data.url, hit.id, hit.words), label: `¶ ${String(hit.number)}` }))
      : [];
  return { ...view, passages, within: 'passage' };
}

/** Counts the searches started, so one that a newer search overtook loads no results it would not show. */
let started = 0;

/**
 * Searches; resolves to undefined when a newer search superseded this one (debounced, or started while this one
 * was searching), so typing never waits for old results and loads none of their excerpts: a reader typing
 * "Khankendi" while the search engine loads would otherwise fetch the results of "Khank" too. An empty query with
 * filters lists everything those filters allow.
 */
export async function search(rawQuery: string, filters: Filters, { limit = 20, debounce = 0 } = {}): Promise<SearchOutcome | undefined> {
  const mine = ++started;
  const { text, truncated } = normaliseQuery(rawQuery);
  const pagefind = await loadPagefind();
  const term = isSearchable(text) ? text : null;
  const options = { filters: pagefindFilters(filters) };
  const found = debounce > 0 ? await pagefind.debouncedSearch(term, options, debounce) : await pagefind.search(term, options);
  if (!found || mine !== started) return undefined;
  // Facet counts: beside each value of a group the reader has filtered on, how many results choosing it too would
  // give (values in a group combine with "any"), so the other kinds, outlets or years do not all read (0).
  const counts: FilterCounts = { ...found.filters };
  const chosenKeys = FILTER_KEYS.filter((key) => filters[key].length > 0);
  const facets = Promise.all(
    chosenKeys.map(async (key) => {
      const without = await pagefind.search(term, { filters: pagefindFilters({ ...filters, [key]: [] }) });
      counts[key] = without.filters[key] ?? {};
    }),
  );
  const results = await Promise.all(found.results.slice(0, limit).map(async (r) => toView(await r.data())));
  await facets;
  return { query: text, truncated, total: found.results.length, results, counts };
}
