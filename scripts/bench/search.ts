/**
 * Search figures for `npm run bench`, measured in Chromium against a built site:
 * - what the first query transfers (Pagefind's script, worker, WebAssembly, index chunks, fragments, our lazy
 *   modules), from the first keystroke in the header box to results on screen;
 * - time from keystroke to results shown, for the first query (cold: everything downloads) and for later ones
 *   (warm: median over several queries typed into the box);
 * - what an article page loads before anyone searches: HTML + CSS (render-blocking) and JavaScript, gzip.
 *
 * Use: `await measureSearch({ dist: 'dist' })` (starts scripts/serve-static.ts on a free port and stops it), or
 * `await measureSearchAt('http://127.0.0.1:4321/')` against a server you run. Alone:
 * `tsx scripts/bench/search.ts [dist] [--base /]`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../ensure-browser.ts';

export interface SearchBench {
  /** The page the search was made from, and the queries. */
  page: string;
  firstQuery: string;
  /** Requests made for the first query, with their sizes: as served (raw) and gzip-compressed. */
  firstQueryRequests: { path: string; rawBytes: number; gzipBytes: number }[];
  firstQueryRawBytes: number;
  firstQueryGzipBytes: number;
  /** First query: from its first keystroke (everything downloads meanwhile) and from its last, to results shown. */
  firstQueryMs: number;
  firstQueryFromLastKeyMs: number;
  /** Keystroke to results shown once the index is loaded: median and worst of `warmQueries`. */
  warmMedianMs: number;
  warmMaxMs: number;
  warmQueries: string[];
  /** The article page before any search: HTML + stylesheets, and scripts, as gzip bytes. */
  articleRenderBlockingGzipBytes: number;
  articleScriptGzipBytes: number;
  articleScripts: string[];
}

/** Chromium as the browser tests start it: the system's where there is one (scripts/ensure-browser.ts). */
export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  return chromium.launch({ args: CHROMIUM_ARGS, ...(found?.kind === 'system' ? { executablePath: found.path } : {}) });
}

const DEFAULT_WARM = ['Lachin', 'peacekeepers', 'Stepanakert', 'Aliyev', 'ceasefire', 'humanitarian', 'Xankəndi', 'border', 'Russia', 'trucks'];

const gzipSize = (body: Buffer): number => gzipSync(body, { level: 9 }).length;

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Installed in the page before each query: notes the time of every keystroke in the header box, and the time the
 * results for `q` are on screen (the status names the query once the list is filled; it is set right after).
 */
const TIMER_SOURCE = `function (q) {
  var b = (window.__bench = { firstKeyAt: 0, keyAt: 0, shownAt: 0 });
  document.getElementById('site-search-q').addEventListener('keydown', function () {
    b.keyAt = performance.now();
    if (!b.firstKeyAt) b.firstKeyAt = b.keyAt;
  });
  new MutationObserver(function () {
    var status = document.querySelector('#site-search-panel [role=status]');
    var text = (status && status.textContent) || '';
    if (!b.shownAt && (text.indexOf('\u201c' + q + '\u201d') >= 0 || text.indexOf('Nothing found') >= 0)) b.shownAt = performance.now();
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}`;

/** Types `query` into the header box; resolves with ms from its first and from its last keystroke to its results. */
async function typeAndTime(page: Page, query: string): Promise<{ fromFirst: number; fromLast: number }> {
  await page.locator('#site-search-q').fill('');
  // Passed as source text: tsx would wrap a function's inner closures in helpers the page does not have.
  await page.evaluate(`(${TIMER_SOURCE})(${JSON.stringify(query.replace(/ə/g, 'e'))})`);
  await page.locator('#site-search-q').pressSequentially(query);
  await page.waitForFunction('window.__bench.shownAt > 0', undefined, { timeout: 15_000 });
  return page.evaluate<{ fromFirst: number; fromLast: number }>(
    '({ fromFirst: window.__bench.shownAt - window.__bench.firstKeyAt, fromLast: window.__bench.shownAt - window.__bench.keyAt })',
  );
}

