import { readFileSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleHtml } from '../../../src/lib/article-html.ts';
import { renderSignature } from '../../../src/lib/article-loader.ts';
import { articleBody, renderArticle } from '../../../src/lib/article-render.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import type { PassageRecord } from '../../../src/lib/passages.ts';
import type { NoteRecord } from '../../../src/lib/notes.ts';
import { REPO_ROOT, tempDir } from '../helpers.ts';

const PATH = join(REPO_ROOT, 'content/articles/cargo-at-the-lachin-corridor.mdx');
const TEXT = readFileSync(PATH, 'utf8');

describe('articleBody', () => {
  it('blanks the frontmatter but keeps its lines, so positions are the file’s own', () => {
    const body = articleBody('---\ntitle: "A"\n---\n\nText.\n');
    expect(body).toBe('   \n          \n   \n\nText.\n');
    expect(body.split('\n').indexOf('Text.')).toBe(4);
  });
  it('leaves a file without frontmatter as it is', () => {
    expect(articleBody('Text.\n')).toBe('Text.\n');
  });
});

describe('renderArticle', () => {
  it('renders the publisher’s text and our notes to HTML and keeps the plugins’ records with the frontmatter', async () => {
    const { html, metadata } = await renderArticle(PATH, TEXT, { title: 'kept' });
    const passages = metadata.frontmatter['passages'] as PassageRecord[];
    const notes = metadata.frontmatter['notes'] as NoteRecord[];
    expect(metadata.frontmatter['title']).toBe('kept');
    expect(passages.length).toBeGreaterThan(5);
    expect(notes.length).toBeGreaterThan(5);
    expect(metadata.frontmatter['entityMentions']).toBeInstanceOf(Array);
    for (const p of passages) expect(html).toContain(`id="${p.id}"`);
    for (const n of notes) expect(html).toContain(`id="${n.htmlId}"`);
    // No MDX is left over, and no script: the article is HTML only.
    expect(html).not.toMatch(/<Note\b|<script/);
  });

  it('gives each passage its line in the file', async () => {
    const { metadata } = await renderArticle(PATH, TEXT, {});
    const lines = TEXT.split('\n');
    for (const p of metadata.frontmatter['passages'] as PassageRecord[]) {
      expect(lines[p.line - 1]?.slice(0, 20)).toBe(p.text.slice(0, 20));
    }
  });

  it('renders an editor’s {/* comment */} as nothing, as compiled MDX does, in a paragraph or as a block', async () => {
    const plain = await renderArticle(PATH, TEXT, {});
    const split = splitFrontmatter(TEXT)!;
    const at = TEXT.slice(0, split.bodyOffset).split('\n').length;
    const lines = TEXT.split('\n');
    // A block on a line of its own, before the first paragraph, and one at the end of the file.
    lines.splice(at, 0, '{/* checked against the raw copy, 2026 */}', '');
    lines.push('', '{/* end */}');
    const commented = await renderArticle(PATH, lines.join('\n'), {});
    expect(commented.html).toBe(plain.html);
    expect(commented.html).not.toContain('checked against');
  });

  it.each([
    ['{1 + 1}', 'a {…} expression'],
    ['export const x = 1', 'an import or export statement'],
    ['<Figure src="x" />', 'an element <Figure>'],
  ])('fails on %s in the body, naming the file and line', async (code, what) => {
    const split = splitFrontmatter(TEXT)!;
    const lines = TEXT.split('\n');
    // After the frontmatter and before the first paragraph, as a block of its own.
    const at = TEXT.slice(0, split.bodyOffset).split('\n').length;
    lines.splice(at, 0, code, '');
    await expect(renderArticle(PATH, lines.join('\n'), {})).rejects.toThrow(`${PATH}:${at + 1}: ${what}`);
  });
});

describe('renderSignature', () => {
  it('changes when other content or the rendering code changes, and not otherwise', () => {
    const { dir, remove } = tempDir();
    try {
      for (const d of ['content/articles', 'content/people', 'src/plugins', 'src/lib']) mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, 'content/articles/a.mdx'), 'A');
      writeFileSync(join(dir, 'content/people/p.md'), 'P');
      writeFileSync(join(dir, 'src/plugins/x.ts'), 'X');
      const before = renderSignature(dir);
      expect(renderSignature(dir)).toBe(before);
      // An article's own changes are in its own digest, not in everyone's.
      writeFileSync(join(dir, 'content/articles/a.mdx'), 'AA');
      expect(renderSignature(dir)).toBe(before);
      writeFileSync(join(dir, 'content/people/p.md'), 'PP');
      const afterEntry = renderSignature(dir);
      expect(afterEntry).not.toBe(before);
      utimesSync(join(dir, 'src/plugins/x.ts'), new Date(1000), new Date(1000));
      expect(renderSignature(dir)).not.toBe(afterEntry);
    } finally {
      remove();
    }
  });
});

describe('articleHtml', () => {
  it('reads the HTML the loader wrote, from the path in the entry', () => {
    const { dir, remove } = tempDir();
    try {
      writeFileSync(join(dir, 'a.html'), '<p>Text.</p>');
      expect(articleHtml({ id: 'a', rendered: { metadata: { htmlFile: join(dir, 'a.html') } } })).toBe('<p>Text.</p>');
    } finally {
      remove();
    }
  });
  it('says what to do when the file is missing', () => {
    expect(() => articleHtml({ id: 'a', filePath: 'content/articles/a.mdx', rendered: { metadata: { htmlFile: '/nowhere/a.html' } } })).toThrow(
      /content\/articles\/a\.mdx: the article's rendered HTML is missing \(\/nowhere\/a\.html\)\. Delete Astro's cache/,
    );
    expect(() => articleHtml({ id: 'a' })).toThrow(/^a: the article's rendered HTML is missing\./);
  });
});
