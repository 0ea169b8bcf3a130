import { readFileSync } from 'node:fs';
import type { Element, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
// vfile comes with unified (which depends on it); the plugins use its types too.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { PassageIdError, type PassageRecord } from '../../../src/lib/passages.ts';
import { isArticleSource, rehypePlugins, remarkPlugins } from '../../../src/plugins/index.ts';
import { passageLinkLabel, rehypePassageAnchors } from '../../../src/plugins/rehype-passage-anchors.ts';
import { remarkPassageIds } from '../../../src/plugins/remark-passage-ids.ts';
import { nodeTypes } from '../helpers.ts';

const CWD = '/x';
const ARTICLE = '/x/content/articles/a.mdx';

/** MDX node types, which Astro's MDX pipeline passes through rehype-raw untouched. */
const MDX_NODE_TYPES: Array<MdastNodes['type']> = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
];

/**
 * The article body used for the golden file: an unpinned paragraph, a pin inline and a pin on the line above,
 * text that needs HTML escaping, and blocks that are not passages (heading, block quote, list).
 */
const ARTICLE_MDX = `The Lachin corridor, the only road linking Armenia to Karabakh, was *closed* in December 2022.

{/* #my-pin */} Pinned inline: the space after the comment is not part of the text.

{/* #above */}
Pinned by a comment on the line above, with “curly quotes”, \\& and \\<b\\>.

## A heading is not a passage

> A quoted paragraph is not a top-level passage.

- Nor is a list item.

Azerbaijan’s defence ministry said the operation was limited to "legitimate military targets".
`;

/** The pipeline the brief describes: remark-parse, remark-mdx, our plugins, remark-rehype, rehype-stringify. */
function plainPipeline(include: (path: string) => boolean = () => true) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPassageIds, { include })
    .use(remarkRehype)
    .use(rehypePassageAnchors)
    .use(rehypeStringify);
}

/**
 * As Astro's MDX pipeline runs it (@astrojs/markdown-remark, mdx/create-processor.js): rehype-raw, with MDX
 * nodes passed through, runs after remark-rehype and before the site's rehype plugins.
 */
function astroPipeline(include: (path: string) => boolean = () => true) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPassageIds, { include })
    .use(remarkRehype, { passThrough: MDX_NODE_TYPES })
    .use(rehypeRaw, { passThrough: MDX_NODE_TYPES })
    .use(rehypePassageAnchors)
    .use(rehypeStringify);
}

/** Runs only the remark side and returns the mdast tree and the file. */
function remarkOnly(value: string, path = ARTICLE, include: (path: string) => boolean = () => true) {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPassageIds, { include });
  const file = new VFile({ path, cwd: CWD, value });
  const tree = processor.runSync(processor.parse(file), file) as MdastRoot;
  return { tree, file };
}


async function render(value: string, pipeline = astroPipeline(), path = ARTICLE) {
  const file = await pipeline.process({ path, cwd: CWD, value });
  return { html: String(file), file };
}

describe('remark-passage-ids + rehype-passage-anchors: golden HTML', () => {
  it('renders an article as the golden file shows (Astro pipeline, with rehype-raw)', async () => {
    const { html } = await render(ARTICLE_MDX);
    await expect(html).toMatchFileSnapshot('../golden/passages.html');
  });

  // The id travels as the hast property dataPassageId, which needs no rehype-raw to reach rehype-passage-anchors.
  it('renders the same HTML without rehype-raw (plain remark-rehype pipeline)', async () => {
    const { html } = await render(ARTICLE_MDX, plainPipeline());
    expect(html).toBe(readFileSync(new URL('../golden/passages.html', import.meta.url), 'utf8'));
  });

  it('wraps each top-level paragraph in div.passage with its id, and nothing else', async () => {
    const { html } = await render(ARTICLE_MDX);
    const ids = [...html.matchAll(/<div class="passage" id="([^"]+)" data-passage-index="(\d+)">/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([
      ['the-lachin-corridor-the-only-road', '1'],
      ['my-pin', '2'],
      ['above', '3'],
      ['azerbaijans-defence-ministry-said-the-operation', '4'],
    ]);
    expect(html).toContain('<h2>A heading is not a passage</h2>');
    expect(html).toContain('<blockquote>\n<p>A quoted paragraph is not a top-level passage.</p>\n</blockquote>');
    expect(html).toContain('<li>Nor is a list item.</li>');
    // Each passage links to itself.
    expect(html).toContain('<a class="passage-link" href="#my-pin" data-pagefind-ignore="">');
    expect(html).toContain('<span class="visually-hidden">Link to passage 2</span>');
  });

  it('removes pin comments from the output', async () => {
    const { html } = await render(ARTICLE_MDX);
    expect(html).not.toContain('/*');
    expect(html).not.toContain('#above */');
    const { tree } = remarkOnly(ARTICLE_MDX);
    expect(nodeTypes(tree).filter((t) => t.startsWith('mdx'))).toEqual([]);
  });

  it('does not keep the space between an inline pin and the text', async () => {
    const { html, file } = await render('{/* #my-pin */} Text after the pin.\n');
    expect(html).toContain('<p>Text after the pin.</p>');
    expect(file.data.passages?.[0]?.text).toBe('Text after the pin.');
  });
});

