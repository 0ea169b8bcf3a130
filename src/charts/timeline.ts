/**
 * The timeline, as geometry: events and the articles' dates down one vertical axis, in date order. The axis is
 * not linear in time — thirty quiet years would otherwise squeeze the eighteen months the articles cover into a
 * line — but monotonic: each item sits below the one before by the height of that item's label, or by a distance
 * that grows with the logarithm of the days between them, whichever is more. Years are ticked where they fall.
 * Labels are wrapped to the width, so no two ever overlap, at any width the SVG is shown.
 */
import { dateSpan, dayStart, yearStart, type Precision } from './dates.ts';
import { round, wrapText } from './text.ts';

export interface TimelineEventInput {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  endDate?: string | undefined;
  precision: Precision;
  /** The short label shown on the chart. */
  title: string;
  /** The date as readers see it, e.g. "19–20 September 2023". */
  dateLabel: string;
  href?: string | undefined;
}

export interface TimelineArticleInput {
  id: string;
  date: string;
  precision: Precision;
  /** e.g. "Caliber.Az". */
  label: string;
  dateLabel: string;
  href: string;
  /** The article whose page the chart is on. */
  current?: boolean | undefined;
}

export interface TimelineOptions {
  /** Width of the SVG's coordinate system, in px at 1:1 (default 360: readable as shown at 320 px). */
  width?: number;
  fontSize?: number;
  lineHeight?: number;
}

export interface TimelineLine {
  text: string;
  x: number;
  y: number;
}

export interface TimelineItem {
  kind: 'event' | 'article';
  id: string;
  /** Where the item's marker sits on the axis. */
  y: number;
  /** Its span (an event lasting days, a date known only to the month or approximately), when it has one. */
  spanStart?: number;
  spanEnd?: number;
  /** First line: the date; then the wrapped title. */
  dateLine: TimelineLine;
  lines: TimelineLine[];
  href?: string | undefined;
  current: boolean;
}

export interface TimelineGeometry {
  width: number;
  height: number;
  axisX: number;
  axisTop: number;
  axisBottom: number;
  /** A year label at the first item of each year. */
  ticks: { year: number; y: number }[];
  /** Where the axis skips quiet years (more than three between two items). */
  breaks: number[];
  items: TimelineItem[];
}

/** `at` orders and places the item (the date itself); `start`–`end` is the span its precision covers. */
type Entry =
  | { kind: 'event'; at: number; start: number; end: number; source: TimelineEventInput }
  | { kind: 'article'; at: number; start: number; end: number; source: TimelineArticleInput };

export class ChartDataError extends Error {
  override name = 'ChartDataError';
}

export function timeline(
  events: readonly TimelineEventInput[],
  articles: readonly TimelineArticleInput[],
  options: TimelineOptions = {},
): TimelineGeometry {
  const width = options.width ?? 360;
  const fontSize = options.fontSize ?? 12;
  const lineHeight = options.lineHeight ?? 15;
  const axisX = 58;
  const labelX = axisX + 14;
  const labelWidth = width - labelX - 4;
  const top = 12;

  const entries: Entry[] = [
    ...events.map((source): Entry => {
      const [start, spanEnd] = dateSpan(source.date, source.precision);
      const end = source.endDate ? dayStart(source.endDate) : spanEnd;
      if (end < start) throw new ChartDataError(`event "${source.id}": endDate ${source.endDate} is before date ${source.date}.`);
      return { kind: 'event', at: dayStart(source.date), start, end, source };
    }),
    ...articles.map((source): Entry => {
      const [start, end] = dateSpan(source.date, source.precision);
      return { kind: 'article', at: dayStart(source.date), start, end, source };
    }),
  ].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));

  const items: TimelineItem[] = [];
  const anchors: { day: number; y: number }[] = [];
  let y = top + lineHeight;
  let previous: { day: number; height: number } | undefined;
  for (const entry of entries) {
    if (previous) {
      const days = Math.max(0, entry.at - previous.day);
      y += Math.max(previous.height + 6, 9 * Math.log1p(days));
    }
    const title = entry.kind === 'event' ? entry.source.title : `Article: ${entry.source.label}`;
    const wrapped = wrapText(title, fontSize, labelWidth);
    const dateLine = { text: entry.source.dateLabel, x: labelX, y: round(y + fontSize * 0.35) };
    const lines = wrapped.map((text, i) => ({ text, x: labelX, y: round(y + fontSize * 0.35 + (i + 1) * lineHeight) }));
    items.push({
      kind: entry.kind,
      id: entry.source.id,
      y: round(y),
      dateLine,
      lines,
      href: entry.source.href,
      current: entry.kind === 'article' && entry.source.current === true,
    });
    anchors.push({ day: entry.at, y });
    previous = { day: entry.at, height: (wrapped.length + 1) * lineHeight };
  }
  if (items.length === 0) throw new ChartDataError('the timeline has no events or articles to show.');

  // Positions of any day, interpolated between the items around it (for spans and year ticks).
  const yOfDay = (day: number): number => {
    const first = anchors[0];
    const last = anchors[anchors.length - 1];
    if (!first || !last) return top;
    if (day <= first.day) return first.y;
    if (day >= last.day) return last.y;
    const i = anchors.findIndex((a) => a.day > day);
    const a = anchors[i - 1] ?? first;
    const b = anchors[i] ?? last;
    return b.day === a.day ? a.y : a.y + ((day - a.day) / (b.day - a.day)) * (b.y - a.y);
  };
  entries.forEach((entry, i) => {
    const item = items[i];
    if (item && entry.end > entry.start) {
      // A span is drawn from where its first possible day falls to its last, around the item's marker.
      const from = round(Math.min(yOfDay(entry.start), item.y));
      const to = round(yOfDay(entry.end));
      if (to - from >= 2) {
        item.spanStart = from;
        item.spanEnd = to;
      }
    }
  });

  // A year is labelled at its first item; a gap of several quiet years gets a break mark on the axis, since the
  // spacing there is compressed.
  const ticks: { year: number; y: number }[] = [];
  const breaks: number[] = [];
  entries.forEach((entry, i) => {
    const year = new Date(entry.at * 86_400_000).getUTCFullYear();
    const item = items[i];
    if (!item) return;
    const prev = entries[i - 1];
    const prevItem = items[i - 1];
    if (prev && prevItem && entry.at - prev.at > 3 * 365) breaks.push(round((prevItem.y + item.y) / 2));
    if (ticks[ticks.length - 1]?.year !== year) ticks.push({ year, y: item.y });
  });

  const lastItem = items[items.length - 1];
  const bottom = lastItem ? (lastItem.lines[lastItem.lines.length - 1]?.y ?? lastItem.y) + lineHeight * 0.6 : top;
  return {
    width,
    height: Math.ceil(bottom + 4),
    axisX,
    axisTop: top,
    axisBottom: round(bottom - lineHeight * 0.6),
    ticks,
    breaks,
    items,
  };
}

