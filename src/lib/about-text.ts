/**
 * What the "About this text" box at the top of an article says in its always-visible line, and its count of notes
 * by kind. The page (src/pages/articles/[slug].astro) renders these.
 */
import { countLabel, NOTE_KINDS, type NoteKind, type NoteRecord } from './notes.ts';

/** One short line, so the box stays small on a phone: "Turan · about 31 July 2023 · 12 notes". */
export function aboutGist(a: { outlet: string; published: string; notes: number }): string {
  const notes = a.notes === 0 ? 'no notes yet' : `${a.notes} ${a.notes === 1 ? 'note' : 'notes'}`;
  return `${a.outlet} · ${a.published} · ${notes}`;
}

/** Each kind with its notes and a label counting them ("2 corrections"), kinds without notes included. */
export function notesByKind(notes: readonly NoteRecord[]): { kind: NoteKind; label: string; notes: NoteRecord[] }[] {
  return NOTE_KINDS.map((kind) => {
    const ofKind = notes.filter((n) => n.kind === kind);
    return { kind, label: countLabel(kind, ofKind.length), notes: ofKind };
  });
}
