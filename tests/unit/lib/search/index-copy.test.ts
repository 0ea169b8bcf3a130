import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { noteRecords, pageForIndex } from '../../../../src/lib/search/build-index.ts';
import { decodeHtml, htmlText, notesOf, withIndexNames } from '../../../../src/lib/search/index-copy.ts';
import { namesTable } from '../../../../src/lib/search/index-names.ts';

const table = namesTable([
  { ref: 'places/stepanakert', name: 'Stepanakert / Khankendi', alternateNames: [{ name: 'Xankəndi' }], forms: ['Stepanakert', 'Khankendi'] },
  { ref: 'places/aghdam', name: 'Aghdam', alternateNames: [{ name: 'Ağdam' }], forms: ['Aghdam'] },
  { ref: 'places/aghdam-khankendi-road', name: 'Aghdam–Khankendi road', alternateNames: [], forms: ['Aghdam-Khankendi road'] },
  { ref: 'people/ilham-aliyev', name: 'Ilham Aliyev', alternateNames: [{ name: 'İlham Əliyev' }], forms: ['Aliyev', 'Ilham Aliyev'] },
]);

const link = (ref: string, text: string) => `<a href="/${ref}/" class="entity-link" data-entity="${ref}">${text}</a>`;
const page = (...paragraphs: string[]) =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title><style>p{}</style></head><body><main><article data-pagefind-body><h1>Title &amp; more</h1>` +
  paragraphs.map((p, i) => `<div class="passage" id="p${i}" data-passage-index="${i}"><p>${p}</p><div class="passage-notes"></div></div>`).join('\n') +
  `</article></main></body></html>`;
const same = (html: string) => String(unified().use(rehypeParse).use(rehypeStringify).processSync(html));

describe('index-copy: the string version gives what the tree version gives', () => {
  const cases: [string, string][] = [
    ['a possessive tail stays one word', page(`${link('people/ilham-aliyev', 'Aliyev')}&#39;s office and ${link('places/stepanakert', 'Khankendi')}’s mayor`)],
    ['a link followed by a tag, inside a mark', page(`<a href="#note-x" class="note-anchor"><mark class="note-mark">near ${link('places/stepanakert', 'Khankendi')}</mark></a> today`)],
    ['entries named inside a mention', page(`on the ${link('places/aghdam-khankendi-road', 'Aghdam-Khankendi road')}, then ${link('places/aghdam', 'Aghdam')}`)],
    ['only the first mention of an entry per passage, again in the next passage', page(`${link('places/stepanakert', 'Stepanakert')} and ${link('places/stepanakert', 'Khankendi')}`, `${link('places/stepanakert', 'Khankendi')} &amp; more`)],
    ['an unknown entry and no links at all', page(`${link('places/nowhere', 'Nowhere')} here`, 'No links &lt;here&gt;.')],
  ];
  for (const [name, html] of cases) {
    it(name, () => {
      const tree = pageForIndex(html, table);
      const string = withIndexNames(html, table);
      expect(string.names).toBe(tree.names);
      if (!name.startsWith('an unknown')) expect(string.names).toBeGreaterThan(0);
      expect(same(string.html)).toBe(same(tree.html));
    });
  }

  it('reads notes as the tree version does: no frame, no ignored parts, the page title, the kind', () => {
    const html = page('Text.').replace(
      '<div class="passage-notes"></div>',
      `<div class="passage-notes"><aside class="note" id="note-a" role="note" data-annotation="claim"><header class="note-head" data-pagefind-ignore=""><span>1</span> <a href="#note-a">#</a></header>
       <p class="note-by" data-pagefind-ignore="">Claim by <a href="/x/">X</a></p><p>Baku &amp; Yerevan <em>disagree</em>.</p>
       <div class="note-sources"><span>Sources:</span><ol><li><div>nested</div></li></ol></div><p class="note-close" data-pagefind-ignore=""><a href="#p0">Close</a></p></aside>
       <aside class="note" id="note-empty" data-annotation="context"><header>Only a frame</header></aside><aside id="other">Not a note</aside></div>`,
    );
    expect(notesOf(html, '/articles/t/')).toEqual(noteRecords(html, '/articles/t/'));
    expect(notesOf(html, '/articles/t/')).toEqual([
      { url: '/articles/t/#note-a', content: 'Baku & Yerevan disagree.', kind: 'claim', number: 1, page: 'Title & more' },
    ]);
  });
});

describe('index-copy helpers', () => {
  it('decodes the references a serializer writes', () => {
    expect(decodeHtml('a &amp; b &#39;c&#x27; &quot;d&quot; &lt;e&gt; &hellip;')).toBe('a & b \'c\' "d" <e> &hellip;');
    expect(htmlText('<p>x <b>y</b>&amp;z</p>')).toBe('x y&z');
  });
});
