/**
 * Renders an article's MDX to HTML through the site's plugin pipeline (src/plugins/index.ts): parsed with the MDX
 * grammar (remark-mdx, as @astrojs/mdx does), with our `<Note>` elements turned into HTML by the notes plugin.
 * Used by the articles' loader (src/lib/article-loader.ts), in its own thread or in worker threads
 * (src/lib/article-render-worker.ts).
 */
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { rehypePlugins, remarkPlugins } from '../plugins/index.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** MDX syntax an article's body may not contain once the notes plugin has turned its `<Note>` elements into HTML. */
const MDX_LEFTOVERS: Record<string, string> = {
  mdxjsEsm: 'an import or export statement',
  mdxFlowExpression: 'a {…} expression',
  mdxTextExpression: 'a {…} expression',
  mdxJsxFlowElement: 'an element',
  mdxJsxTextElement: 'an element',
};

/** An expression that holds only comments (`{/* … *\/}`), which compiled MDX renders as nothing. */
const isComment = (value: string): boolean => value.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';

/**
 * Removes MDX comments (an editor's remark, a pin the passage-ids plugin has read) and fails on any other MDX
 * syntax, which would be code in a compiled MDX module but has no place in an article.
 */
function rejectMdxLeftovers() {
  return (tree: MdastRoot, file: VFile) => {
    const check = (parent: { children?: unknown[] }) => {
      if (!parent.children) return;
      parent.children = parent.children.filter((child) => {
        const node = child as { type: string; name?: unknown; value?: unknown; position?: { start: { line: number } }; children?: unknown[] };
        const what = MDX_LEFTOVERS[node.type];
        if (what === undefined) {
          check(node);
          return true;
        }
        if (node.type.endsWith('Expression') && typeof node.value === 'string' && isComment(node.value)) return false;
        const name = typeof node.name === 'string' ? ` <${node.name}>` : '';
        const line = node.position?.start.line ?? 1;
        throw new Error(
          `${file.path}:${line}: ${what}${name} in the article's body. An article holds the publisher's text, our <Note> elements ` +
            'and {/* comments */} only; write "<" and "{" in the text as "\\<" and "\\{", and move anything else out of the article.',
        );
      });
    };
    check(tree);
  };
}

/** The MDX body as the plugins see it: the frontmatter blanked out, so positions are the file's own lines. */
export function articleBody(text: string): string {
  const split = splitFrontmatter(text);
  if (!split) return text;
  return text.slice(0, split.bodyOffset).replace(/[^\n]/g, ' ') + split.body;
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkPlugins as PluggableList)
  .use(rejectMdxLeftovers)
  .use(remarkRehype)
  .use(rehypePlugins as PluggableList)
  .use(rehypeStringify);

export interface RenderedArticle {
  html: string;
  metadata: { frontmatter: Record<string, unknown>; headings: never[]; imagePaths: never[] };
}

/**
 * An article's HTML and what the plugins record of it (passages, mentions, notes: what pages read as
 * remarkPluginFrontmatter). `frontmatter` is the file's parsed frontmatter, which the records are added to.
 */
export async function renderArticle(path: string, text: string, frontmatter: Record<string, unknown>): Promise<RenderedArticle> {
  const file = new VFile({ path, value: articleBody(text), data: { astro: { frontmatter: { ...frontmatter } } } });
  const html = String(await processor.process(file));
  const astro = file.data['astro'] as { frontmatter: Record<string, unknown> };
  return { html, metadata: { frontmatter: astro.frontmatter, headings: [], imagePaths: [] } };
}
