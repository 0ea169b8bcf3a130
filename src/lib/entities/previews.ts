/**
 * The preview cards' data for one article page: for each entry linked on the page, its name, one-line summary and
 * other names. It is written to a small JSON file beside the page (/articles/<slug>/previews.json), which
 * src/client/entity-previews.ts fetches when a reader first points at a mention.
 */
import type { EntityRef, MentionRecord } from './types.ts';

export interface PreviewData {
  /** The entry's name on this site. */
  name: string;
  /** Its one-line summary. */
  short: string;
  /** Other names: [name, BCP 47 language], transliteration in brackets where there is one. */
  names: [string, string][];
}

export type PreviewIsland = Record<string, PreviewData>;

/** How many other names a card lists; the page has them all. */
export const CARD_NAMES = 4;

interface EntryLike {
  name: string;
  short: string;
  alternateNames: readonly { name: string; lang: string; latin?: string | undefined }[];
}

/** The island for the entries linked among `mentions`. */
export function previewIsland(mentions: readonly MentionRecord[], lookup: (ref: EntityRef) => EntryLike | undefined): PreviewIsland {
  const island: PreviewIsland = {};
  for (const m of mentions) {
    if (!m.linked || island[m.ref]) continue;
    const entry = lookup(m.ref);
    if (!entry) throw new Error(`A mention links to ${m.ref}, which has no entry.`);
    island[m.ref] = {
      name: entry.name,
      short: entry.short,
      names: entry.alternateNames.slice(0, CARD_NAMES).map((n): [string, string] => [n.latin ? `${n.name} (${n.latin})` : n.name, n.lang]),
    };
  }
  return island;
}
