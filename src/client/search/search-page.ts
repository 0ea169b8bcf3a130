/**
 * The /search/ page: the query and filters live in the address (replaced as you type, so Back leaves the page),
 * results update as you type (debounced; Pagefind searches in a worker, so typing is never blocked), the count
 * is announced in a status region, and arrow keys move through the results.
 */
import { hitCounts, isSearchable, normaliseQuery, summary } from '../../lib/search/results.ts';
import {
  checkFilters,
  FILTER_KEYS,
  FILTER_LABELS,
  hasFilters,
  parseState,
  stateToSearch,
  toggleFilter,
  type FilterCounts,
  type FilterKey,
  type Filters,
  type SearchState,
} from '../../lib/search/url-state.ts';
import { filterCounts, search } from './engine.ts';
import { arrowNavigation, el, kindLabel, resultItem } from './render.ts';

const form = document.getElementById('search-form') as HTMLFormElement | null;
const input = document.getElementById('search-q') as HTMLInputElement | null;
const filtersList = document.getElementById('search-filters');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results') as HTMLOListElement | null;

// Short: Pagefind searches in a worker, so this only saves work between fast keystrokes; it adds to every wait.
const TYPING_DEBOUNCE_MS = 40;

interface FilterBoxes {
  /** Sets each box's checked state and count from the current choice and the latest result counts. */
  update: (chosen: Filters, counts: FilterCounts) => void;
}

/**
 * Builds the filter checkboxes once. Later searches update their counts and checked state in place, so a box the
 * reader is on keeps keyboard focus, and a change always toggles the current choice, not the one the boxes were
 * drawn with (two quick clicks must both count).
 */
function buildFilters(box: HTMLElement, available: FilterCounts, current: () => Filters, onToggle: (f: Filters) => void): FilterBoxes {
  const made: { key: FilterKey; value: string; input: HTMLInputElement; count: HTMLElement }[] = [];
  const groups = FILTER_KEYS.filter((key) => Object.keys(available[key] ?? {}).length > 0).map((key) => {
    const values = Object.keys(available[key] ?? {}).sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    const fieldset = el('fieldset', { class: 'search-filter' }, el('legend', {}, FILTER_LABELS[key]));
    for (const value of values) {
      const id = `filter-${key}-${value.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      const input = el('input', { type: 'checkbox', id, name: key, value });
      input.addEventListener('change', () => onToggle(toggleFilter(current(), key, value, input.checked)));
      const count = el('span', { class: 'search-count' });
      made.push({ key, value, input, count });
      fieldset.append(el('div', { class: 'search-filter-option' }, input, el('label', { for: id }, key === 'kind' ? kindLabel(value) : value, count)));
    }
    return fieldset;
  });
  box.replaceChildren(...groups);
  return {
    update(chosen, counts) {
      for (const { key, value, input, count } of made) {
        input.checked = chosen[key].includes(value);
        count.textContent = ` (${counts[key]?.[value] ?? 0})`;
      }
    },
  };
}

async function main(): Promise<void> {
  if (!form || !input || !filtersList || !status || !list) return;
  const state: SearchState = parseState(window.location.search);
  input.value = state.q;
  form.hidden = false;

  let available: FilterCounts = {};
  let notes: string[] = [];
  try {
    available = await filterCounts();
  } catch {
    status.textContent = 'The search index could not be loaded. Try reloading the page, or use the A–Z index.';
    return;
  }
  const { known, unknown } = checkFilters(state.filters, available);
  state.filters = known;
  // Filters open on wide screens and whenever some are chosen; on a phone they would push the results away.
  const filtersBox = document.getElementById('search-filters-box') as HTMLDetailsElement | null;
  if (filtersBox && (hasFilters(known) || window.matchMedia('(min-width: 40rem)').matches)) filtersBox.open = true;
  notes = unknown.map(({ key, value }) => `No page has the ${FILTER_LABELS[key].toLowerCase()} “${value}”; that filter was left out.`);

  const keepInAddress = () => {
    const next = `${window.location.pathname}${stateToSearch(state)}`;
    if (next !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', next);
  };

  const setFilters = (filters: Filters) => {
    state.filters = filters;
    void run(0);
  };
  const boxes = buildFilters(filtersList, available, () => state.filters, setFilters);

  // Each run takes a number; only the newest may draw, so a slow earlier search never overwrites a later one.
  let latest = 0;
  const run = async (debounce: number): Promise<void> => {
    const mine = ++latest;
    state.q = input.value;
    keepInAddress();
    const { text, truncated } = normaliseQuery(state.q);
    const filtered = hasFilters(state.filters);
    if (!isSearchable(text) && !filtered) {
      list.replaceChildren();
      boxes.update(state.filters, available);
      const said = state.q.trim() === '' ? 'Type a word or a name to search.' : `“${state.q.trim().slice(0, 80)}” has no letters or digits to search for.`;
      status.textContent = [...notes, said].join(' ');
      return;
    }
    const outcome = await search(state.q, state.filters, { debounce });
    if (!outcome || mine !== latest) return; // a newer keystroke or click took over
    boxes.update(state.filters, outcome.counts);
    list.replaceChildren(...outcome.results.map((r) => resultItem(r)));
    const found = { total: outcome.total, shown: outcome.results.length, ...hitCounts(outcome.results) };
    const parts = [...notes, summary(found, isSearchable(text) ? text : '', filtered)];
    if (truncated) parts.push('Only the beginning of the query was searched.');
    status.textContent = parts.join(' ');
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(0);
  });
  input.addEventListener('input', () => void run(TYPING_DEBOUNCE_MS));
  arrowNavigation(list, input);
  await run(0);
}

void main();
