/**
 * npm run bench — measures what readers and editors wait for, against the targets below, and prints figures.
 * It builds into dist-bench/ so it leaves dist/ alone.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { articleSlugs, readArticleSource } from '../src/lib/import/article-source.ts';

const TARGETS = {
  buildSeconds: 60,
  articlePageGzipKB: 30,
  scriptGzipKB: 5,
  cleanMsPerArticle: 5,
};

const root = process.cwd();
const out = join(root, 'dist-bench');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gz = (text: string | Buffer) => gzipSync(text).length;

const t0 = performance.now();
execFileSync('npx', ['astro', 'build', '--outDir', out], { stdio: 'ignore' });
const buildSeconds = (performance.now() - t0) / 1000;

const all = files(out);
const total = all.reduce((sum, f) => sum + statSync(f).size, 0);
const css = all.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f));
const cssGzip = css.reduce((s, b) => s + gz(b), 0);
const pages = articleSlugs(root).map((slug) => {
  const html = readFileSync(join(out, 'articles', slug, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return { slug, htmlGzip: gz(html), scriptGzip: scripts.reduce((s, t) => s + gz(t), 0) };
});
const heaviest = pages.reduce((a, b) => (a.htmlGzip > b.htmlGzip ? a : b));

const runs = 50;
const t1 = performance.now();
for (let i = 0; i < runs; i++) for (const slug of articleSlugs(root)) readArticleSource(root, slug);
const cleanMs = (performance.now() - t1) / runs / pages.length;
rmSync(out, { recursive: true, force: true });

const rows: [string, string, string, boolean][] = [
  ['build (astro build, 9 pages)', `${buildSeconds.toFixed(1)} s`, `< ${TARGETS.buildSeconds} s`, buildSeconds < TARGETS.buildSeconds],
  [`heaviest article page (${heaviest.slug}), HTML + CSS gzip`, `${kb(heaviest.htmlGzip + cssGzip)} KB`, `< ${TARGETS.articlePageGzipKB} KB`, (heaviest.htmlGzip + cssGzip) / 1024 < TARGETS.articlePageGzipKB],
  ['page script, gzip', `${kb(Math.max(...pages.map((p) => p.scriptGzip)))} KB`, `< ${TARGETS.scriptGzipKB} KB`, Math.max(...pages.map((p) => p.scriptGzip)) / 1024 < TARGETS.scriptGzipKB],
  ['stylesheet, gzip', `${kb(cssGzip)} KB`, '—', true],
  ['whole site on disk', `${kb(total)} KB in ${all.length} files`, '—', true],
  ['read + clean one raw article', `${cleanMs.toFixed(2)} ms`, `< ${TARGETS.cleanMsPerArticle} ms`, cleanMs < TARGETS.cleanMsPerArticle],
];
console.log('bench: measured on this machine\n');
for (const [what, value, target, ok] of rows) console.log(`${ok ? 'ok  ' : 'MISS'}  ${what.padEnd(58)} ${value.padStart(22)}   target ${target}`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
