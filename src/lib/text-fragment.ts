/**
 * Links to a passage, or to a selection inside one: `#<passage-id>` or `#<passage-id>:~:text=<directive>`.
 * Pure helpers shared by the browser script and the tests.
 *
 * Why the passage id comes first: Chromium scrolls to the text when it finds it, but when it does not (the
 * passage was edited since) it does not fall back to the id, and browsers without text fragments see an id
 * that does not exist. With the id in front, src/client/passages.ts can always land on the passage.
 */

export interface PassageFragment {
  /** The passage id, decoded; empty when the fragment has none. */
  id: string;
  /** The fragment directive after `:~:`, when present (browsers that support it hide it from location.hash). */
  directive?: string;
}

export function splitFragment(hash: string): PassageFragment {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  // Passage ids never contain ":", so decoding first also catches a directive whose ":~:" arrived escaped.
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: use the fragment as written.
  }
  const at = raw.indexOf(':~:');
  return at === -1 ? { id: raw } : { id: raw.slice(0, at), directive: raw.slice(at + 3) };
}

/**
 * Widens [start, end) in `text` to whole words: text fragments match whole words only, so a selection that
 * starts or ends inside a word would otherwise find nothing.
 */
export function expandToWords(text: string, start: number, end: number): string {
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e++;
  return text.slice(s, e).trim();
}

/** Percent-encodes a text directive term: `-`, `,` and `&` are syntax there, so they are encoded too. */
export function encodeTextTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** Selections up to this many words are quoted whole; longer ones as `start,end` (first and last words). */
export const WHOLE_SELECTION_WORDS = 10;
const EDGE_WORDS = 5;

/** The `text=` directive that finds `selection` (white space normalised as browsers match it). */
export function textDirective(selection: string): string | undefined {
  const words = selection.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length <= WHOLE_SELECTION_WORDS) return `text=${encodeTextTerm(words.join(' '))}`;
  const start = words.slice(0, EDGE_WORDS).join(' ');
  const end = words.slice(-EDGE_WORDS).join(' ');
  return `text=${encodeTextTerm(start)},${encodeTextTerm(end)}`;
}

/** The full link to a passage, or to a selection in it. */
export function passageLink(pageUrl: string, id: string, selection?: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  const directive = selection === undefined ? undefined : textDirective(selection);
  return directive ? `${base}#${id}:~:${directive}` : `${base}#${id}`;
}