describe('remark-passage-ids: recorded passages', () => {
  it('records id, index, text, line and pinned for each passage in file.data.passages', async () => {
    const { file } = await render(ARTICLE_MDX);
    expect(file.data.passages).toEqual<PassageRecord[]>([
      {
        id: 'the-lachin-corridor-the-only-road',
        index: 1,
        text: 'The Lachin corridor, the only road linking Armenia to Karabakh, was closed in December 2022.',
        line: 1,
        pinned: false,
      },
      {
        id: 'my-pin',
        index: 2,
        text: 'Pinned inline: the space after the comment is not part of the text.',
        line: 3,
        pinned: true,
      },
      {
        id: 'above',
        index: 3,
        text: 'Pinned by a comment on the line above, with “curly quotes”, & and <b>.',
        line: 6,
        pinned: true,
      },
      {
        id: 'azerbaijans-defence-ministry-said-the-operation',
        index: 4,
        text: 'Azerbaijan’s defence ministry said the operation was limited to "legitimate military targets".',
        line: 14,
        pinned: false,
      },
    ]);
  });

  it('exposes the same records to Astro pages as frontmatter.passages', async () => {
    const { file } = await render(ARTICLE_MDX);
    const astro = (file.data as { astro?: { frontmatter?: { passages?: unknown } } }).astro;
    expect(astro?.frontmatter?.passages).toEqual(file.data.passages);
  });

  it('keeps frontmatter Astro already put in file.data', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPassageIds, { include: () => true });
    const file = new VFile({ path: ARTICLE, cwd: CWD, value: 'Text.\n' });
    (file.data as { astro?: unknown }).astro = { frontmatter: { title: 'Kept' } };
    processor.runSync(processor.parse(file), file);
    const frontmatter = (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter;
    expect(frontmatter.title).toBe('Kept');
    expect(frontmatter.passages).toHaveLength(1);
  });

  it('accepts a pin on its own line with a blank line before the paragraph', async () => {
    const { file } = await render('{/* #spaced */}\n\nThe paragraph.\n');
    expect(file.data.passages).toEqual([{ id: 'spaced', index: 1, text: 'The paragraph.', line: 3, pinned: true }]);
  });

  it('applies a pin on its own line to the next paragraph only', async () => {
    const { file } = await render('{/* #first */}\nFirst paragraph.\n\nSecond paragraph.\n');
    expect(file.data.passages?.map((p) => [p.id, p.pinned])).toEqual([
      ['first', true],
      ['second-paragraph', false],
    ]);
  });

  it('gives a paragraph the same id whether or not a word in it is annotated with a component', async () => {
    const plain = remarkOnly('The Lachin corridor was closed for months.\n');
    const annotated = remarkOnly('The <Place id="lachin">Lachin corridor</Place> was closed for months.\n');
    expect(plain.file.data.passages?.[0]?.id).toBe('the-lachin-corridor-was-closed-for');
    expect(annotated.file.data.passages?.[0]?.id).toBe(plain.file.data.passages?.[0]?.id);
    expect(annotated.file.data.passages?.[0]?.text).toBe('The Lachin corridor was closed for months.');
  });

  it('keeps ids when paragraphs are added before them', async () => {
    const before = await render('Alpha paragraph.\n\nBeta paragraph.\n');
    const after = await render('A new first paragraph.\n\nAlpha paragraph.\n\nBeta paragraph.\n');
    const ids = (r: typeof before) => r.file.data.passages?.map((p) => p.id);
    expect(ids(before)).toEqual(['alpha-paragraph', 'beta-paragraph']);
    expect(ids(after)).toEqual(['a-new-first-paragraph', 'alpha-paragraph', 'beta-paragraph']);
  });

  // KNOWN BUG (src/plugins/remark-passage-ids.ts): an ordinary MDX comment (not a pin) at the start of a paragraph
  // is counted as text (mdast-util-to-string reads the expression's value), so the recorded text and the automatic
  // id include the comment, and deleting the comment changes the id. Remove `.fails` once fixed.
  it('ignores a non-pin comment in the passage text and id', () => {
    const { file } = remarkOnly('{/* check this figure */} Two civilians were killed.\n');
    expect(file.data.passages).toHaveLength(1);
    expect(file.data.passages?.[0]).toMatchObject({ id: 'two-civilians-were-killed', text: 'Two civilians were killed.' });
  });
});

