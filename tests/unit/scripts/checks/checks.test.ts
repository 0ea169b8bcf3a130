/**
 * The post-build checks on small fake builds: an article imported into a temporary root, rendered with the
 * site's passage plugins (tests/unit/render.ts), then changed the ways an editor might break it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexDist, indexHtml } from '../../../../scripts/checks/dist-index.ts';
import { duplicateIds } from '../../../../scripts/checks/duplicate-ids.ts';
import { checkLedger } from '../../../../scripts/checks/ledger.ts';
import { links } from '../../../../scripts/checks/links.ts';
import { resources } from '../../../../scripts/checks/resources.ts';
import { checkArticle } from '../../../../scripts/checks/verbatim.ts';
import { readArticleSource } from '../../../../src/lib/import/article-source.ts';
import { importArticle } from '../../../../src/lib/import/import-article.ts';
import { addToLedger } from '../../../../src/lib/ledger.ts';
import { RAW_FIXTURES_DIR, tempDir } from '../../helpers.ts';
import { renderArticlePage } from '../../render.ts';

let root: string;
let removeRoot: () => void;
const SLUG = 'sep';
const mdxPath = () => join(root, 'content', 'articles', `${SLUG}.mdx`);
const ledgerPath = () => join(root, 'content', 'ledger', `${SLUG}.yaml`);

beforeEach(() => {
  ({ dir: root, remove: removeRoot } = tempDir('karabakh-checks-'));
  const rawPath = join(root, 'in.txt');
  copyFileSync(join(RAW_FIXTURES_DIR, 'separators.txt'), rawPath);
  importArticle({ rawPath, root, slug: SLUG });
});
afterEach(() => removeRoot());

function index() {
  renderArticlePage(root, SLUG);
  return indexDist(root, join(root, 'dist'), '/');
}
const verbatim = () => checkArticle(index(), readArticleSource(root, SLUG));
function editMdx(edit: (text: string) => string): void {
  writeFileSync(mdxPath(), edit(readFileSync(mdxPath(), 'utf8')));
}
function writeLedger(): void {
  const ids = index().pageAt(`/articles/${SLUG}/`)?.ledgerIds ?? [];
  mkdirSync(join(root, 'content', 'ledger'), { recursive: true });
  writeFileSync(ledgerPath(), addToLedger(undefined, ids));
}

describe('verbatim: the page against the record and the raw file', () => {
  it('passes an untouched import', () => {
    expect(verbatim()).toEqual([]);
  });

  it('fails on one changed character, naming the passage, the raw line and the character', () => {
    editMdx((t) => t.replace('August heat', 'august heat'));
    const [problem, ...rest] = verbatim();
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/articles\/sep\.mdx: passage 1 \(#the-first-scene-is-at-the\) differs from content\/raw\/sep\.txt:3 at character 75: the page has "[^"]*august heat/);
  });

  it('fails on a paragraph of ours among the publisher’s, and on a lost one', () => {
    editMdx((t) => `${t}\nA paragraph of ours.\n`);
    expect(verbatim()[0]).toMatch(/passage 8 \("A paragraph of ours\."\) is not in content\/records\/sep\.yaml, which lists 7/);
    editMdx((t) => t.replace(/\nThe end of the road[^\n]*\n/, '\n'));
    expect(verbatim().join('\n')).toMatch(/differs from content\/raw\/sep\.txt:15/);
  });

  it('ignores notes before, inside and after a paragraph, and counts the text of links inside it', () => {
    editMdx((t) =>
      t
        .replace('The first scene', '<Note id="before" kind="context" sources="s">\nOurs.\n</Note>\n\nThe first scene')
        .replace('wait for hours', 'wait <Note id="inside" kind="context" sources="s">ours</Note> for hours')
        .replace('before they may pass.', 'before they may [pass](#passage).\n\n<Note id="after" kind="context" sources="s">\nOurs.\n</Note>'),
    );
    expect(verbatim()).toEqual([]);
    const page = index().pageAt(`/articles/${SLUG}/`);
    expect(page?.ledgerIds).toEqual(expect.arrayContaining(['note-before', 'note-inside', 'note-after']));
  });

  it('fails with both line numbers when the raw file no longer matches its record', () => {
    const raw = join(root, 'content', 'raw', `${SLUG}.txt`);
    writeFileSync(raw, readFileSync(raw, 'utf8').replace('August heat', 'august heat'));
    const problems = verbatim();
    expect(problems[0]).toMatch(/^content\/records\/sep\.yaml:14: raw line 3 differs from content\/raw\/sep\.txt:3 at character 75: the record has "[^"]*August heat[^"]*", the raw file "[^"]*august heat/);
  });

  it('fails when a raw line is missing from the record', () => {
    const record = join(root, 'content', 'records', `${SLUG}.yaml`);
    writeFileSync(record, readFileSync(record, 'utf8').replace(/\n {2}5: [^\n]*/, ''));
    expect(verbatim()).toContain(
      'content/raw/sep.txt:5: this line is not in content/records/sep.yaml, so nothing says whether it is shown ("* * *"). Re-run npm run import -- --update sep to record it.',
    );
  });
});

