/**
 * Editorial notes: what a `<Note>` in an article's MDX may say, and the record of each note that pages read
 * (the article's "About this text" box, the /notes/ index). The remark plugin (src/plugins/remark-notes.ts)
 * parses and checks notes with these helpers; nothing here touches a syntax tree.
 */

/** The four kinds of note, in the order the site lists them. */
export const NOTE_KINDS = ['context', 'correction', 'claim', 'provenance'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const isNoteKind = (value: string): value is NoteKind => (NOTE_KINDS as readonly string[]).includes(value);

/** How each kind is named in words, singular and plural, and what it is for (shown on /notes/). */
export const NOTE_KIND_LABELS: Record<NoteKind, { one: string; many: string; about: string }> = {
  context: { one: 'Context', many: 'Context', about: 'Background a reader needs at this point.' },
  correction: { one: 'Correction', many: 'Corrections', about: 'The text is wrong or misspelled here; what is right, with a source.' },
  claim: { one: 'Claim', many: 'Claims', about: "One party's claim: who makes it, and the other side's view where it is disputed." },
  provenance: { one: 'Provenance', many: 'Provenance', about: 'About the text itself: its date, authorship, and what it copies or rewrites.' },
};

/** "3 corrections", "1 claim", "2 context notes". */
export function countLabel(kind: NoteKind, count: number): string {
  const label = NOTE_KIND_LABELS[kind];
  if (kind === 'context' || kind === 'provenance') {
    return `${count} ${label.one.toLowerCase()} ${count === 1 ? 'note' : 'notes'}`;
  }
  return `${count} ${(count === 1 ? label.one : label.many).toLowerCase()}`;
}

/** A note id: lowercase letters, digits and single hyphens. The page id is `note-<id>`. */
export const NOTE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A `by` entry: the background entry that makes a claim, "<kind>/<id>". */
export const BY_PATTERN = /^(people|places|organizations|glossary)\/[a-z0-9][a-z0-9-]*$/;

/** The attributes a `<Note>` takes. */
export const NOTE_ATTRIBUTES = ['id', 'kind', 'on', 'sources', 'by'] as const;

export const noteHtmlId = (id: string): string => `note-${id}`;

/** What pages know of each note of an article, in document order. */
export interface NoteRecord {
  /** The note's id as written (`blinken-call-date`). */
  id: string;
  /** Its id on the page and in the permalink (`note-blinken-call-date`). */
  htmlId: string;
  kind: NoteKind;
  /** 1-based number in the article, shown beside the note and in print. */
  number: number;
  /** The passage the note belongs to; undefined for a note about the whole text (before the first paragraph). */
  passage?: string;
  /** The exact phrase of the passage the note is anchored to. */
  on?: string;
  /** Ids in content/sources.yaml. */
  sources: string[];
  /** Who makes the claim ("people/zakir-hasanov"); claim notes only. */
  by: string[];
  /** The note's first words, for indexes. */
  excerpt: string;
  /** Line of the `<Note>` in the article's file. */
  line: number;
}

/** A problem with a note: the message names the file, the line, the field and how to fix it. */
export class NoteError extends Error {
  override name = 'NoteError';
}

/** Words of a note shown on the /notes/ index: the first `words` of its text, with an ellipsis when cut. */
export function excerpt(text: string, words = 18): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (all.length <= words) return all.join(' ');
  return `${all.slice(0, words).join(' ')}…`;
}

/** Splits a space-separated attribute (`sources`, `by`) into its entries. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Where an exact phrase occurs in a passage's text: the first occurrence, character for character. Returns
 * undefined when it is not there.
 */
export function findPhrase(text: string, phrase: string): { start: number; end: number } | undefined {
  if (phrase === '') return undefined;
  const start = text.indexOf(phrase);
  return start === -1 ? undefined : { start, end: start + phrase.length };
}
