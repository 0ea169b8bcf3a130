import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseDocument } from 'yaml';
import { indexDist } from '../../../../scripts/checks/dist-index.ts';
import { checkArticle } from '../../../../scripts/checks/verbatim.ts';
import { readArticleSource } from '../../../../src/lib/import/article-source.ts';
import { importArticle, updateArticle } from '../../../../src/lib/import/import-article.ts';
import { RAW_FIXTURES_DIR, REPO_ROOT, rawTextErrorFrom, tempDir } from '../../helpers.ts';
import { renderArticlePage } from '../../render.ts';

let root: string;
let removeRoot: () => void;
beforeEach(() => {
  ({ dir: root, remove: removeRoot } = tempDir('karabakh-update-'));
});
afterEach(() => removeRoot());

const NOTE = '<Note id="clause-c" kind="context" sources="s1">\nOur words about clause (c).\n</Note>';

function check(slug: string): string[] {
  renderArticlePage(root, slug);
  return checkArticle(indexDist(root, join(root, 'dist'), '/'), readArticleSource(root, slug));
}

function setDecisions(slug: string, decisions: Record<string, unknown>): void {
  const path = join(root, 'content', 'records', `${slug}.yaml`);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  doc.set('decisions', decisions);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

describe('updateArticle applies the decisions in the record', () => {
  it('removes and keeps lines by number, keeping notes, pins and comments, and the page checks out', () => {
    const rawPath = join(root, 'in.txt');
    copyFileSync(join(RAW_FIXTURES_DIR, 'chrome-words.txt'), rawPath);
    const { mdxPath } = importArticle({ rawPath, root, slug: 'cw' });
    const raw = readFileSync(rawPath, 'utf8').split('\n');
    // The editor annotates: a note after paragraph 1, a pin on paragraph 3, a comment above paragraph 4.
    let mdx = readFileSync(mdxPath, 'utf8');
    mdx = mdx.replace(`${raw[6]}\n`, `${raw[6]}\n\n${NOTE}\n`);
    mdx = mdx.replace(`${raw[10]}`, `{/* #views-differ */} ${raw[10]}`);
    mdx = mdx.replace(`${raw[12]}`, `{/* link: Baku -> places/baku */}\n${raw[12]}`);
    writeFileSync(mdxPath, mdx);

    setDecisions('cw', { keep: [15], remove: [9] });
    const result = updateArticle(root, 'cw');
    expect(result.articleChanged).toBe(true);
    const after = readFileSync(mdxPath, 'utf8');
    expect(after).toContain(`${raw[6]}\n\n${NOTE}\n`);
    expect(after).toContain(`{/* #views-differ */} ${raw[10]}`);
    expect(after).toContain(`{/* link: Baku -> places/baku */}\n${raw[12]}`);
    expect(after).not.toContain(raw[8]);
    expect(after.trimEnd().endsWith(`${raw[12]}\n\nShare this`)).toBe(true);
    // The frontmatter is untouched.
    expect(after.slice(0, after.indexOf('\n---\n'))).toBe(mdx.slice(0, mdx.indexOf('\n---\n')));

    const record = parseYaml(readFileSync(join(root, 'content', 'records', 'cw.yaml'), 'utf8'));
    expect(record.decisions).toEqual({ keep: [15], remove: [9] });
    expect(record.lines[9]).toMatchObject({ removed: 'removed by the editor (decisions.remove)' });
    expect(record.lines[15]).toMatchObject({ paragraph: 4, text: 'Share this' });
    expect(result.report.join('\n')).toMatch(/Removed the paragraph at line 9/);
    expect(check('cw')).toEqual([]);
  });

  it('is a no-op on the article when nothing changed', () => {
    const rawPath = join(root, 'in.txt');
    copyFileSync(join(RAW_FIXTURES_DIR, 'separators.txt'), rawPath);
    const { mdxPath } = importArticle({ rawPath, root, slug: 'sep' });
    const before = readFileSync(mdxPath, 'utf8');
    expect(updateArticle(root, 'sep').articleChanged).toBe(false);
    expect(readFileSync(mdxPath, 'utf8')).toBe(before);
  });

  it('creates the record of an article imported before records, leaving its MDX unchanged', () => {
    const slug = 'tension-escalating-in-azerbaijan';
    for (const dir of ['articles', 'raw']) mkdirSync(join(root, 'content', dir), { recursive: true });
    // As it was before records: the headline's line was kept in the frontmatter.
    const article = readFileSync(join(REPO_ROOT, 'content', 'articles', `${slug}.mdx`), 'utf8');
    writeFileSync(join(root, 'content', 'articles', `${slug}.mdx`), article.replace(/(\n {2}raw: [^\n]+)/, '$1\n  titleLine: 1'));
    copyFileSync(join(REPO_ROOT, 'content', 'raw', `${slug}.txt`), join(root, 'content', 'raw', `${slug}.txt`));
    const before = readFileSync(join(root, 'content', 'articles', `${slug}.mdx`), 'utf8');
    const result = updateArticle(root, slug);
    expect(result.articleChanged).toBe(false);
    expect(readFileSync(join(root, 'content', 'articles', `${slug}.mdx`), 'utf8')).toBe(before);
    const record = readFileSync(join(root, 'content', 'records', `${slug}.yaml`), 'utf8');
    expect(record).toBe(readFileSync(join(REPO_ROOT, 'content', 'records', `${slug}.yaml`), 'utf8'));
  });

  it('refuses when paragraphs were added or deleted by hand, saying how to do it instead', () => {
    const rawPath = join(root, 'in.txt');
    copyFileSync(join(RAW_FIXTURES_DIR, 'separators.txt'), rawPath);
    const { mdxPath } = importArticle({ rawPath, root, slug: 'sep' });
    writeFileSync(mdxPath, `${readFileSync(mdxPath, 'utf8')}\nA paragraph of ours, added by hand.\n`);
    const error = rawTextErrorFrom(() => updateArticle(root, 'sep'));
    expect(error.message).toMatch(/content\/articles\/sep\.mdx: has 8 paragraph\(s\), but content\/records\/sep\.yaml records 7/);
    expect(error.message).toMatch(/npm run import -- --update sep/);
  });
});
