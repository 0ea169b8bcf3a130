import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes as MdastNodes } from 'mdast';
import type {} from 'mdast-util-mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { NoteCatalogue } from '../../../src/lib/notes-catalogue.ts';
import { NoteError, type NoteRecord } from '../../../src/lib/notes.ts';
import { rehypeNotes } from '../../../src/plugins/rehype-notes.ts';
import { rehypePassageAnchors } from '../../../src/plugins/rehype-passage-anchors.ts';
import { remarkNotes } from '../../../src/plugins/remark-notes.ts';
import { remarkPassageIds } from '../../../src/plugins/remark-passage-ids.ts';
import { remarkPlugins, rehypePlugins } from '../../../src/plugins/index.ts';
import { REPO_ROOT } from '../helpers.ts';

const CWD = '/x';
const ARTICLE = '/x/content/articles/a.mdx';
const GOLDEN = join(REPO_ROOT, 'tests/unit/golden/notes');

/** Two sources, a person with a page and a body without (names are shown plain until their pages exist). */
const CATALOGUE: NoteCatalogue = {
  source: (id) =>
    ({
      'src-a': { id: 'src-a', title: 'A report & its "title"', publisher: 'Agency A', url: 'https://a.example/report?x=1&y=2' },
      'src-b': { id: 'src-b', title: '[Our description of a page]', publisher: 'Outlet B', url: 'https://b.example/page', date: '2023-07-31' },
    })[id],
  entity: (ref) =>
    ({
      'people/nikol-pashinyan': { name: 'Nikol Pashinyan', href: '/people/nikol-pashinyan/' },
      'organizations/azerbaijan-foreign-ministry': { name: 'Ministry of Foreign Affairs of Azerbaijan' },
    })[ref],
};

const MDX_NODE_TYPES: Array<MdastNodes['type']> = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];
const isArticle = (path: string) => path.includes('/content/articles/');

/** As Astro runs it (see tests/unit/plugins/passages.test.ts): passage ids, notes, rehype-raw, anchors, notes placed. */
function pipeline(options: { notes?: boolean } = {}) {
  const withNotes = options.notes ?? true;
  const p = unified().use(remarkParse).use(remarkMdx).use(remarkPassageIds, { include: isArticle });
  if (withNotes) p.use(remarkNotes, { include: isArticle, catalogue: () => CATALOGUE, pagePath: () => '/articles/a/' });
  p.use(remarkRehype, { passThrough: MDX_NODE_TYPES }).use(rehypeRaw, { passThrough: MDX_NODE_TYPES }).use(rehypePassageAnchors);
  if (withNotes) p.use(rehypeNotes);
  return p.use(rehypeStringify);
}

async function render(value: string, path = ARTICLE) {
  const file = await pipeline().process({ path, cwd: CWD, value });
  return { html: String(file), notes: file.data.notes ?? [], passages: file.data.passages ?? [] };
}