/** Measures a site served at `siteUrl` (ending in its base, e.g. http://127.0.0.1:4321/ or …/karabakh/). */
export async function measureSearchAt(
  siteUrl: string,
  { articlePath, firstQuery = 'Khankendi', warmQueries = DEFAULT_WARM, dist }: { articlePath?: string; firstQuery?: string; warmQueries?: string[]; dist?: string } = {},
): Promise<SearchBench> {
  const browser = await launchChromium();
  try {
    // The pages' Content-Security-Policy forbids eval, which Playwright's waitForFunction needs to run the
    // bench's timer in the page; bypassing it changes nothing the reader's browser loads or runs.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const base = new URL(siteUrl);
    // Sizes: from the built file when we have dist/ (exact, and gzip as a host would send it), else the body.
    const bodyOf = async (url: string, fallback: () => Promise<Buffer>): Promise<Buffer> => {
      if (dist) {
        const rel = decodeURIComponent(new URL(url).pathname.slice(base.pathname.length));
        const file = join(dist, rel);
        const path = existsSync(file) && statSync(file).isFile() ? file : join(file, 'index.html');
        if (existsSync(path)) return readFileSync(path);
      }
      return fallback();
    };
    let phase: 'load' | 'first' | 'done' = 'load';
    const loaded: { url: string; type: string; body: Promise<Buffer> }[] = [];
    const firstQueryResponses: { url: string; body: Promise<Buffer> }[] = [];
    page.on('response', (response) => {
      const url = response.url();
      const body = bodyOf(url, () => response.body().catch(() => Buffer.alloc(0)));
      if (phase === 'load') loaded.push({ url, type: response.request().resourceType(), body });
      else if (phase === 'first') firstQueryResponses.push({ url, body });
    });
    const article = articlePath ?? (await firstArticlePath(page, siteUrl));
    loaded.length = 0;
    await page.goto(new URL(article, siteUrl).href, { waitUntil: 'networkidle' });
    const sizeOf = async (items: { body: Promise<Buffer> }[]) => (await Promise.all(items.map((i) => i.body))).reduce((s, b) => s + gzipSize(b), 0);
    const renderBlocking = loaded.filter((r) => r.type === 'document' || r.type === 'stylesheet');
    const scripts = loaded.filter((r) => r.type === 'script');

    phase = 'first';
    const first = await typeAndTime(page, firstQuery);
    await page.waitForLoadState('networkidle');
    phase = 'done';
    const firstQueryRequests = await Promise.all(
      firstQueryResponses.map(async (r) => {
        const body = await r.body;
        return { path: new URL(r.url).pathname, rawBytes: body.length, gzipBytes: gzipSize(body) };
      }),
    );

    const warm: number[] = [];
    for (const q of warmQueries) warm.push((await typeAndTime(page, q)).fromLast);
    return {
      page: article,
      firstQuery,
      firstQueryRequests,
      firstQueryRawBytes: firstQueryRequests.reduce((s, r) => s + r.rawBytes, 0),
      // Pagefind's index files are compressed already; gzip on top is what a host sends for the rest.
      firstQueryGzipBytes: firstQueryRequests.reduce((s, r) => s + Math.min(r.rawBytes, r.gzipBytes), 0),
      firstQueryMs: first.fromFirst,
      firstQueryFromLastKeyMs: first.fromLast,
      warmMedianMs: median(warm),
      warmMaxMs: Math.max(...warm),
      warmQueries,
      articleRenderBlockingGzipBytes: await sizeOf(renderBlocking),
      articleScriptGzipBytes: await sizeOf(scripts),
      articleScripts: scripts.map((s) => new URL(s.url).pathname),
    };
  } finally {
    await browser.close();
  }
}

async function firstArticlePath(page: Page, siteUrl: string): Promise<string> {
  await page.goto(new URL('articles/', siteUrl).href);
  const href = await page.locator('main a[href*="/articles/"]').first().getAttribute('href');
  if (!href) throw new Error(`bench/search: no article link on ${siteUrl}articles/`);
  return href;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Serves `dist` at `base` with scripts/serve-static.ts while `use` runs; `use` gets the site's address. */
export async function withStaticServer<T>(dist: string, base: string, use: (siteUrl: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  // In a process group of its own, so that stopping it also stops the node that npx starts (an orphan would keep
  // the port, and this process's output, open).
  const server = spawn('npx', ['tsx', 'scripts/serve-static.ts', dist, '--base', base, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
      server.on('exit', (code) => reject(new Error(`bench: the static server for ${dist} stopped (${code}).`)));
    });
    return await use(`http://127.0.0.1:${port}${base}`);
  } finally {
    if (server.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

/** Serves `dist` with scripts/serve-static.ts for the duration of the measurement. */
export async function measureSearch({ dist = 'dist', base = '/', ...options }: { dist?: string; base?: string; firstQuery?: string; warmQueries?: string[] } = {}): Promise<SearchBench> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) throw new Error(`bench/search: ${dist}/pagefind/ is missing; build the site first (npm run build).`);
  return withStaticServer(dist, base, (siteUrl) => measureSearchAt(siteUrl, { ...options, dist }));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The figures as lines for a report. */
export function formatSearchBench(b: SearchBench): string[] {
  return [
    `first query "${b.firstQuery}" from ${b.page}: ${b.firstQueryRequests.length} requests, ${kb(b.firstQueryRawBytes)} as served, ${kb(b.firstQueryGzipBytes)} with gzip`,
    ...b.firstQueryRequests.map((r) => `    ${r.path.padEnd(60)} ${kb(r.rawBytes).padStart(9)} ${kb(Math.min(r.rawBytes, r.gzipBytes)).padStart(9)} gzip`),
    `keystroke to results: first query ${b.firstQueryMs.toFixed(0)} ms from its first keystroke (downloads included), ${b.firstQueryFromLastKeyMs.toFixed(0)} ms from its last; then median ${b.warmMedianMs.toFixed(0)} ms, worst ${b.warmMaxMs.toFixed(0)} ms over ${b.warmQueries.length} queries`,
    `article page before any search: HTML + CSS ${kb(b.articleRenderBlockingGzipBytes)} gzip, JavaScript ${kb(b.articleScriptGzipBytes)} gzip (${b.articleScripts.join(', ')})`,
  ];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string', default: '/' } } });
  measureSearch({ dist: positionals[0] ?? 'dist', base: values.base })
    .then((b) => console.log(formatSearchBench(b).join('\n')))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
