import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cleanRawArticle } from '../../../../src/lib/import/clean.ts';
import { escapeMdxText } from '../../../../src/lib/import/escape-mdx.ts';
import { seed } from '../../helpers.ts';

/** How the site reads an article body: MDX with GFM (Astro's MDX integration turns GFM on by default). */
const processor = unified().use(remarkParse).use(remarkMdx);

function parse(mdx: string): Root {
  return processor.runSync(processor.parse(mdx)) as Root;
}

function nodeTypes(tree: Root): Set<string> {
  const types = new Set<string>();
  const walk = (node: { type: string; children?: unknown[] }) => {
    types.add(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return types;
}

/** Escapes `text`, parses it as a whole MDX document and checks it comes back as one paragraph of plain text. */
function expectRoundTrip(text: string): void {
  const tree = parse(escapeMdxText(text));
  expect(tree.children).toHaveLength(1);
  expect(tree.children[0]?.type).toBe('paragraph');
  // No MDX (mdxjsEsm, mdxJsx*, mdx*Expression) and no Markdown syntax (emphasis, link, code, delete…): text only.
  expect([...nodeTypes(tree)].sort()).toEqual(['paragraph', 'root', 'text']);
  expect(toString(tree)).toBe(text);
}

const NASTY: readonly string[] = [
  '{x}',
  '{',
  '}',
  'a {b} c {',
  '<script>alert(1)</script>',
  '<Term id="x">word</Term>',
  '<!-- comment -->',
  'a < b > c',
  'export const a = 1',
  'export default function () {}',
  'import x from "y"',
  'import',
  'export',
  '# not a heading',
  '###### nor this',
  '#hashtag',
  '- not a list',
  '-',
  '+ no',
  '* no',
  '1. not ordered',
  '2) no',
  '10) ten',
  '1234567890. long number',
  '> not a quote',
  '*not emphasis*',
  '**not strong**',
  '_x_',
  '__x__',
  '`code`',
  '``double``',
  '[link](a.html)',
  '[link]: http-less',
  '[ref][1]',
  '[^1]',
  '![img](x.png)',
  '~strike~',
  '~~strike~~',
  'a | b',
  '| a | b |',
  '&amp; &#123; &copy;',
  'A & B',
  'back\\slash',
  'trailing \\',
  '\\*',
  '---',
  '***',
  '* * *',
  '___',
  '===',
  '=',
  '“curly” ‘quotes’ and "straight" \'ones\'',
  'an em dash — and an en dash –',
  'non\u00a0breaking\u00a0spaces',
  'Карабах — Нагорный Карабах',
  'Ղարաբաղ Արցախ',
  'Qarabağ, Xankəndi, Şuşa',
  'multiple  spaces   inside',
  'tab\tinside',
  '100% of $5 is $5: fine?',
  '::: not a directive',
  'Importantly, exports rose.',
  'important',
  'exported goods',
  'In 2020, the 44-day war ended.',
];

describe('escapeMdxText', () => {
  it.each(NASTY)('renders %j back as itself, as plain text', (text) => {
    expectRoundTrip(text);
  });

  it('renders every nasty string back when they are all on one line', () => {
    expectRoundTrip(NASTY.join(' '));
  });

  it('renders every body paragraph of the five seeds back as itself', () => {
    for (const [prefix, options] of [['000', {}], ['001', { titleLine: 1 }], ['002', {}], ['003', {}], ['004', {}]] as const) {
      for (const p of cleanRawArticle(seed(prefix).text, options).paragraphs) expectRoundTrip(p.text);
    }
  });

  it('leaves text with nothing special unchanged', () => {
    const text = 'Azerbaijan’s defense ministry said on Tuesday: “We will not stop.” 1,000 people left.';
    expect(escapeMdxText(text)).toBe(text);
  });

  it('refuses text of more than one line', () => {
    expect(() => escapeMdxText('one\ntwo')).toThrow(/one paragraph on one line/);
    expect(() => escapeMdxText('one\r\ntwo')).toThrow(/one paragraph on one line/);
    expect(() => escapeMdxText('one\rtwo')).toThrow(/one paragraph on one line/);
    expect(() => escapeMdxText('trailing newline\n')).toThrow(/split the text into paragraphs/);
  });

  // The site's pipeline has no GFM (astro.config.mjs), so bare addresses must come back as plain text.
  describe('bare URLs (GFM autolink literals)', () => {
    it.each([
      'http://example.com',
      '[link](http://a)',
      'www.example.com',
      'write to press@example.com',
      'https://example.org/a_b_c',
      'see www.example.org/a_b now',
      'https://example.org/?a=1&b=2',
    ])('renders %j back as plain text', (text) => {
      expectRoundTrip(text);
    });

    it('does not make the text unparseable when a URL is followed by <', () => {
      expect(() => parse(escapeMdxText('https://example.org/<page>'))).not.toThrow();
    });
  });
});