describe('remark-passage-ids: errors', () => {
  it('fails on duplicate ids with PassageIdError naming content/articles/a.mdx and the line', async () => {
    const mdx = 'Russia called for calm on Tuesday.\n\nSomething else.\n\nRussia called for calm on Tuesday, again.\n';
    const promise = render(mdx);
    await expect(promise).rejects.toBeInstanceOf(PassageIdError);
    await expect(render(mdx)).rejects.toThrow(
      /^content\/articles\/a\.mdx:5: duplicate passage id "#russia-called-for-calm-on-tuesday" \(already used by the paragraph on line 1\)/,
    );
  });

  it('fails on a pinned id that repeats another paragraph’s id', async () => {
    const mdx = '{/* #calm */} Russia called for calm.\n\n{/* #calm */}\nArmenia asked for help.\n';
    await expect(render(mdx)).rejects.toThrow(/^content\/articles\/a\.mdx:4: duplicate passage id "#calm" .*line 1/);
  });

  it('fails on an invalid pin with file and line', async () => {
    const mdx = 'Fine paragraph.\n\n{/* #Not_Valid */} Bad pin.\n';
    await expect(render(mdx)).rejects.toBeInstanceOf(PassageIdError);
    await expect(render(mdx)).rejects.toThrow(/^content\/articles\/a\.mdx:3: passage id "#Not_Valid" is not valid/);
  });
});

describe('remark-passage-ids: files that are not articles', () => {
  const MDX = '{/* #pin */} First paragraph.\n\nFirst paragraph.\n';

  it('leaves files outside `include` untouched (even with would-be duplicates)', () => {
    const include = isArticleSource;
    const withPlugin = remarkOnly(MDX, '/x/content/people/someone.mdx', include);
    const processor = unified().use(remarkParse).use(remarkMdx);
    const without = processor.runSync(processor.parse(MDX)) as MdastRoot;
    expect(withPlugin.tree).toEqual(without);
    expect(withPlugin.file.data.passages).toBeUndefined();
  });

  it('renders them without passage wrappers', async () => {
    const { html, file } = await render('A page paragraph.\n', astroPipeline(isArticleSource), '/x/src/pages/about.mdx');
    expect(html).toBe('<p>A page paragraph.</p>');
    expect(file.data.passages).toBeUndefined();
  });
});

describe('plugins/index.ts', () => {
  it.each([
    ['/x/content/articles/a.mdx', true],
    ['/home/ed/site/content/articles/playing-with-the-fire.mdx', true],
    ['C:\\site\\content\\articles\\a.mdx', true],
    ['/x/content/articles/a.md', false],
    ['/x/content/articles/sub/a.mdx', false],
    ['/x/content/articles/a.mdx.bak', false],
    ['/x/content/people/a.md', false],
    ['/x/content/outlets/a.mdx', false],
    ['/x/src/pages/index.mdx', false],
    ['/x/notcontent/articles/a.mdx', false],
  ])('isArticleSource(%j) is %s', (path, expected) => {
    expect(isArticleSource(path)).toBe(expected);
  });

  it('gives the site pipeline passage anchors for articles only', async () => {
    const pipeline = (path: string) =>
      unified()
        .use(remarkParse)
        .use(remarkMdx)
        .use(remarkPlugins as PluggableList)
        .use(remarkRehype, { passThrough: MDX_NODE_TYPES })
        .use(rehypeRaw, { passThrough: MDX_NODE_TYPES })
        .use(rehypePlugins as PluggableList)
        .use(rehypeStringify)
        .process({ path, cwd: CWD, value: 'One paragraph.\n' });
    expect(String(await pipeline(ARTICLE))).toContain('<div class="passage" id="one-paragraph" data-passage-index="1">');
    expect(String(await pipeline('/x/content/glossary/term.mdx'))).toBe('<p>One paragraph.</p>');
  });
});

