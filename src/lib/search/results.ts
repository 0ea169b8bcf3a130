/**
 * Turns Pagefind result data into what the search page shows: for each page, an excerpt with the found words
 * marked, and for articles the passages the words were found in, each with its own excerpt and the words to mark
 * on arrival. Pure: tested in tests/unit/lib/search/results.test.ts.
 *
 * Pagefind gives a page's text (`content`), the word positions of the matches (`locations`) and every element
 * with an id together with the word position it starts at (`anchors`). A word belongs to the last passage anchor
 * at or before it. Positions count words split at whitespace, as Pagefind's own excerpts do.
 */
import { foldUndecomposable, NAMES_CLOSE, NAMES_OPEN, WORD_SEPARATORS } from './names.ts';

export interface Anchor {
  element: string;
  id: string;
  location: number;
}

/** A stretch of excerpt text, marked when it is a found word. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface PassageHit {
  /** The passage's id, its permalink fragment. */
  id: string;
  /** Its number on the page (1 for the first passage), as its "Link to passage N" control says. */
  number: number;
  excerpt: Segment[];
  /** The words as they stand in the passage (other names resolved to the mention they stand beside). */
  words: string[];
}

export function splitWords(content: string): string[] {
  return content.split(WORD_SEPARATORS);
}

/**
 * Which words are index-only names (src/lib/search/index-names.ts) and, for each, the positions of the visible
 * words of the mention they stand beside: as many as the names' opening brackets say (indexOnlyText), counted back
 * from the names over visible words only, so names that follow other names still find their mention.
 */
export function indexOnlyWords(words: readonly string[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  const visible: number[] = [];
  let mention: number[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!mention && word.startsWith(NAMES_OPEN)) {
      let brackets = 0;
      while (word.startsWith(NAMES_OPEN, brackets * NAMES_OPEN.length)) brackets += 1;
      mention = visible.slice(-brackets);
    }
    if (mention) {
      result.set(i, mention);
      if (word.endsWith(NAMES_CLOSE)) mention = undefined;
    } else if (word !== '') visible.push(i);
  }
  return result;
}

/** The visible words a match at `location` marks: the mention, for a match in index-only names. */
function markedBy(location: number, hidden: ReadonlyMap<number, readonly number[]>, words: readonly string[]): number[] {
  const mention = hidden.get(location);
  // A mention's words without a letter or digit ("/" in "Stepanakert / Khankendi") are not marked.
  return mention ? mention.filter((i) => bareWord(words[i] ?? '') !== '') : [location];
}

/** Passage anchors: elements with an id that hold publisher's paragraphs (not notes, headings or labels). */
export function isPassageAnchor(anchor: Anchor): boolean {
  return ['div', 'p', 'section'].includes(anchor.element) && !anchor.id.startsWith('note-');
}

/** Note anchors, in a record of a page's notes (src/lib/search/build-index.ts, notesDocument): one per note. */
export function isNoteAnchor(anchor: Anchor): boolean {
  return anchor.element === 'section' && anchor.id.startsWith('note-');
}

/** The title of the search record that holds a page's notes. */
export const notesTitle = (pageTitle: string): string => `Our notes on “${pageTitle}”`;

/** What the search page says of each note in a notes record: its number on the page and its kind. */
export interface NoteLabel {
  number: number;
  kind: string;
}

/** The notes record's `notes` meta: each note's number and kind, in order ("1:provenance 2:correction"). */
export function noteLabelsMeta(notes: readonly NoteLabel[]): string {
  return notes.map((n) => `${String(n.number)}:${n.kind.replace(/[\s:]+/g, '-')}`).join(' ');
}

/** The labels noteLabelsMeta wrote, in order; an unreadable item gives number 0 and no kind. */
export function noteLabels(meta: string | undefined): NoteLabel[] {
  return (meta ?? '')
    .split(' ')
    .filter((item) => item !== '')
    .map((item) => {
      const [number = '', kind = ''] = item.split(':');
      return { number: /^\d+$/.test(number) ? Number.parseInt(number, 10) : 0, kind };
    });
}

/** A word without the punctuation around it, for marking: "Khankendi," → "Khankendi". */
export function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * An excerpt of `length` visible words from [from, to), centred on the first found word, with the found words
 * marked; index-only names are left out, and a match in them marks the mention they stand beside. `hidden` is
 * indexOnlyWords(words), for a caller that has it already.
 */
