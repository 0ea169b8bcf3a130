/**
 * The /notes/ index: every note of every article, one section per kind, grouped by article within it. Pure, so it
 * is tested without Astro; src/pages/notes.astro gives it the articles' note records.
 */
import { countLabel, NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind, type NoteRecord } from './notes.ts';

export interface IndexedArticle {
  slug: string;
  title: string;
  /** The article page's address (with the site's base). */
  href: string;
  notes: readonly NoteRecord[];
}

export interface KindSection {
  kind: NoteKind;
  /** The section's id on /notes/: the kind filter links to it. Not "note-…", which is kept for the notes themselves. */
  id: string;
  heading: string;
  about: string;
  /** How many notes of this kind, and the same in words ("3 corrections"). */
  total: number;
  count: string;
  articles: { slug: string; title: string; href: string; notes: { number: number; href: string; excerpt: string; on?: string }[] }[];
}

export const kindSectionId = (kind: NoteKind): string => `kind-${kind}`;

export function notesIndex(articles: readonly IndexedArticle[]): KindSection[] {
  return NOTE_KINDS.map((kind) => {
    const groups = articles
      .map((article) => ({
        slug: article.slug,
        title: article.title,
        href: article.href,
        notes: article.notes
          .filter((n) => n.kind === kind)
          .map((n) => ({ number: n.number, href: `${article.href}#${n.htmlId}`, excerpt: n.excerpt, ...(n.on === undefined ? {} : { on: n.on }) })),
      }))
      .filter((group) => group.notes.length > 0);
    const total = groups.reduce((sum, group) => sum + group.notes.length, 0);
    return {
      kind,
      id: kindSectionId(kind),
      heading: NOTE_KIND_LABELS[kind].many,
      about: NOTE_KIND_LABELS[kind].about,
      total,
      count: countLabel(kind, total),
      articles: groups,
    };
  });
}
