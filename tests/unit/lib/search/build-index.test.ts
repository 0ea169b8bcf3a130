import { describe, expect, it } from 'vitest';
import { noteRecords, pagePath, readPageForIndex, withoutUnindexed } from '../../../../src/lib/search/build-index.ts';
import { namesTable } from '../../../../src/lib/search/index-names.ts';

describe('pagePath', () => {
  it('gives the address a built file is served at, before the base', () => {
    expect(pagePath('/site/dist', '/site/dist/articles/x/index.html')).toBe('/articles/x/');
    expect(pagePath('/site/dist', '/site/dist/index.html')).toBe('/');
    expect(pagePath('/site/dist', '/site/dist/404.html')).toBe('/404.html');
  });
});

describe('noteRecords', () => {
  const page = `<!doctype html><html lang="en"><body><header><h1>Not the title</h1></header>
    <main><article><h1>Cargo at the Lachin corridor</h1>
    <div class="passage" id="p1"><p>Publisher's words.</p></div>
    <aside data-annotation="correction" id="note-blinken-call-date"><p class="label" data-pagefind-ignore>Correction</p>
      <p>The call was on  July 30, 2023.</p><ol data-pagefind-ignore><li>Source list</li></ol></aside>
    <aside data-annotation="" id="note-empty"><p data-pagefind-ignore>Only a label</p></aside>
    <aside id="not-a-note"><p>Something else.</p></aside>
    </article></main></body></html>`;

  it('makes one record per note, linking to its permalink, without the parts marked ignore', () => {
    expect(noteRecords(page, '/articles/cargo/')).toEqual([
      {
        url: '/articles/cargo/#note-blinken-call-date',
        content: 'The call was on July 30, 2023.',
        kind: 'correction',
        number: 1,
        page: 'Cargo at the Lachin corridor',
      },
    ]);
  });

  it('finds nothing on a page without notes', () => {
    expect(noteRecords('<html><body><p>x</p></body></html>', '/about/')).toEqual([]);
  });
});

describe('noteRecords on the notes plugin’s markup', () => {
  it('keeps the note’s words and leaves out its number, permalink, sources and close link', () => {
    const page = `<main><h1>Playing with the fire</h1><div class="passage" id="p"><p>Text.</p><div class="passage-notes">
      <aside class="note" id="note-garabagh" role="note" aria-label="Note 2: context" data-annotation="context">
      <header class="note-head"><span class="note-number">2</span> <span class="note-kind">Context</span> <a class="note-link" href="#note-garabagh">#</a></header>
      <p>"Garabagh" is the spelling used in Azerbaijan's official English.</p>
      <div class="note-sources"><span>Sources:</span><ol><li>Milli Majlis</li></ol></div>
      <p class="note-close"><a href="#p">Close</a></p></aside></div></div></main>`;
    expect(noteRecords(page, '/articles/playing-with-the-fire/')).toEqual([
      {
        url: '/articles/playing-with-the-fire/#note-garabagh',
        content: '"Garabagh" is the spelling used in Azerbaijan\'s official English.',
        kind: 'context',
        number: 2,
        page: 'Playing with the fire',
      },
    ]);
  });
});

describe('readPageForIndex', () => {
  const names = namesTable([{ ref: 'places/stepanakert', name: 'Stepanakert', alternateNames: [{ name: 'Khankendi' }], forms: [] }]);

  it('hands a page with no links and no notes over as it is', () => {
    const html = '<html><body><main data-pagefind-body><p>Background.</p></main></body></html>';
    expect(readPageForIndex(html, '/glossary/x/', names)).toEqual({ html, names: 0, notes: [] });
  });

  it('leaves a page out of the index when it marks no content, but still reads its notes', () => {
    const html = '<html><body><main><h1>Notes</h1><aside id="note-a" data-annotation="context"><p>Ours.</p></aside></main></body></html>';
    const page = readPageForIndex(html, '/notes/', names);
    expect(page.html).toBeUndefined();
    expect(page.notes.map((n) => n.url)).toEqual(['/notes/#note-a']);
  });

  it('adds the other names beside a mention, and reads the notes from the same parse', () => {
    const html =
      '<html><body><main data-pagefind-body><h1>T</h1><div class="passage" id="p"><p>In <a href="/places/stepanakert/" class="entity-link" data-entity="places/stepanakert">Khankendi</a> today.</p>' +
      '<aside id="note-b" data-annotation="claim"><p>Said by Baku.</p></aside></div></main></body></html>';
    const page = readPageForIndex(html, '/articles/t/', names);
    expect(page.names).toBe(1);
    expect(page.html).toContain('data-index-only="places/stepanakert"');
    expect(page.notes).toEqual([{ url: '/articles/t/#note-b', content: 'Said by Baku.', kind: 'claim', number: 1, page: 'T' }]);
  });
});

describe('withoutUnindexed', () => {
  it('leaves out code and our notes, and keeps the publisher’s text, other asides and the filters', () => {
    const page = `<html lang="en"><head><style>p{color:red}</style><script type="application/ld+json">{"a":1}</script></head><body>
      <article data-pagefind-filter="kind:article"><div class="passage" id="p1"><p data-pagefind-body>Publisher’s words.</p>
      <aside class="note" id="note-a" role="note" data-annotation="context"><header>1</header><p>Ours.</p><div class="note-sources"><ol><li>S</li></ol></div></aside>
      <aside id="note-b"><p>Also ours.</p></aside></div><aside id="box"><p>About.</p></aside></article><script type="module">x()</script></body></html>`;
    const out = withoutUnindexed(page);
    expect(out).not.toMatch(/Ours|Also ours|<style|<script|color:red/);
    expect(out).toContain('Publisher’s words.');
    expect(out).toContain('<aside id="box"><p>About.</p></aside>');
    expect(out).toContain('data-pagefind-filter="kind:article"');
  });
});
