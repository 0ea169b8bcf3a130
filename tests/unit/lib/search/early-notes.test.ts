import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_HTML_DIR } from '../../../../src/lib/article-html.ts';
import { SearchIndexBuilder } from '../../../../src/lib/search/build-index.ts';
import { earlyNoteRecords } from '../../../../src/lib/search/early-notes.ts';
import { notesOf } from '../../../../src/lib/search/index-copy.ts';
import { tempDir } from '../../helpers.ts';

const TITLE = 'Cargo & "aid" <at> the corridor';
const BODY = `<div class="passage" id="p1"><p>Publisher’s words.</p><aside class="note" id="note-a" data-annotation="claim"><header class="note-head">1</header><p>Our words &amp; more.</p></aside></div>`;
/** The article page as the site builds it: the loader's HTML under the title's <h1>. */
const PAGE = `<html lang="en"><body><header><h1>Site</h1></header><main><article><h1 lang="en" data-pagefind-body>Cargo &amp; "aid" &lt;at&gt; the corridor</h1>${BODY}</article></main></body></html>`;

function site(): { root: string; cache: string; dist: string; remove: () => void } {
  const { dir, remove } = tempDir();
  mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
  mkdirSync(join(dir, 'cache', ARTICLE_HTML_DIR), { recursive: true });
  mkdirSync(join(dir, 'dist', 'articles', 'cargo'), { recursive: true });
  writeFileSync(join(dir, 'content', 'articles', 'cargo.mdx'), `---\ntitle: ${JSON.stringify(TITLE)}\n---\n\nText.\n`);
  writeFileSync(join(dir, 'cache', ARTICLE_HTML_DIR, 'cargo.html'), BODY);
  writeFileSync(join(dir, 'dist', 'articles', 'cargo', 'index.html'), PAGE);
  return { root: dir, cache: join(dir, 'cache'), dist: join(dir, 'dist'), remove };
}

describe('earlyNoteRecords', () => {
  it('makes the records notesOf makes from the built page', () => {
    const s = site();
    try {
      const early = earlyNoteRecords(s.root, s.cache);
      expect(early).toEqual(notesOf(PAGE, '/articles/cargo/'));
      expect(early?.[0]?.page).toBe(TITLE);
    } finally {
      s.remove();
    }
  });

  it('gives nothing when an article’s HTML is not in the cache', () => {
    const s = site();
    try {
      expect(earlyNoteRecords(s.root, join(s.root, 'elsewhere'))).toBeUndefined();
    } finally {
      s.remove();
    }
  });
});

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[] | undefined>;
  anchors: { element: string; id: string; location: number }[];
}

/** The records of a written Pagefind bundle, as the browser reads them (gzip, after Pagefind's signature). */
function fragments(bundle: string): Fragment[] {
  const dir = join(bundle, 'fragment');
  return readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment);
}

/** Runs `use` with an index builder on a fresh site, then stops Pagefind and removes the site. */
async function withBuilder(use: (builder: SearchIndexBuilder, s: ReturnType<typeof site>) => Promise<void>): Promise<void> {
  const s = site();
  try {
    await use(await SearchIndexBuilder.start(s.root), s);
  } finally {
    await SearchIndexBuilder.close();
    s.remove();
  }
}

describe('SearchIndexBuilder', () => {
  it('takes notes early and checks them against the pages', () =>
    withBuilder(async (builder, s) => {
      await builder.addNotes(earlyNoteRecords(s.root, s.cache) ?? []);
      expect(await builder.finish(s.dist)).toMatchObject({ pages: 1, notes: 1, early: 1 });
    }));

  it('indexes a page’s notes as one record whose anchors are the notes, given early or not', async () => {
    for (const early of [true, false]) {
      await withBuilder(async (builder, s) => {
        if (early) await builder.addNotes(earlyNoteRecords(s.root, s.cache) ?? []);
        await builder.finish(s.dist);
        const records = fragments(join(s.dist, 'pagefind'));
        const notes = records.find((r) => r.filters.kind?.includes('note'));
        expect(notes, `early: ${String(early)}`).toMatchObject({
          url: '/articles/cargo/#note-a',
          content: 'Our words & more.',
          meta: { title: `Our notes on “${TITLE}”`, notes: '1:claim' },
          anchors: [{ element: 'section', id: 'note-a', location: 0 }],
        });
        // The article's own record (here only its headline is marked for the index) holds none of our words.
        const article = records.find((r) => r.url === '/articles/cargo/');
        expect(article?.content).toContain('the corridor');
        expect(article?.content).not.toContain('Our words');
      });
    }
  });

  it('fails when a note given early differs from its page', () =>
    withBuilder(async (builder, s) => {
      const [record] = earlyNoteRecords(s.root, s.cache) ?? [];
      await builder.addNotes([{ ...record!, content: 'Other words.' }]);
      await expect(builder.finish(s.dist)).rejects.toThrow(/the notes of \/articles\/cargo\/ were indexed before rendering \(1\) differently from its page \(1\): .*Other words/);
    }));

  it('fails when a note given early is on no page', () =>
    withBuilder(async (builder, s) => {
      const [record] = earlyNoteRecords(s.root, s.cache) ?? [];
      await builder.addNotes([record!, { ...record!, url: '/articles/gone/#note-a' }]);
      await expect(builder.finish(s.dist)).rejects.toThrow('notes indexed before rendering are on no page: /articles/gone/');
    }));
});
