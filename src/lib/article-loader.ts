/**
 * The articles' loader: Astro's glob() loader, with one change. An article's MDX is rendered to HTML here, in the
 * content layer, through the site's own plugin pipeline (src/plugins/index.ts), instead of being compiled into a
 * JavaScript module for Vite to bundle.
 *
 * Why: an article is the publisher's text plus our `<Note>` elements, and the notes plugin turns every `<Note>`
 * into plain HTML; nothing in an article runs as code. Compiling 1,000 articles into modules and bundling them
 * cost about 17 s more than rendering them (npm run bench), and the rendered HTML is kept in Astro's data store,
 * so an unchanged article is not rendered again on the next build.
 *
 * The file is parsed with the MDX grammar (remark-mdx, as @astrojs/mdx does), so articles keep their format.
 * Only `<Note>` elements and `{/* comments *\/}` may appear in an article's body: an import, export,
 * `{expression}` or other element fails the build, naming the file and line. A render error fails the build too (Astro's glob loader would only
 * log it and publish the page without its text); the dev server reports it and goes on.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
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
    visit(tree, (node, index, parent) => {
      const what = MDX_LEFTOVERS[node.type];
      if (what === undefined) return undefined;
      const value = (node as { value?: unknown }).value;
      if (node.type.endsWith('Expression') && typeof value === 'string' && isComment(value) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      const name = 'name' in node && typeof node.name === 'string' ? ` <${node.name}>` : '';
      const line = node.position?.start.line ?? 1;
      throw new Error(
        `${file.path}:${line}: ${what}${name} in the article's body. An article holds the publisher's text, our <Note> elements ` +
          'and {/* comments */} only; write "<" and "{" in the text as "\\<" and "\\{", and move anything else out of the article.',
      );
    });
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

/** Every file under `dir` (recursively), for the signature below. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * What an article's HTML depends on besides its own file: the other content (entries, sources, link rules,
 * ledgers, import records) and the code that renders it. Folded into each article's digest, so a rendered article
 * in Astro's data store is reused only while none of these has changed.
 */
export function renderSignature(root: string): string {
  const files = [
    ...filesUnder(join(root, 'content')).filter((f) => !relative(join(root, 'content'), f).startsWith('articles')),
    ...filesUnder(join(root, 'src', 'plugins')),
    ...filesUnder(join(root, 'src', 'lib')),
  ].sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${relative(root, f)}:${statSync(f).size}:${statSync(f).mtimeMs}\n`);
  return hash.digest('hex');
}

/** A content entry type (extension, frontmatter reader, renderer), as far as this loader uses one. */
type EntryType = Record<string, unknown> & { contentModuleTypes?: unknown };
/** The context Astro gives every loader also carries the entry types by extension (not in its public type). */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/** The glob loader for articles (`pattern` under `base`), rendering each article with renderArticle. */
export function articleLoader(options: { pattern: string; base: string }): Loader {
  // The source text stays in the file; the data store keeps the rendered HTML only.
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'article-loader',
    load: async (loaderContext) => {
      const context = loaderContext as GlobLoaderContext;
      const mdx = context.entryTypes instanceof Map ? context.entryTypes.get('.mdx') : undefined;
      if (!mdx) throw new Error('articles: no entry type for .mdx files; is the @astrojs/mdx integration in astro.config.mjs?');
      const failures: string[] = [];
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      // Without contentModuleTypes, and with a render function, the glob loader renders the entry and stores the
      // HTML instead of deferring to a compiled module.
      const { contentModuleTypes: _compiled, ...entryType } = mdx;
      const rendering: EntryType = {
        ...entryType,
        getRenderFunction: async () => async ({ filePath, data }: { filePath?: string; data: Record<string, unknown> }) => {
          if (filePath === undefined) return undefined;
          try {
            return await renderArticle(filePath, readFileSync(filePath, 'utf8'), data);
          } catch (error) {
            const message = (error instanceof Error ? error.message : String(error)).replaceAll(`${root}/`, '');
            failures.push(message);
            // In the dev server, an article edited into an error is reported when it is saved.
            if (context.watcher) context.logger.error(message);
            return undefined;
          }
        },
      };
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', rendering);
      const signature = renderSignature(root);
      const generateDigest: LoaderContext['generateDigest'] = (data) =>
        context.generateDigest(`${typeof data === 'string' ? data : JSON.stringify(data)}\0${signature}`);
      await inner.load({ ...context, entryTypes, generateDigest } as GlobLoaderContext);
      if (failures.length > 0 && !context.watcher) {
        // As the content check does (src/integrations/content-check.ts): a plain list, then exit status 1, rather
        // than a thrown error that Astro would print with this file's stack trace.
        context.logger.error(`${failures.length} article(s) could not be rendered; fix them and build again:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
        process.exit(1);
      }
    },
  };
}
