/**
 * What each chart adds to its page: the gzip size of its <figure class="chart"> (SVG, headings and data table),
 * compressed on its own, which overstates what it adds inside the page's gzip stream; the largest instance of
 * each chart across the built site. Used by `npm run bench`; the target is 10 KB per chart.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { siteFiles } from '../../src/lib/dist-paths.ts';
import { gzipSync } from 'node:zlib';

export const CHART_BUDGET_BYTES = 10 * 1024;

export interface ChartWeight {
  /** The figure's id with any page-specific suffix removed, e.g. "timeline", "article-timeline". */
  chart: string;
  /** The page where the chart is heaviest. */
  page: string;
  gzipBytes: number;
}

export function chartWeights(distDir: string): ChartWeight[] {
  const heaviest = new Map<string, ChartWeight>();
  for (const file of siteFiles(distDir, ['.html'])) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<figure class="chart"[^>]*\bid="([^"]+)"[\s\S]*?<\/figure>/g)) {
      const chart = (m[1] ?? '').replace(/-[a-z0-9]+-map$/, '-map');
      const gzipBytes = gzipSync(m[0]).length;
      const known = heaviest.get(chart);
      if (!known || gzipBytes > known.gzipBytes) heaviest.set(chart, { chart, page: `/${relative(distDir, file).replace(/index\.html$/, '')}`, gzipBytes });
    }
  }
  return [...heaviest.values()].sort((a, b) => a.chart.localeCompare(b.chart));
}

// `tsx scripts/bench/charts.ts dist` prints the table on its own.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  for (const w of chartWeights(process.argv[2] ?? 'dist')) {
    console.log(`${w.gzipBytes <= CHART_BUDGET_BYTES ? 'ok  ' : 'MISS'}  chart ${w.chart.padEnd(22)} ${(w.gzipBytes / 1024).toFixed(1).padStart(6)} KB gzip  (heaviest on ${w.page})`);
  }
}
