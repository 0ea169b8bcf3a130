/**
 * Passage ids: the stable names of an article's paragraphs, used in permalinks (`/articles/x/#id`).
 *
 * An id is made from the paragraph's first words, so it does not depend on the paragraph's position (inserting,
 * removing or moving other paragraphs leaves it alone) and is the same on every build. An editor can pin an id
 * by starting the paragraph with an MDX comment: `{/* #my-id *\/} Text…` — needed when two paragraphs start with
 * the same words, or to keep an existing link alive when the start of a paragraph has to be corrected.
 */

/** How many leading words name a passage. Six keeps ids readable and, in practice, unique within an article. */
export const ID_WORDS = 6;
/** Longest automatic id, in characters, so URLs stay short. */
export const ID_MAX_LENGTH = 60;

/** A valid passage id: lowercase letters (any script), digits and single hyphens; no `:` (see text fragments). */
export const PASSAGE_ID_PATTERN = /^[\p{Ll}\p{Lo}\d]+(-[\p{Ll}\p{Lo}\d]+)*$/u;

/** The id an unpinned paragraph gets: its first words, folded to lowercase ASCII where possible. */
export function autoPassageId(text: string): string {
  const words = text
    .replace(/[əƏ]/g, 'e')
    .replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, ID_WORDS);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > ID_MAX_LENGTH) break;
    id = next;
  }
  return id || 'passage';
}

/** Reads a pin comment (`/* #my-id *\/`) from the source of an MDX expression; undefined when it is not one. */
export function parsePinComment(expression: string): string | undefined {
  const match = /^\s*\/\*\s*#(\S+)\s*\*\/\s*$/.exec(expression);
  return match?.[1];
}

export interface PassageRecord {
  /** The passage's id, unique within its article. */
  id: string;
  /** 1-based position in the article, for display only: it changes when paragraphs are added. */
  index: number;
  /** The paragraph's plain text as rendered. */
  text: string;
  /** Line of the paragraph in the source file. */
  line: number;
  /** True when the id was pinned by the editor rather than derived from the text. */
  pinned: boolean;
}

/** A problem with the passage ids of one file, with where it is and what would fix it. */
export class PassageIdError extends Error {
  override name = 'PassageIdError';
  /** Where the problem is: Astro's MDX plugin reports `line:column` from these (else it says ":0:0"). */
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
    this.column = line === undefined ? undefined : 1;
  }
}

interface Candidate {
  text: string;
  line: number;
  pin?: string;
}

/** Assigns ids to the paragraphs of one file and rejects invalid and duplicate ones with file and line. */
export function assignPassageIds(file: string, paragraphs: readonly Candidate[]): PassageRecord[] {
  const seen = new Map<string, number>();
  return paragraphs.map((p, i) => {
    const id = p.pin ?? autoPassageId(p.text);
    if (p.pin !== undefined && !PASSAGE_ID_PATTERN.test(p.pin)) {
      throw new PassageIdError(
        `${file}:${p.line}: passage id "#${p.pin}" is not valid. Use lowercase letters, digits and single ` +
          'hyphens, e.g. {/* #lachin-road-closure */}.',
        p.line,
      );
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new PassageIdError(
        `${file}:${p.line}: duplicate passage id "#${id}" (already used by the paragraph on line ${earlier}). ` +
          `Pin a different id by starting one of the paragraphs with {/* #${id}-2 */} or another unique name.`,
        p.line,
      );
    }
    seen.set(id, p.line);
    return { id, index: i + 1, text: p.text, line: p.line, pinned: p.pin !== undefined };
  });
}
