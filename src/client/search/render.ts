/**
 * Builds result lists with DOM methods and textContent only: result text comes from the index and may hold
 * anything (a hostile query is echoed too), so nothing here is ever parsed as HTML.
 */
import type { Segment } from '../../lib/search/results.ts';
import { KIND_LABELS } from '../../lib/search/url-state.ts';
import type { ResultView } from './engine.ts';

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Excerpt text with the found words in <mark>, rebuilt from plain segments. */
export function segmentsToNodes(segments: readonly Segment[]): Node[] {
  return segments.map((s) => (s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text)));
}

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/** One result: title link, kind (and outlet and date for articles), excerpt, then its passages. */
export function resultItem(result: ResultView, { maxPassages = 5, heading = 'h2' as 'h2' | 'p' } = {}): HTMLLIElement {
  const meta = [kindLabel(result.kind), result.outlet, result.date].filter((v): v is string => Boolean(v)).join(' · ');
  const item = el('li', { class: 'search-result' }, el('p', { class: 'search-meta' }, meta), el(heading, { class: 'search-title' }, el('a', { href: result.href, 'data-result-link': '' }, result.title)));
  if (result.passages.length === 0) {
    if (result.excerpt.length > 0) item.append(el('p', { class: 'search-excerpt' }, ...segmentsToNodes(result.excerpt)));
    return item;
  }
  const shown = result.passages.slice(0, maxPassages);
  const noun = result.within === 'note' ? 'note' : 'passage';
  const list = el('ul', { class: 'search-passages', 'aria-label': result.within === 'note' ? `Notes found: ${result.title}` : `Passages found in “${result.title}”` });
  for (const passage of shown) {
    list.append(
      el(
        'li',
        {},
        el('a', { href: passage.href, 'data-result-link': '', class: result.within === 'note' ? 'search-note' : 'search-passage' }, el('span', { class: 'search-passage-number' }, passage.label), ' ', ...segmentsToNodes(passage.excerpt)),
      ),
    );
  }
  item.append(list);
  if (result.passages.length > shown.length) {
    const more = result.passages.length - shown.length;
    item.append(el('p', { class: 'search-more' }, `and ${more} more ${more === 1 ? noun : `${noun}s`} on the page`));
  }
  return item;
}

/** Arrow keys move between the result links of `container`; Escape returns to `input`. */
export function arrowNavigation(container: HTMLElement, input: HTMLInputElement, onEscape?: () => void): void {
  const links = () => [...container.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      onEscape?.();
    }
  });
  container.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (at < 0) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? all[at + 1] : all[at - 1];
      if (next) next.focus();
      else if (event.key === 'ArrowUp') input.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
      onEscape?.();
    }
  });
}
