/**
 * The search page's state lives in its address, so a search can be shared and survives a reload:
 * /search/?q=lachin&kind=article&outlet=Turan&year=2023. Values of one filter are alternatives (any of them);
 * different filters narrow together. Pure: tested in tests/unit/lib/search/url-state.test.ts.
 */

/** The filters every indexed page declares in its markup (data-pagefind-filter), in the order the page shows them. */
export const FILTER_KEYS = ['kind', 'outlet', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string[]>;

export interface SearchState {
  q: string;
  filters: Filters;
}

/** Kinds of page, as the markup names them, and how the page labels them. */
export const KIND_LABELS: Record<string, string> = {
  article: 'Article',
  note: 'Our notes',
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  term: 'Glossary term',
};

/** The kind filter value each background collection's pages declare (data-pagefind-filter="kind:…"). */
export const ENTITY_KIND_FILTER = { people: 'person', places: 'place', organizations: 'organization', glossary: 'term' } as const;

export const FILTER_LABELS: Record<FilterKey, string> = { kind: 'Kind', outlet: 'Outlet', year: 'Year' };

/** Longest value kept from the address for any one field; anything longer is not a real value. */
const MAX_VALUE = 500;

export const emptyFilters = (): Filters => ({ kind: [], outlet: [], year: [] });

export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).map((v) => v.trim().slice(0, MAX_VALUE)).filter((v) => v !== '');
    filters[key] = [...new Set(values)];
  }
  return { q: (params.get('q') ?? '').slice(0, MAX_VALUE), filters };
}

/** The address query for a state ("" when there is nothing to keep), keys in a fixed order. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Available filter values and their counts, as Pagefind's `filters()` returns them. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Splits the chosen filter values into those the index knows and those it does not (reported, then ignored). */
export function checkFilters(filters: Filters, available: FilterCounts): { known: Filters; unknown: { key: FilterKey; value: string }[] } {
  const known = emptyFilters();
  const unknown: { key: FilterKey; value: string }[] = [];
  for (const key of FILTER_KEYS) {
    for (const value of filters[key]) {
      if (available[key] && Object.hasOwn(available[key], value)) known[key].push(value);
      else unknown.push({ key, value });
    }
  }
  return { known, unknown };
}

/** The filters in Pagefind's form: any of the values of a key, all keys together. */
export function pagefindFilters(filters: Filters): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) if (filters[key].length > 0) result[key] = { any: [...filters[key]] };
  return result;
}

export const hasFilters = (filters: Filters): boolean => FILTER_KEYS.some((k) => filters[k].length > 0);

/** Toggles one filter value, keeping the others. */
export function toggleFilter(filters: Filters, key: FilterKey, value: string, on: boolean): Filters {
  const next = { ...filters, [key]: filters[key].filter((v) => v !== value) };
  if (on) next[key] = [...next[key], value];
  return next;
}

/** The parameter that asks an article page to mark words in the passage it lands on (src/client/search-mark.ts). */
export const MARK_PARAM = 'mark';

/** What separates the words to mark when one of them is a phrase ("Lachin corridor"); otherwise a space does. */
const PHRASES = '|';

/**
 * A passage's permalink that marks `words` on arrival: /articles/x/?mark=Khankendi#passage-id. A word may be a
 * phrase (a mention of several words); the words are then separated by "|" instead of spaces.
 */
export function passageLink(pageUrl: string, passageId: string, words: readonly string[]): string {
  const [path = ''] = pageUrl.split('#');
  const [base = '', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  const usable = words.map((w) => w.replaceAll(PHRASES, ' ').trim()).filter((w) => w !== '');
  // With a phrase among them, "|" separates the words, and ends a lone phrase so it is not read as words.
  const phrases = usable.some((w) => /\s/.test(w));
  if (usable.length > 0) params.set(MARK_PARAM, phrases ? `${usable.join(PHRASES)}${usable.length === 1 ? PHRASES : ''}` : usable.join(' '));
  const search = params.toString();
  return `${base}${search ? `?${search}` : ''}#${passageId}`;
}

/** The words (or phrases, when "|" separates them) an arriving page should mark, from its address. */
export function markWords(search: string): string[] {
  const value = (new URLSearchParams(search).get(MARK_PARAM) ?? '').slice(0, MAX_VALUE);
  const items = value.includes(PHRASES) ? value.split(PHRASES).map((p) => p.replace(/\s+/g, ' ').trim()) : value.split(/\s+/);
  return [...new Set(items.filter((w) => w !== ''))].slice(0, 20);
}