describe('ledger: published ids stay published', () => {
  const check = () => checkLedger(index(), SLUG);

  it('asks for a ledger, then passes once npm run ledger wrote it', () => {
    expect(check()[0]).toMatch(/^content\/ledger\/sep\.yaml: missing; .*Run `npm run ledger`/);
    writeLedger();
    expect(check()).toEqual([]);
  });

  it('fails naming the id and the file when a paragraph’s opening words change', () => {
    writeLedger();
    editMdx((t) => t.replace('The first scene is at', 'The first scene was at'));
    const problems = check();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/ledger\/sep\.yaml:\d+: the id "the-first-scene-is-at-the" was published on \/articles\/sep\/ but is gone from it \(content\/articles\/sep\.mdx\) \(the page has new id\(s\) "the-first-scene-was-at-the"\)/);
    expect(problems[1]).toMatch(/carries the id "the-first-scene-was-at-the", which the ledger lacks\. Run `npm run ledger`/);
  });

  it('passes when the old id is mapped, and lands the old id inside the new passage', () => {
    writeLedger();
    editMdx((t) => t.replace('The first scene is at', 'The first scene was at'));
    writeFileSync(ledgerPath(), addToLedger(readFileSync(ledgerPath(), 'utf8'), ['the-first-scene-was-at-the']).replace('moved: {}', 'moved:\n  the-first-scene-is-at-the: the-first-scene-was-at-the'));
    expect(check()).toEqual([]);
    const page = index().pageAt(`/articles/${SLUG}/`);
    expect(page?.oldIds).toEqual([{ id: 'the-first-scene-is-at-the', within: 'the-first-scene-was-at-the' }]);
    const html = readFileSync(join(root, 'dist', 'articles', SLUG, 'index.html'), 'utf8');
    expect(html).toMatch(/<div class="passage" id="the-first-scene-was-at-the"[^>]*><span class="passage-old-id" id="the-first-scene-is-at-the"><\/span>/);
  });

  it('keeps an editor’s pin: pinning the old id back also passes', () => {
    writeLedger();
    editMdx((t) => t.replace('The first scene is at', '{/* #the-first-scene-is-at-the */} The first scene was at'));
    expect(check()).toEqual([]);
  });

  it('treats note ids like passage ids, with no code of their own', () => {
    writeLedger();
    editMdx((t) => t.replace('The first scene', '<Note id="road" kind="context" sources="s">\nOurs.\n</Note>\n\nThe first scene'));
    expect(check()).toEqual([expect.stringMatching(/carries the id "note-road", which the ledger lacks/)]);
  });
});