describe('rehype-passage-anchors on its own', () => {
  function run(tree: HastRoot): HastRoot {
    rehypePassageAnchors()(tree);
    return tree;
  }

  it('wraps a top-level p with dataPassageId and moves the id to the wrapper', () => {
    const tree = run({ type: 'root', children: [h('p', { dataPassageId: 'x-y' }, 'Text.')] });
    const wrapper = tree.children[0] as Element;
    expect(wrapper.tagName).toBe('div');
    expect(wrapper.properties).toMatchObject({ className: ['passage'], id: 'x-y', dataPassageIndex: 1 });
    const [p, link] = wrapper.children as Element[];
    expect(p?.tagName).toBe('p');
    expect(p?.properties.dataPassageId).toBeUndefined();
    expect(p?.children).toEqual([{ type: 'text', value: 'Text.' }]);
    expect(link?.tagName).toBe('a');
    expect(link?.properties).toMatchObject({ className: ['passage-link'], href: '#x-y', dataPagefindIgnore: '' });
  });

  it('numbers passages only, and leaves other nodes and nested paragraphs alone', () => {
    const quote = h('blockquote', [h('p', { dataPassageId: 'nested' }, 'Quoted.')]);
    const plainP = h('p', 'No id.');
    const tree = run({
      type: 'root',
      children: [
        h('p', { dataPassageId: 'one' }, 'One.'),
        { type: 'text', value: '\n' },
        plainP,
        quote,
        h('p', { dataPassageId: 'two' }, 'Two.'),
      ],
    });
    expect(tree.children[1]).toEqual({ type: 'text', value: '\n' });
    expect(tree.children[2]).toBe(plainP);
    expect(tree.children[3]).toBe(quote);
    const indexes = tree.children
      .filter((n): n is Element => n.type === 'element' && n.tagName === 'div')
      .map((n) => [n.properties.id, n.properties.dataPassageIndex]);
    expect(indexes).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
  });

  it('labels the link for screen readers with the passage number', () => {
    expect(passageLinkLabel(3)).toBe('Link to passage 3');
    const tree = run({ type: 'root', children: [h('p', { dataPassageId: 'a' }, 'A.'), h('p', { dataPassageId: 'b' }, 'B.')] });
    const labels = tree.children.map((n) => JSON.stringify(n)).map((s) => /Link to passage \d/.exec(s)?.[0]);
    expect(labels).toEqual(['Link to passage 1', 'Link to passage 2']);
  });
});

describe('notes and comments stay out of the publisher’s text', () => {
  const PARAGRAPH = 'Armenia said the road was closed, and Azerbaijan said it was open to humanitarian cargo.';
  const NOTE_BLOCK = '<Note id="road" kind="claim" by="people/x" sources="s1">\nOur words: the **road** was *contested*.\n</Note>';
  const NOTE_INLINE = '<Note id="open" kind="context" sources="s1">our words</Note>';
  const cases: [string, string][] = [
    ['a note before the paragraph', `${NOTE_BLOCK}\n\n${PARAGRAPH}\n`],
    ['a note inside the paragraph', `${PARAGRAPH.replace('was open', `was ${NOTE_INLINE} open`)}\n`],
    ['a note at the very start of the paragraph', `${NOTE_INLINE} ${PARAGRAPH}\n`],
    ['a note after the paragraph', `${PARAGRAPH}\n\n${NOTE_BLOCK}\n`],
    ['an MDX comment inside the paragraph', `${PARAGRAPH.replace('the road', 'the {/* link: road -> places/x */} road')}\n`],
  ];

  it.each(cases)('%s changes neither the id nor the passage text', (_name, mdx) => {
    const { file } = remarkOnly(mdx);
    expect(file.data.passages).toHaveLength(1);
    const [passage] = file.data.passages ?? [];
    expect(passage?.id).toBe('armenia-said-the-road-was-closed');
    expect(passage?.text.replace(/\s+/g, ' ')).toBe(PARAGRAPH);
    expect(passage?.text).not.toMatch(/our words|Our words/);
  });

  it('a pin above a paragraph still reaches it across a note or comment between them', () => {
    const { file } = remarkOnly(`{/* #pinned */}\n{/* link: road -> places/x */}\n${PARAGRAPH}\n`);
    expect(file.data.passages?.[0]?.id).toBe('pinned');
  });

  it('an entity link inside a paragraph counts as the publisher’s text', () => {
    const { file } = remarkOnly(`${PARAGRAPH.replace('Azerbaijan', '[Azerbaijan](/entities/places/azerbaijan/)')}\n`);
    expect(file.data.passages?.[0]?.text).toBe(PARAGRAPH);
  });
});
