/**
 * The copy of a built page that Pagefind reads, made by string splicing instead of parsing: the same result as
 * pageForIndex + noteRecords in build-index.ts (addIndexNames on a hast tree), for the markup our own plugins and
 * components write, at a twentieth of the cost or less (0.5 s against 12.4 s for the pages of a 300-article
 * build; a parse and a print of every page was most of the indexing time). The unit tests hold the two to the
 * same output.
 *
 * What it relies on, all written by this site's code:
 * - a passage is `<div class="passage" …>` whose first `<p>` is the publisher's paragraph (remark-passage-ids,
 *   rehype-passage-anchors), and paragraphs hold no other `<p>`;
 * - a mention is `<a … data-entity="kind/id">text</a>` (remark-entity-links), and links do not nest;
 * - a note is `<aside … id="note-…" … data-annotation="kind">` (remark-notes), and asides do not nest.
 */
import { NOTE_ID_PREFIX } from '../ledger.ts';
import type { NoteRecord } from './build-index.ts';
import { wordTail, type NamesTable } from './index-names.ts';
import { indexOnlyText, namedWithin, NAMES_ATTRIBUTE, wordCount } from './names.ts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a serializer writes (named ones beyond the basic few are left as they are). */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Text as HTML text: the characters a parser would read as markup, escaped (decodeHtml reads them back). */
export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A value for a double-quoted attribute. */
export const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The index-only element for one entry beside a mention of `words` words, as HTML (namesElement in index-names.ts, printed). */
function namesHtml(ref: string, names: readonly string[], words: number): string {
  return `<span data-index-only="${escapeAttribute(ref)}" data-pagefind-index-attrs="${NAMES_ATTRIBUTE}" ${NAMES_ATTRIBUTE}="${escapeAttribute(indexOnlyText(names, words))}"></span>`;
}

/** One piece of HTML: a tag (left whole) or a run of text between tags, with its decoded text. */
interface Piece {
  start: number;
  end: number;
  tag: boolean;
  /** Decoded text, one entry per character reference or character, with the HTML offset each ends at. */
  chars: { text: string; end: number }[];
}

function pieces(html: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < html.length) {
    if (html[i] === '<') {
      const close = html.indexOf('>', i);
      const end = close < 0 ? html.length : close + 1;
      out.push({ start: i, end, tag: true, chars: [] });
      i = end;
      continue;
    }
    const next = html.indexOf('<', i);
    const end = next < 0 ? html.length : next;
    const chars: { text: string; end: number }[] = [];
    for (let j = i; j < end; ) {
      const ref = html[j] === '&' ? /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(j, j + 12)) : null;
      if (ref) {
        chars.push({ text: decodeHtml(ref[0]), end: j + ref[0].length });
        j += ref[0].length;
      } else {
        const code = html.codePointAt(j) ?? 0;
        const width = code > 0xffff ? 2 : 1;
        chars.push({ text: html.slice(j, j + width), end: j + width });
        j += width;
      }
    }
    out.push({ start: i, end, tag: false, chars });
    i = end;
  }
  return out;
}

/** The text of some HTML: tags dropped, references decoded (hast-util-to-string on the parsed HTML). */
export function htmlText(html: string): string {
  return decodeHtml(html.replace(/<[^>]*>/g, ''));
}

/**
 * The HTML offset just past the rest of a word at the start of `chars` (decoded characters of one run of text):
 * "’s" of "Aliyev’s", "-bound" of "Baku-bound". `from` when the run does not go on with a word.
 */
function pastWordTail(chars: readonly { text: string; end: number }[], from: number): number {
  const tail = wordTail(chars.map((c) => c.text).join(''));
  let taken = 0;
  let end = from;
  for (const c of chars) {
    if (taken >= tail) break;
    taken += c.text.length;
    end = c.end;
  }
  return end;
}

/**
 * Where, in `inner` (a link's HTML), to put an element after the word that ends at text offset `offset`: past
 * the rest of that word within the same run of text; at the end when the offset is past the text.
 */
function offsetAfterWord(inner: string, offset: number): number {
  let at = 0;
  for (const piece of pieces(inner)) {
    if (piece.tag) continue;
    const length = piece.chars.reduce((n, c) => n + c.text.length, 0);
    if (offset > at && offset <= at + length) {
      let text = 0;
      let index = piece.start;
      let k = 0;
      for (; k < piece.chars.length && at + text < offset; k++) {
        text += piece.chars[k]?.text.length ?? 0;
        index = piece.chars[k]?.end ?? index;
      }
      return pastWordTail(piece.chars.slice(k), index);
    }
    at += length;
  }
  return inner.length;
}

/** How far past `from` the word a mention ends in runs on in the text that follows it (none when a tag follows). */
function tailEnd(html: string, from: number): number {
  const next = html.indexOf('<', from);
  const [piece] = pieces(html.slice(from, next < 0 ? html.length : next));
  return piece ? from + pastWordTail(piece.chars, 0) : from;
}