describe('page-wide checks', () => {
  function page(html: string, path = 'index.html'): ReturnType<typeof indexDist> {
    const file = join(root, 'dist', path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, html);
    return indexDist(root, join(root, 'dist'), '/');
  }

  it('finds a repeated id, a broken link, a missing fragment and a foreign resource', () => {
    const idx = page(
      '<!doctype html><html><head><script src="https://cdn.example/x.js"></script></head><body>' +
        '<p id="a"></p><p id="a"></p><a href="/nowhere/">x</a><a href="/#b:~:text=x">y</a><a href="/#a">ok</a>' +
        '<noscript><a href="/also-nowhere/">for readers without JavaScript</a></noscript></body></html>',
    );
    expect(duplicateIds.run(idx)).toEqual(['dist/index.html: the id "a" is used more than once on the page.']);
    expect(links.run(idx)).toEqual([
      'dist/index.html: broken link /nowhere/ (no page at /nowhere/).',
      'dist/index.html: link /#b:~:text=x names #b, which is not on /.',
      'dist/index.html: broken link /also-nowhere/ (no page at /also-nowhere/).',
    ]);
    expect(resources.run(idx)).toEqual(['dist/index.html: <script> loads https://cdn.example/x.js from another origin; keep every resource on the site.']);
  });

  it('leaves out the search bundle, which Pagefind writes while the check runs, but not a folder of that name deeper down', () => {
    mkdirSync(join(root, 'dist', 'pagefind'), { recursive: true });
    writeFileSync(join(root, 'dist', 'pagefind', 'pagefind-ui.css'), 'p{}');
    writeFileSync(join(root, 'dist', 'pagefind', 'stray.html'), '<p>x</p>');
    page('<p>deeper</p>', 'places/pagefind/index.html');
    const idx = page('<p>home</p>');
    expect(idx.pages.map((p) => p.file).sort()).toEqual(['dist/index.html', 'dist/places/pagefind/index.html']);
    expect(idx.stylesheets).toEqual([]);
  });
});

describe('indexHtml', () => {
  it('reads the page as a browser with JavaScript off builds it', () => {
    const page = indexHtml(
      '<!doctype html><html lang="en"><head><link rel="stylesheet" href="/s.css"></head><body>' +
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><use href="#icon"/></svg><a href="/after-svg/?a=1&amp;b=2">x</a>' +
        '<noscript><a href="/noscript/">y</a></noscript><template><a href="/template/">z</a></template>' +
        '<h1>Head<aside id="note-h">ours</aside>line</h1>' +
        '<div class="passage" id="p1"><p>One <a href="/x/">two</a> <span data-editorial id="note-a">Our words.</span> three.</p></div>' +
        // An <aside> cannot be inside a paragraph: its start tag closes the <p>, as in a browser.
        '<div class="passage" id="p2"><p>Four <aside id="note-b">ours</aside> five.</p></div>' +
        '<img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x" alt=""></body></html>',
      'dist/x/index.html',
      '/x/',
    );
    // An SVG element closed by "/>" holds nothing: the link after the drawing is the page's, not the path's.
    expect(page.links).toEqual(['/after-svg/?a=1&b=2', '/noscript/', '/template/', '/x/']);
    expect(page.resources.map((r) => `${r.tag} ${r.value}`)).toEqual(['link /s.css', 'use #icon', 'img /i.png', 'img /i-1.png', 'img /i-2.png']);
    expect(page.ids).toEqual(['note-h', 'p1', 'note-a', 'p2', 'note-b']);
    expect(page.ledgerIds).toEqual(['note-h', 'p1', 'note-a', 'p2', 'note-b']);
    expect(page.h1).toEqual(['Headline']);
    // Our words are cut out of the publisher's sentence, with one of the two spaces around them.
    expect(page.passages).toEqual([
      { id: 'p1', text: 'One two three.' },
      { id: 'p2', text: 'Four ' },
    ]);
  });
});
