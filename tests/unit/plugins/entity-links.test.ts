import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Root as HastRoot } from 'hast';
import { selectAll } from 'hast-util-select';
import type { Nodes as MdastNodes } from 'mdast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { MentionRecord } from '../../../src/lib/entities/types.ts';
import { rehypePassageAnchors } from '../../../src/plugins/rehype-passage-anchors.ts';
import { EntityLinkError, remarkEntityLinks } from '../../../src/plugins/remark-entity-links.ts';
import { remarkPassageIds } from '../../../src/plugins/remark-passage-ids.ts';

const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/entities/', import.meta.url));
const GOLDEN = new URL('../golden/entity-links/', import.meta.url);
const MDX_NODE_TYPES: Array<MdastNodes['type']> = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** As Astro runs it: passage ids, then entity links, then rehype-raw with MDX passed through. */
function pipeline(base = '/') {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPassageIds, { include: () => true })
    .use(remarkEntityLinks, { include: () => true, base, root: FIXTURE_ROOT })
    .use(remarkRehype, { passThrough: MDX_NODE_TYPES })
    .use(rehypeRaw, { passThrough: MDX_NODE_TYPES })
    .use(rehypePassageAnchors)
    .use(showMdxNodes)
    .use(rehypeStringify);
}

/** rehype-stringify cannot print MDX nodes; show them as comments so the golden files prove they are untouched. */
function showMdxNodes() {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || !(MDX_NODE_TYPES as string[]).includes(node.type)) return;
      const mdx = node as unknown as { type: string; name?: string; value?: string; children?: unknown[] };
      const inner = mdx.children ? ` ${hastToString(mdx as unknown as Element)}` : '';
      parent.children.splice(index, 1, { type: 'comment', value: ` ${mdx.type} ${mdx.name ?? mdx.value ?? ''}${inner.replace(/\s+/g, ' ')} ` });
    });
  };
}

async function render(value: string, base = '/') {
  const file = await pipeline(base).process({ path: '/x/content/articles/a.mdx', cwd: '/x', value });
  return { html: String(file), file, mentions: file.data.entityMentions ?? [] };
}

const paragraphsOf = (html: string) =>
  (selectAll('.passage > p', unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot) as Element[]).map((p) => hastToString(p));

describe('remark-entity-links: golden cases (input.mdx → expected.html, mentions.json)', () => {
  const cases = readdirSync(GOLDEN).filter((name) => existsSync(new URL(`${name}/input.mdx`, GOLDEN)));
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const name of cases) {
    it(name, async () => {
      const { html, file, mentions } = await render(readFileSync(new URL(`${name}/input.mdx`, GOLDEN), 'utf8'));
      await expect(html).toMatchFileSnapshot(fileURLToPath(new URL(`${name}/expected.html`, GOLDEN)));
      await expect(`${JSON.stringify(mentions, null, 2)}\n`).toMatchFileSnapshot(fileURLToPath(new URL(`${name}/mentions.json`, GOLDEN)));
      // Not one character of the text changes: each paragraph reads exactly as its passage record.
      expect(paragraphsOf(html)).toEqual((file.data.passages ?? []).map((p) => p.text));
      // Every recorded offset points at the recorded text.
      const passages = new Map((file.data.passages ?? []).map((p) => [p.id, p.text]));
      for (const m of mentions) expect(passages.get(m.passageId)?.slice(m.start, m.end)).toBe(m.text);
    });
  }
});

describe('remark-entity-links: behaviour', () => {
  const linksIn = (html: string) => [...html.matchAll(/<a href="([^"]+)" class="entity-link" data-entity="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[2], m[3]]);

  it('links the first mention of each entry per passage, and only that one', async () => {
    const { html, mentions } = await render('Aliyev met Aliyev. Then Khankendi.\n\nAliyev again.\n');
    expect(linksIn(html)).toEqual([
      ['people/ilham-aliyev', 'Aliyev'],
      ['places/stepanakert', 'Khankendi'],
      ['people/ilham-aliyev', 'Aliyev'],
    ]);
    expect(mentions.map((m: MentionRecord) => [m.ref, m.linked])).toEqual([
      ['people/ilham-aliyev', true],
      ['people/ilham-aliyev', false],
      ['places/stepanakert', true],
      ['people/ilham-aliyev', true],
    ]);
  });

  it('links a mention under another name to the same entry', async () => {
    const { html } = await render('Khankendi and Stepanakert are one city.\n');
    expect(linksIn(html)).toEqual([['places/stepanakert', 'Khankendi']]);
  });

  it('prefixes links with the base path', async () => {
    const { html } = await render('Aliyev.\n', '/karabakh/');
    expect(html).toContain('href="/karabakh/people/ilham-aliyev/"');
  });

  it('leaves files that are not articles alone', async () => {
    const processor = unified().use(remarkParse).use(remarkEntityLinks, { include: () => false, base: '/', root: FIXTURE_ROOT });
    const file = await processor.use(remarkRehype).use(rehypeStringify).process({ path: '/x/README.md', value: 'Aliyev.' });
    expect(String(file)).toBe('<p>Aliyev.</p>');
    expect(file.data.entityMentions).toBeUndefined();
  });

  it('fails with file and line when an override names an unknown entry', async () => {
    await expect(render('Text.\n\n{/* link: Aliyev -> people/nobody */}\nAliyev.\n')).rejects.toThrow(
      /content\/articles\/a\.mdx:3: "link: Aliyev -> people\/nobody" names an unknown entry/,
    );
  });

  it('fails when an override names text the paragraph does not have', async () => {
    await expect(render('{/* nolink: Baku */} Aliyev.\n')).rejects.toThrow(/a\.mdx:1: "nolink: Baku" — the paragraph has no "Baku"/);
    await expect(render('{/* link: Baku -> places/karabakh */} Aliyev.\n')).rejects.toThrow(/the paragraph has no "Baku"/);
  });

  it('fails when an override is not followed by a paragraph', async () => {
    await expect(render('Aliyev.\n\n{/* nolink: Aliyev */}\n\n## Heading\n')).rejects.toThrow(EntityLinkError);
    await expect(render('Aliyev.\n\n{/* nolink: Aliyev */}\n')).rejects.toThrow(/not followed by a paragraph/);
  });

  it('fails on a malformed override, and on one in the middle of a paragraph', async () => {
    await expect(render('{/* link: Aliyev */} Aliyev.\n')).rejects.toThrow(/a\.mdx:1: "link: Aliyev" needs a target/);
    await expect(render('Aliyev {/* nolink: Aliyev */} said.\n')).rejects.toThrow(/at the start of the paragraph/);
  });
});
