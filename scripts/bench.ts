/**
 * npm run bench — what readers and editors wait for, measured on this machine (not part of npm test).
 *
 *   npm run bench                     the site as it is (page weights) and the full build on 1,000 articles
 *   npm run bench -- --peer           the same 1,000-article build of the Starlight peer, alternating with ours
 *   npm run bench -- --runs 3         best of three (single runs are printed as a range too)
 *   npm run bench -- --articles 200   another size; --no-small / --no-scale skip a part; --keep keeps the temp sites
 *
 * The 1,000-article site is a copy of this one in a temporary folder whose content/articles holds the five
 * articles plus copies of them (scripts/bench/make-site.ts); the repository's content/ is never touched. Both sites
 * run their whole `build` script from clean, with Astro's phase timer and every integration hook timed.
 * The peer (scripts/bench/peer/, Starlight 0.42) is installed once into a temporary folder with its lockfile (as the peer's own instructions do: npm install; its lockfile is not in sync enough for npm ci).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { filesUnder } from '../src/lib/files.ts';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { articleSlugs } from '../src/lib/content-paths.ts';
import { CHART_BUDGET_BYTES, chartWeights } from './bench/charts.ts';
import { measureFirstScreens, SCREENS } from './bench/first-screen.ts';
import { makeScaledSite } from './bench/make-site.ts';
import { formatSearchBench, measureSearch } from './bench/search.ts';
import { benchShareImages } from './bench/share-images.ts';
import { writePeerArticles } from './bench/peer-content.ts';
import { instrumentConfig, runBuild, scriptSteps, type BuildRun } from './bench/run-build.ts';

const TARGETS = {
  /**
   * What an article page's first screen needs, gzip: the HTML (with its inlined CSS) up to the first passage below
   * the screen, with no stylesheet or script to fetch first: one round trip's worth (scripts/bench/first-screen.ts).
   */
  renderBlockingKB: 14.6,
  /** JavaScript an article page loads before anyone does anything, gzip. */
  scriptAtLoadKB: 5,
  /** Peak memory of any build step at 1,000 articles. */
  peakMemoryMB: 2048,
  /** The first search: what it transfers, gzip, and keystroke to results shown (issue 8). */
  firstQueryKB: 100,
  resultsMs: 100,
  resultsMsAtScale: 150,
};

