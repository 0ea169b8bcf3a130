/**
 * Checks the built site before it is published. It indexes dist/ once (scripts/checks/dist-index.ts: one parse
 * per page) and runs a set of small checks over that index, one file each in scripts/checks/:
 * - duplicate-ids: no id is used twice on a page;
 * - links: every internal link and #fragment resolves (a text fragment `#id:~:text=…` must name an existing id);
 * - resources: nothing is loaded from another origin, and everything loaded exists;
 * - verbatim: every article page shows exactly the paragraphs its import record lists, equal to the raw lines;
 * - ledger: every published passage and note id is still on its page or mapped, and every one is in the ledger.
 *
 * Usage: tsx scripts/check-dist.ts [dist-dir] [--base /sub/path/]
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/lib/dist-paths.ts';
import type { Check } from './checks/check.ts';
import { indexDist, type DistIndex } from './checks/dist-index.ts';
import { duplicateIds } from './checks/duplicate-ids.ts';
import { ledger } from './checks/ledger.ts';
import { countLinks, links } from './checks/links.ts';
import { resources } from './checks/resources.ts';
import { verbatim } from './checks/verbatim.ts';

export const CHECKS: readonly Check[] = [duplicateIds, links, resources, verbatim, ledger];

export interface DistReport {
  pages: number;
  links: number;
  fragments: number;
  passages: number;
  articles: number;
  problems: string[];
  /** Milliseconds spent indexing and in each check. */
  timings: Record<string, number>;
}

export function checkDist(root: string, dist: string, base: string): DistReport {
  const t0 = performance.now();
  const index: DistIndex = indexDist(root, dist, base);
  const timings: Record<string, number> = { index: performance.now() - t0 };
  const problems: string[] = [];
  for (const check of CHECKS) {
    const t = performance.now();
    problems.push(...check.run(index));
    timings[check.name] = performance.now() - t;
  }
  const articles = index.pages.filter((p) => p.url.startsWith(`${base}articles/`) && p.passages.length > 0);
  return {
    pages: index.pages.length,
    ...countLinks(index.pages),
    passages: articles.reduce((n, p) => n + p.passages.length, 0),
    articles: articles.length,
    problems,
    timings,
  };
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: '/' } } });
  const root = process.cwd();
  const dist = join(root, positionals[0] ?? 'dist');
  const base = normaliseBase(values.base);
  if (!existsSync(dist)) {
    console.error(`check-dist: ${relative(root, dist)} does not exist; run the build first.`);
    return 1;
  }
  const t0 = performance.now();
  const report = checkDist(root, dist, base);
  const seconds = ((performance.now() - t0) / 1000).toFixed(2);
  if (report.problems.length > 0) {
    console.error(`check-dist: ${report.problems.length} problem(s) in ${relative(root, dist)}/:\n` + report.problems.map((p) => `  - ${p}`).join('\n'));
    return 1;
  }
  console.log(
    `check-dist: ${relative(root, dist)}/ OK in ${seconds} s — ${report.pages} pages, ${report.links} internal links, ${report.fragments} fragments, ` +
      `${report.articles} articles with ${report.passages} passages verbatim and in their ledgers, no external resources.`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = main();
