/**
 * From content to chart inputs: pure functions the chart components call, so that what a chart shows is a tested
 * function of the collections (src/charts/ turns these inputs into geometry).
 */
import type { MapPlaceInput } from '../charts/locator-map.ts';
import type { MatrixArticle, MatrixEntity, MatrixMention } from '../charts/matrix.ts';
import type { TimelineArticleInput, TimelineEventInput } from '../charts/timeline.ts';
import { VOICE_GROUPS, type VoiceClaim, type VoiceSide } from '../charts/voices.ts';
import type { Precision } from '../charts/dates.ts';
import { formatDate } from './dates.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date or a span as readers see it: "19–20 September 2023", "30 September – 2 October 2023",
 * "December 2023 – January 2024", or formatDate's forms for a single date.
 */
export function formatDateRange(date: string, endDate: string | undefined, precision: Precision = 'day'): string {
  if (!endDate || endDate === date) return formatDate(date, precision);
  const [y1, m1, d1] = date.split('-');
  const [y2, m2, d2] = endDate.split('-');
  const month = (m: string | undefined) => (m ? MONTHS[Number(m) - 1] ?? '' : '');
  if (d1 && d2 && y1 === y2 && m1 === m2) return `${Number(d1)}–${Number(d2)} ${month(m1)} ${y1}`;
  if (d1 && d2 && y1 === y2) return `${Number(d1)} ${month(m1)} – ${Number(d2)} ${month(m2)} ${y1}`;
  return `${formatDate(date, precision)} – ${formatDate(endDate, precision)}`;
}

export interface EventData {
  id: string;
  title: string;
  date: string;
  endDate?: string | undefined;
  precision: Precision;
}

/** Events as the timeline takes them; each links to its row on the timeline page. */
export function eventInputs(events: readonly EventData[], eventHref: (id: string) => string): TimelineEventInput[] {
  return events.map((e) => ({
    id: e.id,
    date: e.date,
    endDate: e.endDate,
    precision: e.precision,
    title: e.title,
    dateLabel: formatDateRange(e.date, e.endDate, e.precision),
    href: eventHref(e.id),
  }));
}

export interface ArticleData {
  slug: string;
  published: string;
  precision: Precision;
  outlet: string;
  href: string;
}

/** The articles' established dates as timeline markers, labelled with their outlet. */
export function articleInputs(articles: readonly ArticleData[], current?: string): TimelineArticleInput[] {
  return articles.map((a) => ({
    id: a.slug,
    date: a.published,
    precision: a.precision,
    label: a.outlet,
    dateLabel: `${formatDate(a.published, a.precision)}${a.precision === 'month' ? ' (month only)' : a.precision === 'year' ? ' (year only)' : ''}`,
    href: a.href,
    current: a.slug === current,
  }));
}

/** Events on or after `from` (YYYY-MM-DD), for the home page's recent timeline. */
export const eventsSince = <T extends { date: string; endDate?: string | undefined }>(events: readonly T[], from: string): T[] =>
  events.filter((e) => (e.endDate ?? e.date) >= from);

/** "slug#passage" → its parts; undefined when malformed. */
export function parsePassageRef(ref: string): { slug: string; passage: string } | undefined {
  const i = ref.indexOf('#');
  return i > 0 ? { slug: ref.slice(0, i), passage: ref.slice(i + 1) } : undefined;
}

// --- Who appears where, voices and the map: from the mentions the linking plugin recorded and the claim notes.

export interface MentionData {
  /** "<kind>/<id>". */
  entity: string;
  passage: string;
}

export interface ArticleMentionData {
  slug: string;
  /** The column heading and the label in cells' names. */
  column: string;
  label: string;
  mentions: readonly MentionData[];
}

export interface EntityData {
  ref: string;
  kind: 'people' | 'places' | 'organizations' | 'glossary';
  name: string;
}

/**
 * The matrix's inputs: every entry mentioned at least once, and for each article the passages that mention it.
 * A cell links to the single passage, or — for several — to the list of them on the entry's page.
 */
export function matrixInputs(
  entities: readonly EntityData[],
  articles: readonly ArticleMentionData[],
  hrefs: { entity: (ref: string) => string; passage: (slug: string, passage: string) => string },
): { entities: MatrixEntity[]; articles: MatrixArticle[]; mentions: MatrixMention[] } {
  const mentions: MatrixMention[] = [];
  for (const a of articles) {
    const byEntity = new Map<string, string[]>();
    for (const m of a.mentions) {
      const list = byEntity.get(m.entity) ?? [];
      if (!list.includes(m.passage)) list.push(m.passage);
      byEntity.set(m.entity, list);
    }
    for (const [entity, passages] of byEntity) {
      const first = passages[0] ?? '';
      const href = passages.length === 1 ? hrefs.passage(a.slug, first) : `${hrefs.entity(entity)}#in-${a.slug}`;
      mentions.push({ entity, article: a.slug, passages, href });
    }
  }
  const mentioned = new Set(mentions.map((m) => m.entity));
  return {
    entities: entities.filter((e) => mentioned.has(e.ref)).map((e) => ({ ...e, href: hrefs.entity(e.ref) })),
    articles: articles.map((a) => ({ slug: a.slug, column: a.column, label: a.label })),
    mentions,
  };
}

export interface ClaimNoteData {
  article: string;
  /** The note's id, for error messages. */
  note: string;
  by: readonly string[];
}

/**
 * The voices chart's inputs: one claim per speaker named in a claim note's `by`, with the speaker's side. A
 * speaker without a side cannot be placed in a group: that is an error in the content, reported with the note
 * and the entry to fix.
 */
export function voiceClaims(
  notes: readonly ClaimNoteData[],
  speakers: ReadonlyMap<string, { name: string; side?: string | undefined; file: string }>,
): VoiceClaim[] {
  const sides = new Set<string>(VOICE_GROUPS.map((g) => g.side));
  return notes.flatMap((n) =>
    n.by.map((ref): VoiceClaim => {
      const speaker = speakers.get(ref);
      if (!speaker) throw new Error(`content/articles/${n.article}.mdx: note "${n.note}", field "by": no entry "${ref}".`);
      if (!speaker.side || !sides.has(speaker.side)) {
        throw new Error(
          `${speaker.file}: field "side": ${ref} makes a claim in note "${n.note}" of ${n.article} but has no side; set side to one of ${[...sides].join(', ')}.`,
        );
      }
      return { article: n.article, speaker: ref, name: speaker.name, side: speaker.side as VoiceSide };
    }),
  );
}

export interface PlaceData {
  ref: string;
  name: string;
  lat: number;
  lon: number;
}

/** The map's places, most-mentioned first, so that their labels are placed before the others'. */
export function mapPlaces(places: readonly PlaceData[], mentionCount: (ref: string) => number, href: (ref: string) => string): MapPlaceInput[] {
  return [...places]
    .sort((a, b) => mentionCount(b.ref) - mentionCount(a.ref) || a.name.localeCompare(b.name))
    .map((p) => ({ id: p.ref.split('/')[1] ?? p.ref, name: p.name, lat: p.lat, lon: p.lon, href: href(p.ref) }));
}