async function errorOf(value: string): Promise<Error> {
  try {
    await render(value);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the notes to be refused');
}

describe('remark-notes + rehype-notes: golden cases in tests/unit/golden/notes/<case>/', () => {
  for (const name of readdirSync(GOLDEN).sort()) {
    const dir = join(GOLDEN, name);
    const input = readFileSync(join(dir, 'input.mdx'), 'utf8');
    const errorFile = join(dir, 'expected-error.txt');
    if (existsSync(errorFile)) {
      it(`${name}: the build fails with file, line and what to fix`, async () => {
        const error = await errorOf(input);
        expect(error).toBeInstanceOf(NoteError);
        expect(error.message).toBe(readFileSync(errorFile, 'utf8').trim());
      });
      continue;
    }
    it(`${name}: renders as expected.html`, async () => {
      const { html } = await render(input);
      const expectedFile = join(dir, 'expected.html');
      // UPDATE_GOLDEN=1 rewrites the expectation; review the diff before committing.
      if (process.env['UPDATE_GOLDEN']) writeFileSync(expectedFile, html);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

/** The publisher's paragraphs as rendered: the text of each `.passage > p`. */
function passageTexts(html: string): string[] {
  return [...html.matchAll(/<div class="passage" id="[^"]+" data-passage-index="\d+"><p>(.*?)<\/p>/gs)].map((m) =>
    (m[1] ?? '').replace(/<[^>]*>/g, ''),
  );
}

describe('notes never change the publisher’s text', () => {
  for (const name of readdirSync(GOLDEN).filter((n) => !n.startsWith('error-'))) {
    it(`${name}: same passages, same ids, same text as without the notes`, async () => {
      const input = readFileSync(join(GOLDEN, name, 'input.mdx'), 'utf8');
      const withNotes = await pipeline().process({ path: ARTICLE, cwd: CWD, value: input });
      // The same article with every note taken out.
      const bare = input.replace(/<Note[\s\S]*?<\/Note>\n*/g, '');
      const without = await pipeline({ notes: false }).process({ path: ARTICLE, cwd: CWD, value: bare });
      // Lines move when notes are taken out; everything else about the passages stays.
      const ids = (passages: { line: number }[] | undefined) => passages?.map(({ line: _line, ...rest }) => rest);
      expect(ids(withNotes.data.passages)).toEqual(ids(without.data.passages));
      expect(passageTexts(String(withNotes))).toEqual(passageTexts(String(without)));
      expect(passageTexts(String(withNotes)).length).toBeGreaterThan(0);
    });
  }
});

describe('note records (remarkPluginFrontmatter.notes)', () => {
  it('records id, page id, kind, number, passage, phrase, sources, claimants, excerpt and line, in order', async () => {
    const { notes } = await render(readFileSync(join(GOLDEN, 'several-notes-one-passage', 'input.mdx'), 'utf8'));
    expect(notes).toEqual<NoteRecord[]>([
      {
        id: 'convoy',
        htmlId: 'note-convoy',
        kind: 'context',
        number: 1,
        passage: 'armenia-sent-trucks-and-azerbaijan-regarded',
        sources: ['src-a'],
        by: [],
        excerpt: 'The convoy left Yerevan on 26 July 2023.',
        line: 3,
      },
      {
        id: 'convoy-views',
        htmlId: 'note-convoy-views',
        kind: 'claim',
        number: 2,
        passage: 'armenia-sent-trucks-and-azerbaijan-regarded',
        on: 'a challenge to its territorial integrity',
        sources: ['src-a', 'src-b'],
        by: ['organizations/azerbaijan-foreign-ministry', 'people/nikol-pashinyan'],
        excerpt: 'Both sides in their own words.',
        line: 7,
      },
    ]);
  });

  it('has no passage for a note about the whole text, and joins the paragraphs of a note in its excerpt', async () => {
    const { notes } = await render(readFileSync(join(GOLDEN, 'whole-text-note', 'input.mdx'), 'utf8'));
    expect(notes[0]?.passage).toBeUndefined();
    expect(notes[0]?.excerpt).toBe('The stored copy carries no date. Its dating rests on the events it mentions.');
  });

  it('gives each note the id note-<id> and nothing else an id starting with note-', async () => {
    const { html } = await render(readFileSync(join(GOLDEN, 'several-notes-one-passage', 'input.mdx'), 'utf8'));
    expect([...html.matchAll(/ id="(note-[^"]*)"/g)].map((m) => m[1])).toEqual(['note-convoy', 'note-convoy-views']);
  });

  it('leaves files outside content/articles alone, and refuses notes there', async () => {
    const page = await pipeline().process({ path: '/x/src/pages/about.mdx', cwd: CWD, value: 'Just text.\n' });
    expect(String(page)).toBe('<p>Just text.</p>');
    await expect(
      pipeline().process({ path: '/x/src/pages/about.mdx', cwd: CWD, value: 'Text.\n\n<Note id="x" kind="context" sources="src-a">\nA.\n</Note>\n' }),
    ).rejects.toThrow('src/pages/about.mdx:3: <Note> is only for articles in content/articles/.');
  });
});

describe('the site’s pipeline (src/plugins/index.ts)', () => {
  it('runs remark-notes after remark-passage-ids and rehype-notes after rehype-passage-anchors', () => {
    const remarkNames = remarkPlugins.map((p) => (Array.isArray(p) ? p[0] : p)).map((f) => (f as { name: string }).name);
    const rehypeNames = rehypePlugins.map((p) => (Array.isArray(p) ? p[0] : p)).map((f) => (f as { name: string }).name);
    expect(remarkNames.indexOf('remarkNotes')).toBeGreaterThan(remarkNames.indexOf('remarkPassageIds'));
    expect(rehypeNames.indexOf('rehypeNotes')).toBeGreaterThan(rehypeNames.indexOf('rehypePassageAnchors'));
  });
});
