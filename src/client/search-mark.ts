/**
 * Loaded only when an article is reached from a search result (/articles/x/?mark=Khankendi#passage-id): marks
 * the searched words in that passage. The result link names the words as the passage has them: where it matched
 * under another name (Stepanakert), the name the text uses (Khankendi). The publisher's text is not changed: the
 * marks only wrap it.
 */
import { markWords } from '../lib/search/url-state.ts';
import { splitFragment } from '../lib/text-fragment.ts';
import { findWordRanges, mergeRanges, type TextRange } from '../lib/search/mark.ts';

/** Wraps the characters [start, end) of `root`'s text in <mark>, one per text node the stretch crosses. */
function wrap(root: Element, { start, end }: TextRange): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces: { node: Text; from: number; to: number }[] = [];
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    const from = Math.max(start, at);
    const to = Math.min(end, at + length);
    if (from < to) pieces.push({ node, from: from - at, to: to - at });
    at += length;
    if (at >= end) break;
  }
  for (const { node, from, to } of pieces) {
    const hit = node.splitText(from);
    hit.splitText(to - from);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    hit.replaceWith(mark);
    mark.append(hit);
  }
}

function markPassage(): void {
  const words = markWords(window.location.search);
  const { id } = splitFragment(window.location.hash);
  if (words.length === 0 || !id) return;
  const passage = document.getElementById(id);
  const paragraph = passage?.classList.contains('passage') ? passage.querySelector(':scope > p') : null;
  if (!paragraph) return;
  const text = paragraph.textContent ?? '';
  const ranges = findWordRanges(text, words);
  // Wrap from the end backwards so earlier offsets stay valid.
  for (const range of mergeRanges(ranges).reverse()) wrap(paragraph, range);
}

markPassage();
