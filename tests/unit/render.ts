/**
 * Renders an article the way the site's Markdown pipeline does (remark-mdx, our passage plugins) into a page
 * of a fake dist/ folder, so the post-build checks can run on it without an Astro build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementContent, Root, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { articlePaths } from '../../src/lib/content-paths.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { rehypePassageAnchors } from '../../src/plugins/rehype-passage-anchors.ts';
import { remarkPassageIds } from '../../src/plugins/remark-passage-ids.ts';

/**
 * MDX elements rendered as the notes engineer's component does in essence: a `<Note id="x">` becomes an
 * element with id "note-x" holding our text. Other MDX nodes are dropped.
 */
function renderMdxNodes() {
  return (root: HastRoot) => {
    const tree = root as unknown as { children: unknown[] };
    const visit = (node: { type: string; name?: string; attributes?: { name: string; value: unknown }[]; children?: unknown[] }): unknown[] => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        if (node.name !== 'Note') return [];
        const id = node.attributes?.find((a) => a.name === 'id')?.value;
        const tag = node.type === 'mdxJsxFlowElement' ? 'aside' : 'span';
        return [h(tag, { id: `note-${String(id)}` }, 'Our note.')];
      }
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return [];
      if (node.children) node.children = node.children.flatMap((c) => visit(c as typeof node));
      return [node];
    };
    tree.children = tree.children.flatMap((c) => visit(c as never));
  };
}

const MDX_TYPES: Array<MdastNodes['type']> = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** Renders content/articles/<slug>.mdx under `root` to <root>/dist/articles/<slug>/index.html. */
export function renderArticlePage(root: string, slug: string): string {
  const path = join(root, articlePaths(slug).article);
  const text = readFileSync(path, 'utf8');
  const split = splitFrontmatter(text);
  const title = String((parseYaml(split?.yaml ?? '') as { title?: string }).title);
  const file = new VFile({ path, cwd: root, value: split?.body ?? '' });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPassageIds, { include: () => true })
    .use(remarkRehype, { passThrough: MDX_TYPES })
    .use(renderMdxNodes)
    .use(rehypePassageAnchors)
    .use(rehypeStringify);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const page: Root = {
    type: 'root',
    children: [h('html', { lang: 'en' }, [h('head', [h('title', title)]), h('body', [h('main', [h('h1', title), ...(tree.children as ElementContent[])])])])],
  };
  const html = processor.stringify(page as never, file);
  const out = join(root, 'dist', 'articles', slug, 'index.html');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, html);
  return out;
}

