/**
 * "Voices", as geometry: for each article, whose statements it reports, by side — a bar per article divided
 * into the five groups, each segment as long as the number of distinct speakers of that group whose claims our
 * notes attribute. Computed from the claim notes' `by` entries and those entries' `side`.
 */
import { round, textWidth } from './text.ts';
import { ChartDataError } from './timeline.ts';

export const VOICE_GROUPS = [
  { side: 'azerbaijani-official', label: 'Azerbaijani officials' },
  { side: 'armenian-official', label: 'Armenian officials' },
  { side: 'karabakh-armenian-official', label: 'Karabakh Armenian officials' },
  { side: 'third-party', label: 'Third parties' },
  { side: 'analyst', label: 'Analysts' },
] as const;
export type VoiceSide = (typeof VOICE_GROUPS)[number]['side'];

export interface VoicesArticle {
  slug: string;
  label: string;
  href: string;
}

export interface VoiceClaim {
  article: string;
  /** The speaker's entry ("people/zakir-hasanov") and name. */
  speaker: string;
  name: string;
  side: VoiceSide;
}

/**
 * The claims of each article and side, gathered in one pass, for the chart and the table beside it (a filter per
 * article and side is quadratic: 0.35 s at a thousand articles).
 */
export function claimsBySide(claims: readonly VoiceClaim[]): (article: string, side: VoiceSide) => readonly VoiceClaim[] {
  const groups = new Map<string, VoiceClaim[]>();
  for (const c of claims) {
    const key = `${c.article}\0${c.side}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return (article, side) => groups.get(`${article}\0${side}`) ?? [];
}

export interface VoicesGeometry {
  width: number;
  height: number;
  barX: number;
  barWidth: number;
  rows: {
    slug: string;
    label: string;
    href: string;
    y: number;
    total: number;
    segments: { side: VoiceSide; x: number; width: number; count: number; names: string[] }[];
  }[];
}

export function voices(
  articles: readonly VoicesArticle[],
  claims: readonly VoiceClaim[],
  options: { width?: number; fontSize?: number } = {},
): VoicesGeometry {
  const width = options.width ?? 360;
  const fontSize = options.fontSize ?? 12;
  if (articles.length === 0) throw new ChartDataError('no articles to chart.');
  const claimsOf = claimsBySide(claims);
  const speakers = articles.map((a) =>
    VOICE_GROUPS.map((g) => {
      const names = [...new Map(claimsOf(a.slug, g.side).map((c) => [c.speaker, c.name])).values()].sort();
      return { side: g.side, names };
    }),
  );
  const max = Math.max(1, ...speakers.map((groups) => groups.reduce((n, g) => n + g.names.length, 0)));
  const barX = 4;
  const barWidth = width - barX - 28;
  const unit = barWidth / max;
  const rowHeight = fontSize * 1.3 + 22;
  const rows = articles.map((a, i) => {
    let x = barX;
    const segments = (speakers[i] ?? []).flatMap((g) => {
      if (g.names.length === 0) return [];
      const w = g.names.length * unit;
      const segment = { side: g.side, x: round(x), width: round(w), count: g.names.length, names: g.names };
      x += w;
      return [segment];
    });
    return {
      slug: a.slug,
      label: textWidth(a.label, fontSize) > width ? a.label.slice(0, Math.floor(width / (fontSize * 0.62))) + '…' : a.label,
      href: a.href,
      y: round(8 + i * rowHeight),
      total: segments.reduce((n, s) => n + s.count, 0),
      segments,
    };
  });
  return { width, height: Math.ceil(8 + articles.length * rowHeight), barX, barWidth: round(barWidth), rows };
}