const LINK = /<a\b[^>]*\sdata-entity="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g;

/** addIndexNames for one paragraph's inner HTML; returns the new HTML and how many elements it added. */
function annotateParagraph(html: string, table: NamesTable): { html: string; added: number } {
  const seen = new Set<string>();
  const inserts: { at: number; html: string }[] = [];
  for (const match of html.matchAll(LINK)) {
    const ref = decodeHtml(match[1] ?? '');
    const names = table.names.get(ref);
    if (!names) continue;
    const innerStart = match.index + match[0].indexOf('>') + 1;
    const inner = match[2] ?? '';
    const text = htmlText(inner);
    for (const within of namedWithin(text, table.entities, ref)) {
      const innerNames = table.names.get(within.ref);
      if (seen.has(within.ref) || !innerNames) continue;
      seen.add(within.ref);
      const element = namesHtml(within.ref, innerNames, wordCount(text.slice(within.start, within.end)));
      inserts.push({ at: innerStart + offsetAfterWord(inner, within.end), html: element });
    }
    if (seen.has(ref)) continue;
    seen.add(ref);
    inserts.push({ at: tailEnd(html, match.index + match[0].length), html: namesHtml(ref, names, wordCount(text)) });
  }
  let out = html;
  // From the end, so earlier offsets stay valid; at one offset the one found last ends up first, as the tree
  // version does (it inserts each right after the word, before any inserted there already).
  const ordered = inserts.map((insert, order) => ({ ...insert, order })).sort((a, b) => b.at - a.at || a.order - b.order);
  for (const { at, html: element } of ordered) out = out.slice(0, at) + element + out.slice(at);
  return { html: out, added: inserts.length };
}

/** pageForIndex: the other names beside the first mention of each entry in every passage. */
export function withIndexNames(html: string, table: NamesTable): { html: string; names: number } {
  let added = 0;
  let out = '';
  let from = 0;
  for (const passage of html.matchAll(/<div class="passage"[^>]*>\s*<p>/g)) {
    const open = passage.index + passage[0].length;
    const close = html.indexOf('</p>', open);
    if (close < 0 || open < from) continue;
    const result = annotateParagraph(html.slice(open, close), table);
    out += html.slice(from, open) + result.html;
    from = close;
    added += result.added;
  }
  return added === 0 ? { html, names: 0 } : { html: out + html.slice(from), names: added };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** `html` with the content of every element `drop` picks emptied (the element itself may stay: only text counts). */
function withoutElements(html: string, drop: (tag: string, attributes: string) => boolean): string {
  const start = /<([a-zA-Z][\w-]*)\b([^>]*)>/g;
  let out = '';
  let from = 0;
  for (let match = start.exec(html); match; match = start.exec(html)) {
    const tag = (match[1] ?? '').toLowerCase();
    if (!drop(tag, match[2] ?? '') || VOID.has(tag)) continue;
    // The matching end tag, counting nested elements of the same name.
    const same = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
    same.lastIndex = match.index + match[0].length;
    let depth = 1;
    let end = html.length;
    for (let m = same.exec(html); m; m = same.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    out += html.slice(from, match.index);
    from = end;
    start.lastIndex = end;
  }
  return out + html.slice(from);
}

const isFrame = (tag: string, attributes: string): boolean =>
  tag === 'header' || /\bdata-pagefind-ignore\b/.test(attributes) || /\sclass="[^"]*\b(note-sources|note-close)\b/.test(attributes);

/** A note's number from its label ("Note 2: context"), else its place among the page's notes. */
export function noteNumber(label: string, order: number): number {
  const number = /^Note (\d+)\b/.exec(label.trim())?.[1];
  return number ? Number.parseInt(number, 10) : order + 1;
}

/** noteRecords: the notes on a page, as search records linking to each note's permalink. */
export function notesOf(html: string, path: string): NoteRecord[] {
  const heading = /<main\b[\s\S]*?<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html) ?? /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  const title = (heading ? htmlText(heading[1] ?? '').trim() : '') || path;
  const records: NoteRecord[] = [];
  let order = 0;
  for (const note of html.matchAll(/<aside\b([^>]*)>([\s\S]*?)<\/aside>/g)) {
    const attributes = note[1] ?? '';
    const id = /\sid="([^"]*)"/.exec(attributes)?.[1];
    if (!id?.startsWith(NOTE_ID_PREFIX)) continue;
    const number = noteNumber(decodeHtml(/\saria-label="([^"]*)"/.exec(attributes)?.[1] ?? ''), order++);
    const content = htmlText(withoutElements(note[2] ?? '', isFrame)).replace(/\s+/g, ' ').trim();
    if (content === '') continue;
    const kind = decodeHtml(/\sdata-annotation="([^"]*)"/.exec(attributes)?.[1] ?? '').trim();
    records.push({ url: `${path}#${decodeHtml(id)}`, content, kind, number, page: title });
  }
  return records;
}