export function excerpt(
  words: readonly string[],
  locations: readonly number[],
  from: number,
  to: number,
  length = 30,
  hidden: ReadonlyMap<number, readonly number[]> = indexOnlyWords(words),
): Segment[] {
  const marked = new Set(locations.flatMap((l) => markedBy(l, hidden, words)));
  const visible: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, words.length); i++) if (!hidden.has(i) && (words[i] ?? '') !== '') visible.push(i);
  if (visible.length === 0) return [];
  const first = visible.findIndex((i) => marked.has(i));
  let start = Math.max(0, (first < 0 ? 0 : first) - Math.floor(length / 3));
  start = Math.max(0, Math.min(start, visible.length - length));
  const shown = visible.slice(start, start + length);
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  shown.forEach((i, n) => {
    const word = words[i] ?? '';
    // Between two marked words with nothing stuck to them, the space is marked too: one mark per mention.
    const previous = shown[n - 1];
    const joined =
      previous !== undefined && marked.has(previous) && marked.has(i) && /[\p{L}\p{N}]$/u.test(words[previous] ?? '') && /^[\p{L}\p{N}]/u.test(word);
    // Punctuation that followed the mention before index-only names came between them stays stuck to it ("Armenia,").
    const stuck = previous !== undefined && previous !== i - 1 && /^[,.;:!?)\]’”]/u.test(word);
    if (n > 0 && !stuck) push(' ', joined);
    if (!marked.has(i)) return push(word, false);
    // Mark the word, not the punctuation stuck to it.
    const bare = bareWord(word);
    const at = word.indexOf(bare);
    if (bare === '' || at < 0) return push(word, true);
    if (at > 0) push(word.slice(0, at), false);
    push(bare, true);
    if (at + bare.length < word.length) push(word.slice(at + bare.length), false);
  });
  if (start + length < visible.length) push(' …', false);
  return segments;
}

/**
 * The passages the found words are in, in page order, each with its excerpt and the words to mark there. With
 * `isSection` = isNoteAnchor, the notes of a notes record instead (each note's `number` is then its place in the
 * record; noteLabels gives its number on the page).
 */
export function passageHits(
  content: string,
  anchors: readonly Anchor[],
  locations: readonly number[],
  excerptLength = 24,
  isSection: (anchor: Anchor) => boolean = isPassageAnchor,
): PassageHit[] {
  const words = splitWords(content);
  const hidden = indexOnlyWords(words);
  const passages = anchors.filter(isSection).sort((a, b) => a.location - b.location);
  const hits: PassageHit[] = [];
  passages.forEach((passage, n) => {
    const end = passages[n + 1]?.location ?? words.length;
    const inside = locations.filter((l) => l >= passage.location && l < end);
    if (inside.length === 0) return;
    const found = new Set<string>();
    for (const l of inside) {
      // A mention of several words is one phrase to mark on arrival ("Lachin corridor", not every "of" of a name).
      const phrase = markedBy(l, hidden, words)
        .map((i) => words[i] ?? '')
        .join(' ');
      const bare = bareWord(phrase);
      if (bare !== '') found.add(bare);
    }
    hits.push({ id: passage.id, number: n + 1, excerpt: excerpt(words, inside, passage.location, end, excerptLength, hidden), words: [...found] });
  });
  return hits;
}

/** Whether a query has anything to search for: at least one letter or digit. */
export function isSearchable(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

/** Longest query we pass to the index; longer ones are cut at a word boundary (and the page says so). */
export const MAX_QUERY_LENGTH = 120;

/**
 * The query as sent to the index: trimmed, ə and ı folded (the index holds every name in both spellings; other
 * diacritics Pagefind folds itself), cut to MAX_QUERY_LENGTH characters.
 */
export function normaliseQuery(query: string): { text: string; truncated: boolean } {
  const folded = foldUndecomposable(query.replace(/\s+/g, ' ').trim());
  if (folded.length <= MAX_QUERY_LENGTH) return { text: folded, truncated: false };
  const cut = folded.slice(0, MAX_QUERY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return { text: (space > MAX_QUERY_LENGTH / 2 ? cut.slice(0, space) : cut).trim(), truncated: true };
}

/** How many passages of articles and how many of our notes a list of results was found in. */
export function hitCounts(results: readonly { within: 'passage' | 'note'; passages: readonly unknown[] }[]): { passages: number; notes: number } {
  let passages = 0;
  let notes = 0;
  for (const r of results) {
    if (r.within === 'note') notes += r.passages.length;
    else passages += r.passages.length;
  }
  return { passages, notes };
}

/** What a search found, as summary() says it. */
export interface Found {
  /** Every matching page. */
  total: number;
  /** How many of them are listed. */
  shown: number;
  /** Passages of articles and notes of ours the listed results were found in (hitCounts). */
  passages: number;
  notes: number;
}

/**
 * A short sentence saying what was found, for the live status region. The passages and notes are counted in the
 * listed results only (their excerpts are what the page has loaded), so when not every result is listed the sentence
 * says that the counts are of the first ones.
 */
export function summary(found: Found, query: string, filtered: boolean): string {
  const { total, shown, passages, notes } = found;
  const scope = query ? `for “${query}”${filtered ? ' with the filters chosen' : ''}` : 'with the filters chosen';
  if (total === 0) return `Nothing found ${scope}.`;
  const results = `${total} ${total === 1 ? 'result' : 'results'} ${scope}`;
  const within = [
    ...(passages > 0 ? [`${passages} ${passages === 1 ? 'passage' : 'passages'} in articles`] : []),
    ...(notes > 0 ? [`${notes} of our notes`] : []),
  ];
  if (shown >= total) return `${[results, ...within].join(', ')}.`;
  const first = shown === 1 ? 'The first is shown' : `The first ${shown} are shown`;
  return within.length === 0 ? `${results}. ${first}.` : `${results}. ${first}, with ${within.join(' and ')}.`;
}