export interface StripGeometry {
  width: number;
  height: number;
  axisY: number;
  ticks: { label: string; x: number }[];
  events: { id: string; x: number; x2?: number; title: string; href?: string | undefined }[];
  articles: { id: string; x: number; x2?: number; label: string; current: boolean; href: string }[];
  currentLabel?: { text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

/**
 * The compact timeline on an article page: one horizontal line over the months the articles cover, with every
 * event as a dot, every article as a tick, and "This article" labelled. A linear time scale fits here: the
 * span is short, and only one label is written on it, kept inside the box.
 */
export function timelineStrip(
  events: readonly TimelineEventInput[],
  articles: readonly TimelineArticleInput[],
  options: { width?: number; from: string; to: string; fontSize?: number },
): StripGeometry {
  const width = options.width ?? 360;
  const fontSize = options.fontSize ?? 12;
  const pad = 10;
  const from = dayStart(options.from);
  const to = dayStart(options.to);
  if (to <= from) throw new ChartDataError(`the strip's range ${options.from}–${options.to} is empty.`);
  const x = (day: number) => round(pad + ((Math.min(Math.max(day, from), to) - from) / (to - from)) * (width - 2 * pad));
  const axisY = 36;
  const inRange = <T extends { date: string }>(list: readonly T[]) =>
    list.filter((e) => dayStart(e.date) >= from && dayStart(e.date) <= to);

  const ticks: { label: string; x: number }[] = [];
  const firstYear = new Date(from * 86_400_000).getUTCFullYear();
  const lastYear = new Date(to * 86_400_000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const day = Math.max(yearStart(year), from);
    if (day <= to) ticks.push({ label: String(year), x: x(day) });
  }
  // Drop a year label that would run into the next one.
  const spaced = ticks.filter((t, i) => {
    const next = ticks[i + 1];
    return !next || next.x - t.x > fontSize * 2.6;
  });

  const span = (date: string, precision: Precision, endDate?: string) => {
    const [s, e] = dateSpan(date, precision);
    const end = endDate ? dayStart(endDate) : e;
    const x1 = x(s);
    const x2 = x(end);
    return x2 - x1 >= 2 ? { x: x1, x2 } : { x: x1 };
  };
  const eventMarks = inRange(events).map((e) => ({ id: e.id, title: e.title, href: e.href, ...span(e.date, e.precision, e.endDate) }));
  const articleMarks = inRange(articles).map((a) => ({
    id: a.id,
    label: a.label,
    current: a.current === true,
    href: a.href,
    ...span(a.date, a.precision),
  }));
  const current = articleMarks.find((a) => a.current);
  let currentLabel: StripGeometry['currentLabel'];
  if (current) {
    const mid = current.x2 === undefined ? current.x : (current.x + current.x2) / 2;
    const text = 'This article';
    const half = (text.length * fontSize * 0.6) / 2;
    const anchor = mid - half < 0 ? 'start' : mid + half > width ? 'end' : 'middle';
    currentLabel = { text, x: anchor === 'start' ? 0 : anchor === 'end' ? width : round(mid), y: 14, anchor };
  }
  return { width, height: 64, axisY, ticks: spaced, events: eventMarks, articles: articleMarks, ...(currentLabel ? { currentLabel } : {}) };
}
