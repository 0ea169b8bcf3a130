/**
 * The reverse index behind every "Mentioned in" list, computed once from what remark-entity-links recorded while
 * rendering the articles (Quartz builds its backlinks the same way): entry → articles → passages, each with the
 * sentence around the mention. Also the naming figures: which names each outlet used for a place, and which names
 * an article uses.
 */
import type { NoteRecord } from '../notes.ts';
import type { PassageRecord } from '../passages.ts';
import type { EntityRef, MentionRecord } from './types.ts';

/** What one article contributes: its passages and the mentions found in them. */
export interface ArticleMentions {
  slug: string;
  title: string;
  /** The outlet's id and name. */
  outletId: string;
  outletName: string;
  passages: readonly PassageRecord[];
  mentions: readonly MentionRecord[];
  /** The article's editorial notes (remark-notes records them), for the charts that count claims. */
  notes?: readonly NoteRecord[];
}

/** A sentence cut in three around a mention. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface PassageBacklink {
  passageId: string;
  /** 1-based position of the passage in its article, for display. */
  index: number;
  snippet: Snippet;
}

export interface ArticleBacklinks {
  slug: string;
  title: string;
  outletName: string;
  passages: PassageBacklink[];
}

export type ReverseIndex = ReadonlyMap<EntityRef, readonly ArticleBacklinks[]>;

/** Longest snippet shown; longer sentences are cut around the mention. */
export const SNIPPET_MAX = 280;

// A sentence ends at . ! or ? (with closing quotes or brackets), then space, then a capital, digit or opening quote,
// except after an initial such as the N in "U.N." or the S in "U.S.".
const BOUNDARY = /[.!?]["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(BOUNDARY)) {
    const stop = m.index;
    if (/(?:^|[\s.])\p{Lu}$/u.test(text.slice(Math.max(0, stop - 2), stop))) continue;
    const next = stop + m[0].length;
    if (next <= start) from = next;
    else if (stop >= end) {
      to = stop + m[0].trimEnd().length;
      break;
    }
  }
  return [from, to];
}

/** The sentence around text[start, end), cut to about SNIPPET_MAX characters on word boundaries. */
export function sentenceAround(text: string, start: number, end: number, max = SNIPPET_MAX): Snippet {
  let [from, to] = sentenceBounds(text, start, end);
  let lead = '';
  let tail = '';
  if (to - from > max) {
    const room = Math.max(0, Math.floor((max - (end - start)) / 2));
    if (start - from > room) {
      const cut = text.lastIndexOf(' ', start - room);
      from = cut > from ? cut + 1 : start - room;
      lead = '… ';
    }
    if (to - end > room) {
      const cut = text.indexOf(' ', end + room);
      to = cut !== -1 && cut < to ? cut : end + room;
      tail = ' …';
    }
  }
  return { before: lead + text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to) + tail };
}

/** Entry → every article that mentions it (in the order given) → every passage, with its first mention's sentence. */
export function buildReverseIndex(articles: readonly ArticleMentions[]): ReverseIndex {
  const index = new Map<EntityRef, ArticleBacklinks[]>();
  for (const article of articles) {
    const passages = new Map(article.passages.map((p) => [p.id, p]));
    const seen = new Set<string>();
    for (const mention of article.mentions) {
      const key = `${mention.ref} ${mention.passageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const passage = passages.get(mention.passageId);
      if (!passage) throw new Error(`${article.slug}: a mention names passage "${mention.passageId}", which the article does not have.`);
      const list = index.get(mention.ref) ?? [];
      let entry = list.find((a) => a.slug === article.slug);
      if (!entry) {
        entry = { slug: article.slug, title: article.title, outletName: article.outletName, passages: [] };
        list.push(entry);
        index.set(mention.ref, list);
      }
      entry.passages.push({ passageId: passage.id, index: passage.index, snippet: sentenceAround(passage.text, mention.start, mention.end) });
    }
  }
  return index;
}

export interface FormCount {
  form: string;
  count: number;
}

/** How often each form of `ref` occurs in `mentions`, most used first. */
export function formCounts(mentions: readonly MentionRecord[], ref: EntityRef): FormCount[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.ref === ref) counts.set(m.form, (counts.get(m.form) ?? 0) + 1);
  return [...counts].map(([form, count]) => ({ form, count })).sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
}

export interface OutletNaming {
  outletName: string;
  articles: { slug: string; title: string }[];
  forms: FormCount[];
}

/** For a place: the names each outlet used for it in the articles, counted from the mentions. */
export function namesByOutlet(articles: readonly ArticleMentions[], ref: EntityRef): OutletNaming[] {
  const byOutlet = new Map<string, { outletName: string; articles: { slug: string; title: string }[]; mentions: MentionRecord[] }>();
  for (const article of articles) {
    const mentions = article.mentions.filter((m) => m.ref === ref);
    if (mentions.length === 0) continue;
    const row = byOutlet.get(article.outletId) ?? { outletName: article.outletName, articles: [], mentions: [] };
    row.articles.push({ slug: article.slug, title: article.title });
    row.mentions.push(...mentions);
    byOutlet.set(article.outletId, row);
  }
  return [...byOutlet.values()].map((row) => ({ outletName: row.outletName, articles: row.articles, forms: formCounts(row.mentions, ref) }));
}

/**
 * True when an entry goes by names that are not variants of one another (Stepanakert / Khankendi, Karabakh /
 * Garabagh), as opposed to one name in longer and shorter forms or other capitals (Armenia / Republic of Armenia,
 * Lachin road / Lachin Road).
 */
export function hasRivalNames(forms: readonly string[]): boolean {
  const lower = forms.map((f) => f.toLowerCase());
  return lower.some((a) => lower.some((b) => a !== b && !a.includes(b) && !b.includes(a)));
}

/**
 * True when a text's naming of a place says something: it uses rival names side by side, or a name that the
 * entry records as some side's own (Khankendi, Garabagh) other than the name this site uses. Russian
 * transliterations do not count: they mark a language, not a side.
 */
export function namingIsTelling(
  used: readonly string[],
  alternateNames: readonly { name: string; lang: string; latin?: string | undefined }[],
  siteName: string,
): boolean {
  if (hasRivalNames(used)) return true;
  const sideNames = new Set(alternateNames.filter((n) => n.lang !== 'ru').flatMap((n) => [n.name, ...(n.latin ? [n.latin] : [])]));
  sideNames.delete(siteName);
  return used.some((form) => sideNames.has(form));
}

/** For an article: each entry among `refs` it mentions, with the names its text uses. */
export function namingInText(mentions: readonly MentionRecord[], refs: (ref: EntityRef) => boolean): { ref: EntityRef; forms: FormCount[] }[] {
  const order = [...new Set(mentions.map((m) => m.ref))].filter(refs);
  return order.map((ref) => ({ ref, forms: formCounts(mentions, ref) }));
}
