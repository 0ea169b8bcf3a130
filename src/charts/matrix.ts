/**
 * "Who appears where", as geometry: one row per background entry, one column per article, a dot where the
 * article mentions the entry, its area growing with the number of passages that do. Rows are grouped by kind
 * and, within a kind, ordered by how many articles mention the entry, then by name. Computed from the mentions
 * the linking plugin found, never typed.
 */
import { round, textWidth } from './text.ts';
import { ChartDataError } from './timeline.ts';

export interface MatrixEntity {
  /** "<kind>/<id>". */
  ref: string;
  kind: 'people' | 'places' | 'organizations' | 'glossary';
  name: string;
  href: string;
}

export interface MatrixArticle {
  slug: string;
  /** Column heading, e.g. "1". */
  column: string;
  /** For the cell's accessible name, e.g. "Caliber.Az, 1 September 2023". */
  label: string;
}

export interface MatrixMention {
  entity: string;
  article: string;
  /** Passage ids that mention it; the first is where the cell's link lands. */
  passages: readonly string[];
  /** Where the cell links: the list of those passages (on the entry's page) or the single passage. */
  href: string;
}

export const KIND_HEADINGS: Record<MatrixEntity['kind'], string> = {
  people: 'People',
  places: 'Places',
  organizations: 'Organizations',
  glossary: 'Terms',
};

export interface MatrixGeometry {
  width: number;
  height: number;
  labelWidth: number;
  columns: { slug: string; text: string; x: number }[];
  groups: { heading: string; y: number }[];
  rows: {
    ref: string;
    name: string;
    /** The name as drawn: shortened with an ellipsis where it would run into the first column. */
    label: string;
    href: string;
    y: number;
    cells: { article: string; x: number; r: number; count: number; href: string; label: string }[];
  }[];
}

/** The name, or as much of it as fits in `width` px followed by an ellipsis. */
function fitLabel(name: string, fontSize: number, width: number): string {
  if (textWidth(name, fontSize) <= width) return name;
  let cut = name;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1).trimEnd();
  return `${cut}…`;
}

/**
 * Each entry's mentions keyed by article (the first, should an entry have two for one article), so the chart
 * and its table find a cell with one lookup, however many entries and articles there are.
 */
export function mentionsByEntry(mentions: readonly MatrixMention[]): Map<string, Map<string, MatrixMention>> {
  const byEntry = new Map<string, Map<string, MatrixMention>>();
  for (const m of mentions) {
    const cells = byEntry.get(m.entity) ?? new Map<string, MatrixMention>();
    if (!cells.has(m.article)) cells.set(m.article, m);
    byEntry.set(m.entity, cells);
  }
  return byEntry;
}

export function whoAppearsWhere(
  entities: readonly MatrixEntity[],
  articles: readonly MatrixArticle[],
  mentions: readonly MatrixMention[],
  options: { width?: number; fontSize?: number; rowHeight?: number } = {},
): MatrixGeometry {
  const fontSize = options.fontSize ?? 12;
  const rowHeight = options.rowHeight ?? 20;
  if (articles.length === 0 || mentions.length === 0) throw new ChartDataError('no mentions to chart.');
  const byEntity = mentionsByEntry(mentions);
  const shown = entities.filter((e) => byEntity.has(e.ref));

  const columnWidth = 34;
  const longest = Math.max(...shown.map((e) => textWidth(e.name, fontSize)));
  const labelWidth = Math.ceil(Math.min(Math.max(longest + 8, 120), (options.width ?? 360) - columnWidth * articles.length));
  const width = labelWidth + columnWidth * articles.length;
  const columns = articles.map((a, i) => ({ slug: a.slug, text: a.column, x: round(labelWidth + columnWidth * (i + 0.5)) }));
  const maxCount = mentions.reduce((max, m) => Math.max(max, m.passages.length), 0);
  const radius = (count: number) => round(3 + 8 * Math.sqrt(count / maxCount));

  let y = 28;
  const groups: MatrixGeometry['groups'] = [];
  const rows: MatrixGeometry['rows'] = [];
  for (const kind of Object.keys(KIND_HEADINGS) as MatrixEntity['kind'][]) {
    const members = shown
      .filter((e) => e.kind === kind)
      .sort((a, b) => (byEntity.get(b.ref)?.size ?? 0) - (byEntity.get(a.ref)?.size ?? 0) || a.name.localeCompare(b.name));
    if (members.length === 0) continue;
    y += 8;
    groups.push({ heading: KIND_HEADINGS[kind], y: round(y + fontSize * 0.4) });
    y += rowHeight;
    for (const e of members) {
      const found = byEntity.get(e.ref);
      rows.push({
        ref: e.ref,
        name: e.name,
        label: fitLabel(e.name, fontSize, labelWidth - 8),
        href: e.href,
        y: round(y),
        cells: articles.flatMap((a, i) => {
          const m = found?.get(a.slug);
          if (!m) return [];
          const count = m.passages.length;
          return [{
            article: a.slug,
            x: columns[i]?.x ?? 0,
            r: radius(count),
            count,
            href: m.href,
            label: `${e.name} in ${a.label}: ${count} ${count === 1 ? 'passage' : 'passages'}`,
          }];
        }),
      });
      y += rowHeight;
    }
  }
  return { width, height: Math.ceil(y), labelWidth, columns, groups, rows };
}
