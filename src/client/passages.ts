/**
 * Progressive enhancement for passages. Without this script every passage link is a plain `#id` link and
 * `:target` marks the passage. With it:
 * - "link to this passage" copies the passage's URL and says so;
 * - selecting text inside a passage offers a link to just that selection (`#id:~:text=…`);
 * - arriving at `#id:~:text=…` always lands on the passage, also when the text is no longer there or the browser
 *   does not support text fragments, and also when `id` is a retired id that the ledger maps to the passage.
 */
import { expandToWords, passageLink, splitFragment } from '../lib/text-fragment.ts';

const TARGET_CLASS = 'is-target';

function announce(message: string): void {
  const status = document.getElementById('copy-status');
  if (!status) return;
  // Clear first so the same message twice is read twice.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 30);
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: fall through to the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

function markPassage(passage: Element): void {
  for (const other of document.querySelectorAll(`.passage.${TARGET_CLASS}`)) {
    if (other !== passage) other.classList.remove(TARGET_CLASS);
  }
  passage.classList.add(TARGET_CLASS);
}

function isInViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < window.innerHeight;
}

/** Marks the passage named in the URL and makes sure it is on screen. */
function landOnPassage(): void {
  const { id } = splitFragment(window.location.hash);
  if (!id) return;
  // A retired id (see the ledger) is an empty anchor inside its successor passage.
  const passage = document.getElementById(id)?.closest('.passage');
  if (!passage) return;
  markPassage(passage);
  // Let the browser scroll to a found text fragment first; if the passage is still off screen, go to it.
  window.setTimeout(() => {
    if (!isInViewport(passage)) passage.scrollIntoView({ block: 'start' });
  }, 150);
}

function passageLabel(link: Element): string {
  return link.querySelector('.visually-hidden')?.textContent ?? 'Link';
}

function enhancePassageLinks(): void {
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element | null)?.closest?.('a.passage-link, a.note-link');
    if (!link) return;
    // A note's own link (see src/plugins/remark-notes.ts) copies the note's permalink and marks its passage.
    const target = link.closest('.note') ?? link.closest('.passage');
    if (!target) return;
    event.preventDefault();
    const href = passageLink(window.location.href, target.id);
    history.replaceState(null, '', `#${target.id}`);
    const passage = target.closest('.passage');
    if (passage) markPassage(passage);
    const copied = await copyText(href);
    link.classList.toggle('is-copied', copied);
    window.setTimeout(() => link.classList.remove('is-copied'), 2000);
    announce(copied ? `${passageLabel(link)} copied: ${href}` : `Copy the address from the address bar: ${href}`);
  });
}

/** The passage that wholly contains the current selection, and the selected text. */
function selectionInPassage(): { passage: HTMLElement; text: string } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const container =
    range.commonAncestorContainer instanceof Element
      ? range.commonAncestorContainer
      : range.commonAncestorContainer.parentElement;
  const paragraph = container?.closest('.passage > p');
  const passage = paragraph?.parentElement;
  if (!paragraph || !passage) return undefined;
  // Offsets of the selection within the paragraph's text, widened to whole words.
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = expandToWords(paragraph.textContent ?? '', start, start + range.toString().length);
  if (text === '') return undefined;
  return { passage, text };
}

function enhanceSelectionLinks(): void {
  const bar = document.getElementById('selection-bar');
  const button = bar?.querySelector('button');
  if (!bar || !button) return;
  let current: { passage: HTMLElement; text: string } | undefined;
  document.addEventListener('selectionchange', () => {
    const found = selectionInPassage();
    // Keep the last selection while focus moves to the button (which may collapse it in some browsers).
    if (found) current = found;
    else if (!bar.contains(document.activeElement)) current = undefined;
    bar.hidden = current === undefined;
  });
  button.addEventListener('click', async () => {
    if (!current) return;
    const href = passageLink(window.location.href, current.passage.id, current.text);
    const copied = await copyText(href);
    announce(copied ? `Link to the selected text copied: ${href}` : `Copying failed. The link is: ${href}`);
  });
}

landOnPassage();
window.addEventListener('hashchange', landOnPassage);
enhancePassageLinks();
enhanceSelectionLinks();
