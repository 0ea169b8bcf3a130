/**
 * Preview cards for linked mentions (progressive enhancement: without this script a mention is a plain link).
 * - Mouse: hovering a mention shows its card; the card stays while the pointer moves onto it.
 * - Keyboard: focusing a mention shows the card (tied to the link with aria-describedby); Escape closes it.
 * - Touch: the first tap shows the card, a second tap on the mention (or the link in the card) opens the page.
 * The card sits below the mention's line, or above it when there is no room below, so it never hides the line
 * being read, and it is kept inside the viewport. Its data is a small JSON file made by the build (named by
 * #entity-previews), fetched the first time a reader points at a mention.
 */
import { cardPosition } from '../lib/entities/card-position.ts';

interface Preview {
  name: string;
  short: string;
  names: [string, string][];
}

const source = document.getElementById('entity-previews')?.dataset['src'];
let previews: Promise<Record<string, Preview>> | undefined;
/** The page's preview data, fetched once; empty (plain links) when it cannot be had. */
const loadPreviews = (): Promise<Record<string, Preview>> =>
  (previews ??= source
    ? fetch(source)
        .then((r) => (r.ok ? (r.json() as Promise<Record<string, Preview>>) : {}))
        .catch(() => ({}))
    : Promise.resolve({}));
const SHOW_DELAY = 150;
const HIDE_DELAY = 250;

const card = document.createElement('div');
card.id = 'entity-card';
card.className = 'entity-card';
card.setAttribute('role', 'tooltip');
card.hidden = true;
// Inside <main>, so the card belongs to the page's landmarks like the text it describes.
(document.querySelector('main') ?? document.body).append(card);

let current: HTMLAnchorElement | undefined;
// The mention the reader last asked about, while its data may still be loading.
let wanted: HTMLAnchorElement | undefined;
let timer: number | undefined;
// How the reader last pointed: a tap must not open the page before its card has been seen.
let lastInput: 'mouse' | 'touch' | 'keyboard' = 'mouse';

const mentionOf = (target: EventTarget | null): HTMLAnchorElement | undefined => {
  const link = target instanceof Element ? target.closest('a.entity-link') : null;
  return link instanceof HTMLAnchorElement && source ? link : undefined;
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function fill(link: HTMLAnchorElement, preview: Preview): void {
  const name = element('p', 'name');
  name.append(element('strong', '', preview.name));
  const parts: Node[] = [name, element('p', 'short', preview.short)];
  if (preview.names.length > 0) {
    const names = element('p', 'names', 'Also: ');
    preview.names.forEach(([text, lang], i) => {
      if (i > 0) names.append(', ');
      const span = element('span', '', text);
      span.lang = lang;
      names.append(span);
    });
    parts.push(names);
  }
  const more = element('a', 'more', `Read about ${preview.name}`);
  more.href = link.href;
  const p = element('p', '');
  p.append(more);
  parts.push(p);
  card.replaceChildren(...parts);
}

function place(link: HTMLAnchorElement): void {
  const lines = link.getClientRects();
  const first = lines[0] ?? link.getBoundingClientRect();
  const last = lines[lines.length - 1] ?? first;
  const { top, left } = cardPosition(
    { top: first.top, bottom: last.bottom, left: last.left },
    { width: card.offsetWidth, height: card.offsetHeight },
    { width: document.documentElement.clientWidth, height: window.innerHeight },
  );
  card.style.top = `${top + window.scrollY}px`;
  card.style.left = `${left + window.scrollX}px`;
}

/** Shows the card for `link` once its data is there; resolves false when there is none (the link stays a link). */
async function show(link: HTMLAnchorElement): Promise<boolean> {
  window.clearTimeout(timer);
  wanted = link;
  const preview = (await loadPreviews())[link.dataset['entity'] ?? ''];
  // The reader may have moved on while the data loaded.
  if (wanted !== link) return false;
  if (!preview) return false;
  if (current !== link) {
    current?.removeAttribute('aria-describedby');
    current = link;
    fill(link, preview);
  }
  card.hidden = false;
  link.setAttribute('aria-describedby', card.id);
  place(link);
  return true;
}

function hide(): void {
  window.clearTimeout(timer);
  wanted = undefined;
  card.hidden = true;
  current?.removeAttribute('aria-describedby');
  current = undefined;
}

const later = (fn: () => void, ms: number) => {
  window.clearTimeout(timer);
  timer = window.setTimeout(fn, ms);
};

document.addEventListener('pointerdown', (event) => {
  lastInput = event.pointerType === 'touch' ? 'touch' : 'mouse';
  if (mentionOf(event.target)) void loadPreviews();
  if (!card.hidden && !card.contains(event.target as Node) && !mentionOf(event.target)) hide();
}, true);
document.addEventListener('keydown', (event) => {
  lastInput = 'keyboard';
  if (event.key === 'Escape' && !card.hidden) {
    const link = current;
    hide();
    if (link && card.contains(document.activeElement)) link.focus();
  }
});

document.addEventListener('pointerover', (event) => {
  if (event.pointerType === 'touch') return;
  const link = mentionOf(event.target);
  if (link) {
    void loadPreviews();
    later(() => void show(link), SHOW_DELAY);
  }
  else if (card.contains(event.target as Node)) window.clearTimeout(timer);
});
document.addEventListener('pointerout', (event) => {
  if (event.pointerType === 'touch' || card.hidden) return;
  if (mentionOf(event.target) || card.contains(event.target as Node)) later(hide, HIDE_DELAY);
});

document.addEventListener('focusin', (event) => {
  const link = mentionOf(event.target);
  if (link && lastInput !== 'touch') void show(link);
});
document.addEventListener('focusout', (event) => {
  if (mentionOf(event.target)) later(() => {
    if (!card.contains(document.activeElement)) hide();
  }, 0);
});

document.addEventListener('click', (event) => {
  const link = mentionOf(event.target);
  if (!link || lastInput !== 'touch') return;
  // First tap: show the card instead of leaving the page; a second tap on the same mention follows the link.
  if (card.hidden || current !== link) {
    event.preventDefault();
    // Without data for this mention there is no card to show: follow the link after all.
    void show(link).then((shown) => {
      if (!shown) window.location.assign(link.href);
    });
  }
});

window.addEventListener('resize', hide);
