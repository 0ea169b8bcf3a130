/**
 * Live results under the header's search box, loaded on the first keystroke there. Enter (or "All results")
 * goes to /search/ with the query, where filters are; arrows move through the results; Escape closes them.
 */
// The result styles come with the results (as text in this lazily loaded module): pages that never search never load them.
import resultStyles from '../../styles/search.css?inline';
import { hitCounts, isSearchable, normaliseQuery, summary } from '../../lib/search/results.ts';
import { emptyFilters, stateToSearch } from '../../lib/search/url-state.ts';
import { search } from './engine.ts';
import { arrowNavigation, el, resultItem } from './render.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let adopted: CSSStyleSheet | undefined;

export function attachHeaderSearch(input: HTMLInputElement): void {
  const form = input.form;
  if (!form) return;
  // A constructed style sheet, not a <style> element: the Content-Security-Policy blocks inline <style> it has no hash for.
  if (!adopted) {
    adopted = new CSSStyleSheet();
    adopted.replaceSync(resultStyles);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
  }
  const status = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ol', { class: 'search-results' });
  const all = el('a', { href: `${base}search/`, 'data-result-link': '', class: 'search-all' }, 'All results, with filters');
  const panel = el('div', { class: 'site-search-panel', id: 'site-search-panel' }, status, list, all);
  panel.hidden = true;
  form.append(panel);
  input.setAttribute('aria-controls', panel.id);

  const close = () => {
    panel.hidden = true;
  };
  const run = async (debounce: number) => {
    const q = input.value;
    all.href = `${base}search/${stateToSearch({ q, filters: emptyFilters() })}`;
    const { text } = normaliseQuery(q);
    if (!isSearchable(text)) {
      list.replaceChildren();
      status.textContent = q.trim() === '' ? '' : 'Type a word or a name to search.';
      panel.hidden = q.trim() === '';
      return;
    }
    const outcome = await search(q, emptyFilters(), { limit: 5, debounce });
    if (!outcome || input.value !== q) return;
    list.replaceChildren(...outcome.results.map((r) => resultItem(r, { maxPassages: 3, heading: 'p' })));
    status.textContent = summary({ total: outcome.total, shown: outcome.results.length, ...hitCounts(outcome.results) }, text, false);
    panel.hidden = false;
  };

  input.addEventListener('input', () => void run(40));
  input.addEventListener('focus', () => {
    if (list.childElementCount > 0 || status.textContent) panel.hidden = false;
  });
  arrowNavigation(panel, input, close);
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
  void run(0);
}
