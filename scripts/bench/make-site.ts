/**
 * Makes a throw-away copy of the site with N articles (the real ones plus copies of them), for timing the build
 * at scale without touching the repository's content/. node_modules is linked, not copied.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
import { filesUnder } from '../../src/lib/files.ts';

/** What goes into the copy: everything a build reads, nothing it writes. */
const COPIED = ['astro.config.mjs', 'package.json', '.nvmrc', 'tsconfig.json', 'src', 'content', 'public', 'scripts'];

export interface ScaledSite {
  root: string;
  articles: number;
}

/**
 * Copies the site at `repo` into a new folder under the system's temporary directory and fills content/articles
 * up to `total` articles by copying the real ones round-robin as `<slug>-copy-<n>`. Every other file under
 * content/ named after an article (its raw text, its id ledger…) is copied under the new name too, and the copy's
 * frontmatter is pointed at them, so each copy passes the same checks as its original.
 */
export function makeScaledSite(repo: string, total: number): ScaledSite {
  const root = mkdtempSync(join(tmpdir(), 'karabakh-bench-'));
  for (const name of COPIED) {
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(root, name), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');

  const articlesDir = join(root, 'content', 'articles');
  const originals = readdirSync(articlesDir).filter((n) => n.endsWith('.mdx')).sort().map((n) => basename(n, '.mdx'));
  if (originals.length === 0) throw new Error(`${relative(repo, articlesDir)}: no articles to copy.`);
  const contentFiles = filesUnder(join(root, 'content')).filter((f) => !f.startsWith(articlesDir));
  // Per-article companions: content/<folder>/<slug>.<ext>, outside content/articles/.
  const companions = new Map(originals.map((slug) => [slug, contentFiles.filter((f) => basename(f, extname(f)) === slug)]));

  const width = String(total).length;
  for (let n = originals.length; n < total; n++) {
    const slug = originals[n % originals.length] ?? '';
    const copy = `${slug}-copy-${String(n).padStart(width, '0')}`;
    const text = readFileSync(join(articlesDir, `${slug}.mdx`), 'utf8');
    const renames = (companions.get(slug) ?? []).map((file) => ({ file, target: join(file, '..', `${copy}${extname(file)}`) }));
    // Paths to companions (`content/raw/<slug>.txt` in the frontmatter and in the import record) follow the copy.
    const renamePaths = (s: string) => renames.reduce((acc, r) => acc.replaceAll(relative(root, r.file), relative(root, r.target)), s);
    for (const { file, target } of renames) {
      writeFileSync(target, /\.(ya?ml|json|mdx?)$/.test(file) ? renamePaths(readFileSync(file, 'utf8')) : readFileSync(file));
    }
    writeFileSync(join(articlesDir, `${copy}.mdx`), renamePaths(text));
  }
  mkdirSync(join(root, '.bench'), { recursive: true });
  return { root, articles: Math.max(total, originals.length) };
}