const { values: args } = parseArgs({
  options: {
    peer: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    articles: { type: 'string', default: '1000' },
    'no-small': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number.parseInt(args.runs, 10) || 1);
const articleCount = Math.max(5, Number.parseInt(args.articles, 10) || 1000);
const root = process.cwd();
const ourBin = join(root, 'node_modules', '.bin');
const misses: string[] = [];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gz = (text: string | Buffer) => gzipSync(text).length;

function check(what: string, value: string, target: string, ok: boolean): void {
  if (!ok) misses.push(what);
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${what.padEnd(60)} ${value.padStart(14)}   target ${target}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The site as it is: page weights.

/** A built file's path for a URL on the page (root-relative; the bench builds at base /). */
const fileOf = (dist: string, href: string) => join(dist, decodeURIComponent(href.split(/[?#]/)[0] ?? '').replace(/^\//, ''));

/** A module script and every module it imports statically (what the browser fetches at load), without dynamic imports. */
function staticModuleGraph(dist: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const spec = m[1] ?? '';
    staticModuleGraph(dist, spec.startsWith('/') ? fileOf(dist, spec) : join(dirname(entry), spec), seen);
  }
  return seen;
}

function pageWeights(dist: string, slug: string) {
  const html = readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '');
  const cssGzip = styles.reduce((s, href) => s + gz(readFileSync(fileOf(dist, href))), 0);
  let scriptGzip = 0;
  const modules = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    if (src) staticModuleGraph(dist, fileOf(dist, src), modules);
    else {
      scriptGzip += gz(m[2] ?? '');
      for (const imp of (m[2] ?? '').matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\/[^"']+)["']/g)) staticModuleGraph(dist, fileOf(dist, imp[1] ?? ''), modules);
    }
  }
  for (const f of modules) scriptGzip += gz(readFileSync(f));
  return { slug, htmlGzip: gz(html), cssGzip, scriptGzip };
}

/** Search figures on a built site; a failure to measure is reported, not fatal (the build figures still count). */
async function searchFigures(dist: string, resultsTargetMs: number): Promise<void> {
  try {
    const b = await measureSearch({ dist });
    for (const line of formatSearchBench(b)) console.log(`      ${line}`);
    check('search: first query transferred, gzip', kb(b.firstQueryGzipBytes), `< ${TARGETS.firstQueryKB} KB`, b.firstQueryGzipBytes / 1024 < TARGETS.firstQueryKB);
    check('search: keystroke to results (median of later queries)', `${b.warmMedianMs.toFixed(0)} ms`, `< ${resultsTargetMs} ms`, b.warmMedianMs < resultsTargetMs);
  } catch (error) {
    misses.push('search figures');
    console.log(`MISS  search figures could not be measured: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function smallSite(): Promise<void> {
  const out = join(root, 'dist-bench');
  console.log(`\nThe site as it is (${articleSlugs(root).length} articles), built into ${relative(root, out)}/\n`);
  const started = performance.now();
  const build = spawnSync('astro', ['build', '--outDir', out], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${ourBin}:${process.env['PATH']}` } });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  const buildMs = performance.now() - started;
  const pages = articleSlugs(root).map((slug) => pageWeights(out, slug));
  const scriptMax = Math.max(...pages.map((p) => p.scriptGzip));
  const all = filesUnder(out);
  const screens = await measureFirstScreens(out, articleSlugs(root));
  for (const screen of SCREENS) {
    const on = screens.filter((s) => s.screen === screen.name);
    const worst = on.reduce((a, b) => (a.firstScreenGzip > b.firstScreenGzip ? a : b));
    const blocking = [...new Set(on.flatMap((s) => s.blocking))];
    check(
      `article page first screen, ${screen.name}, gzip (heaviest: ${worst.slug.slice(0, 18)}…)`,
      kb(worst.firstScreenGzip),
      `≤ ${TARGETS.renderBlockingKB} KB`,
      worst.firstScreenGzip / 1024 <= TARGETS.renderBlockingKB,
    );
    console.log(`        the first ${worst.firstScreenChars} characters of the HTML (up to “${worst.cutAt.slice(0, 40)}…”); the whole page, ${kb(worst.wholeGzip)}, streams on. Each article: ${on.map((s) => kb(s.firstScreenGzip)).join(', ')}`);
    check(`article pages: stylesheets and scripts that block rendering, ${screen.name}`, blocking.length === 0 ? 'none' : blocking.join(' '), 'none', blocking.length === 0);
  }
  const heaviest = pages.reduce((a, b) => (a.htmlGzip + a.cssGzip > b.htmlGzip + b.cssGzip ? a : b));
  console.log(`      heaviest article page in all (${heaviest.slug.slice(0, 18)}…): HTML ${kb(heaviest.htmlGzip)} gzip, linked CSS ${kb(heaviest.cssGzip)} gzip`);
  check('article page JavaScript at load, gzip (heaviest)', kb(scriptMax), `≤ ${TARGETS.scriptAtLoadKB} KB`, scriptMax / 1024 <= TARGETS.scriptAtLoadKB);
  console.log(`      astro build (with its integrations): ${sec(buildMs)}; whole site on disk: ${kb(all.reduce((s, f) => s + statSync(f).size, 0))} in ${all.length} files`);
  for (const w of chartWeights(out)) {
    check(`chart ${w.chart} (heaviest on ${w.page}), gzip`, kb(w.gzipBytes), `≤ ${CHART_BUDGET_BYTES / 1024} KB`, w.gzipBytes <= CHART_BUDGET_BYTES);
  }
  const images = await benchShareImages(50);
  console.log(`      share images: ${images.wallMsPerImage.toFixed(1)} ms wall, ${images.cpuMsPerImage.toFixed(1)} ms CPU per image (${images.images} rendered, no cache)`);
  await searchFigures(out, TARGETS.resultsMs);
  rmSync(out, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------------
// 1,000 articles: ours, and the Starlight peer alternately.

interface Contender {
  name: string;
  site: string;
  steps: string[];
  bin: string[];
  runs: BuildRun[];
}

function ourScaledSite(): Contender {
  const { root: site } = makeScaledSite(root, articleCount);
  instrumentConfig(site, './scripts/bench/hook-timer.ts');
  return { name: 'ours', site, steps: scriptSteps(site), bin: [join(site, 'node_modules', '.bin'), ourBin], runs: [] };
}

function peerSite(): Contender {
  const files = join(root, 'scripts', 'bench', 'peer');
  const lock = readFileSync(join(files, 'package-lock.json'));
  // One install per lockfile, kept between runs: installing is not what is measured.
  const site = join(tmpdir(), `karabakh-peer-starlight-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(site, 'node_modules', '.package-lock.json'))) {
    console.log(`Installing the Starlight peer into ${site} (once) …`);
    rmSync(site, { recursive: true, force: true });
    cpSync(files, site, { recursive: true });
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: site, encoding: 'utf8', env: { ...process.env, PATH: `${ourBin}:${process.env['PATH']}` } });
    if (install.status !== 0) throw new Error(`npm install in ${site} failed:\n${install.stderr}`);
  }
  // Refresh everything but node_modules, so edits to scripts/bench/peer/ count.
  for (const name of readdirSync(files)) cpSync(join(files, name), join(site, name), { recursive: true });
  cpSync(join(root, 'scripts', 'bench', 'hook-timer.ts'), join(site, 'hook-timer.ts'));
  instrumentConfig(site, './hook-timer.ts');
  const docs = join(site, 'src', 'content', 'docs', 'articles');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writePeerArticles(join(root, 'content', 'raw'), docs, articleCount);
  return { name: 'Starlight 0.42', site, steps: scriptSteps(site), bin: [join(site, 'node_modules', '.bin'), ourBin], runs: [] };
}

const range = (values: number[]) => {
  if (values.some((v) => !Number.isFinite(v))) return 'n/a';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.length === 1 ? sec(lo) : `${sec(lo)} (${(lo / 1000).toFixed(1)}–${(hi / 1000).toFixed(1)})`;
};

function report(contenders: Contender[]): void {
  const rows: [string, (r: BuildRun) => number][] = [
    ['content check (before Astro builds)', (r) => r.phases.contentCheck],
    ['Astro content layer sync', (r) => r.phases.contentSync],
    ['Astro/Vite bundling (MDX compile included)', (r) => r.phases.bundling],
    ['page rendering', (r) => r.phases.rendering],
    // Ours runs check-dist beside the index in this hook (src/integrations/after-build.ts); Starlight has no check.
    ['search index + check-dist (astro:build:done)', (r) => r.phases.buildDone],
    ['other Astro work (start-up, config, types)', (r) => r.phases.astroOther],
  ];
  const afterSteps = [...new Set(contenders.flatMap((c) => c.runs.flatMap((r) => Object.keys(r.phases.after))))];
  for (const step of afterSteps) rows.push([step.replace(/^tsx scripts\//, '').slice(0, 44), (r) => r.phases.after[step] ?? 0]);
  rows.push(['whole build', (r) => r.phases.total]);
  rows.push(['  CPU time of the whole build (user + system)', (r) => r.phases.cpu ?? NaN]);
  const width = 26;
  console.log(`\n${'best of ' + runs + ' (single runs)'.padEnd(45)} ${contenders.map((c) => c.name.padStart(width)).join(' ')}`);
  for (const [label, get] of rows) {
    console.log(`  ${label.padEnd(50)} ${contenders.map((c) => range(c.runs.map(get)).padStart(width)).join(' ')}`);
  }
  const best = (c: Contender) => Math.min(...c.runs.map((r) => r.phases.total));
  const peak = (c: Contender) => Math.max(...c.runs.map((r) => r.phases.peakRssKB ?? 0));
  console.log(`  ${'ms per article (best whole build)'.padEnd(50)} ${contenders.map((c) => `${(best(c) / articleCount).toFixed(1)} ms`.padStart(width)).join(' ')}`);
  console.log(`  ${'peak memory (largest process, any run)'.padEnd(50)} ${contenders.map((c) => (peak(c) ? `${(peak(c) / 1024).toFixed(0)} MB` : 'n/a').padStart(width)).join(' ')}`);
  console.log(`  ${'build log (lines; of which warnings)'.padEnd(50)} ${contenders.map((c) => { const r = c.runs[c.runs.length - 1]; return r ? `${r.logLines}; ${r.log.split('\n').filter((l) => /\bWARN\b|warning/i.test(l)).length}`.padStart(width) : ''; }).join(' ')}`);
  console.log('');
  const ours = contenders[0];
  if (ours) {
    const peakMB = peak(ours) / 1024;
    check(`peak memory building ${articleCount} articles`, peakMB ? `${peakMB.toFixed(0)} MB` : 'n/a', `< ${TARGETS.peakMemoryMB} MB`, peakMB < TARGETS.peakMemoryMB);
  }
  const peer = contenders[1];
  if (ours && peer) {
    check(`whole build, ${articleCount} articles: ours vs Starlight (best)`, `${sec(best(ours))} / ${sec(best(peer))}`, '≤ Starlight', best(ours) <= best(peer));
  }
}

async function scale(): Promise<void> {
  console.log(`\n${articleCount} articles: the whole \`npm run build\` from clean${args.peer ? ', ours and the Starlight peer alternately' : ''}`);
  const contenders = [ourScaledSite()];
  if (args.peer) contenders.push(peerSite());
  for (const c of contenders) console.log(`  ${c.name}: ${c.site}  (${c.steps.join(' → ')})`);
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate who goes first, so neither always gets the quieter moment.
      const order = i % 2 === 0 ? contenders : [...contenders].reverse();
      for (const c of order) {
        const run = runBuild(c.site, c.steps, c.bin, `${c.name.split(' ')[0]}-${i + 1}`);
        c.runs.push(run);
        console.log(`  run ${i + 1}, ${c.name}: ${sec(run.phases.total)}`);
      }
    }
    report(contenders);
    const ours = contenders[0];
    if (ours) {
      console.log(`\nSearch on the ${articleCount}-article build (ours, last run):`);
      await searchFigures(join(ours.site, 'dist'), TARGETS.resultsMsAtScale);
    }
  } finally {
    if (!args.keep) for (const c of contenders) if (c.name === 'ours') rmSync(c.site, { recursive: true, force: true });
  }
}

console.log('bench: measured on this machine; figures vary with its load, so compare ours and the peer from one run.');
if (!args['no-small']) await smallSite();
if (!args['no-scale']) await scale();
if (misses.length > 0) console.log(`\nMissed: ${misses.join('; ')}`);
process.exitCode = misses.length === 0 ? 0 : 1;
