/**
 * The articles' loader: Astro's glob() loader, with one change. An article's MDX is rendered to HTML here, in the
 * content layer, through the site's own plugin pipeline (src/plugins/index.ts), instead of being compiled into a
 * JavaScript module for Vite to bundle.
 *
 * Why: an article is the publisher's text plus our `<Note>` elements, and the notes plugin turns every `<Note>`
 * into plain HTML; nothing in an article runs as code. Compiling 1,000 articles into modules and bundling them
 * cost about 17 s more than rendering them (npm run bench). An unchanged article is not rendered again on the
 * next build.
 *
 * What the plugins record (passages, mentions, notes) is kept in Astro's data store, where render() returns it as
 * remarkPluginFrontmatter. The HTML is kept in a file of its own beside the store (src/lib/article-html.ts), and the
 * article page reads it with articleHtml(): Astro bundles the whole data store into the build as one JavaScript
 * string, and with the HTML in it (62 KB an article) that string was 70 MB at 1,000 articles, which the bundler
 * and the build process then carried in memory.
 *
 * The file is parsed with the MDX grammar (remark-mdx, as @astrojs/mdx does), so articles keep their format.
 * Only `<Note>` elements and `{/* comments *\/}` may appear in an article's body: an import, export,
 * `{expression}` or other element fails the build, naming the file and line. A render error fails the build too (Astro's glob loader would only
 * log it and publish the page without its text); the dev server reports it and goes on.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { ARTICLE_HTML_DIR } from './article-html.ts';
import { articleSlugs } from './content-paths.ts';
import { filesUnder, statSignature } from './files.ts';
import { renderArticle } from './article-render.ts';
import { RenderPool } from './render-pool.ts';

/**
 * What an article's HTML depends on besides its own file: the other content (entries, sources, link rules,
 * ledgers, import records) and the code that renders it. Folded into each article's digest, so a rendered article
 * in Astro's data store is reused only while none of these has changed.
 */
export function renderSignature(root: string): string {
  const articles = join(root, 'content', 'articles');
  const files = [
    ...filesUnder(join(root, 'content'), (folder) => folder === articles),
    ...filesUnder(join(root, 'src', 'plugins')),
    ...filesUnder(join(root, 'src', 'lib')),
  ].sort();
  return createHash('sha256').update(statSignature(files)).digest('hex');
}

/** A content entry type (extension, frontmatter reader, renderer), as far as this loader uses one. */
type EntryType = Record<string, unknown> & { contentModuleTypes?: unknown };
/** The context Astro gives every loader also carries the entry types by extension (not in its public type). */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/** From this many articles on, a full render uses worker threads (src/lib/render-pool.ts); below, starting them costs more. */
export const POOL_FROM_ARTICLES = 100;

/** The glob loader for articles (`pattern` under `base`), rendering each article with renderArticle. */
export function articleLoader(options: { pattern: string; base: string }): Loader {
  // The source text stays in its file, and the HTML in its own (see above): the store keeps the records.
  const inner = glob({ ...options, retainBody: false });
  return {
    name: 'article-loader',
    load: async (loaderContext) => {
      const context = loaderContext as GlobLoaderContext;
      const mdx = context.entryTypes instanceof Map ? context.entryTypes.get('.mdx') : undefined;
      if (!mdx) throw new Error('articles: no entry type for .mdx files; is the @astrojs/mdx integration in astro.config.mjs?');
      const failures: string[] = [];
      const root = fileURLToPath(context.config.root).replace(/\/$/, '');
      // Without contentModuleTypes, and with a render function, the glob loader renders each entry as it loads it
      // and stores the result, instead of deferring to a compiled module.
      const { contentModuleTypes: _compiled, ...entryType } = mdx;
      const htmlDir = join(fileURLToPath(context.config.cacheDir), ARTICLE_HTML_DIR);
      mkdirSync(htmlDir, { recursive: true });
      const articles = articleSlugs(root).length;
      // Started at the first render, so a build that finds every article unchanged starts no thread; closed after
      // the load, so what the dev server renders later is rendered in this thread.
      let pool: RenderPool | undefined;
      /** Renders an article and writes its HTML to `htmlFile` (in a worker, when the pool renders it). */
      const renderFile = async (path: string, data: Record<string, unknown>, htmlFile: string) => {
        const text = readFileSync(path, 'utf8');
        if (articles >= POOL_FROM_ARTICLES) {
          pool ??= new RenderPool({
            onFailure: (reason) =>
              context.logger.warn(`articles are rendered in one thread, since the render workers could not run: ${reason.split('\n')[0]}`),
          });
          return pool.render(path, text, data, htmlFile);
        }
        const rendered = await renderArticle(path, text, data);
        writeFileSync(htmlFile, rendered.html);
        return rendered;
      };
      /** Renders one article: the HTML to its file, the records (and the file's path) for the data store. */
      const render = async ({ id, filePath, data }: { id: string; filePath?: string; data: Record<string, unknown> }) => {
        if (filePath === undefined) return undefined;
        try {
          const file = join(htmlDir, `${id}.html`);
          const { metadata } = await renderFile(filePath, data, file);
          return { html: '', metadata: { ...metadata, htmlFile: relative(root, file) } };
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).replaceAll(`${root}/`, '');
          failures.push(message);
          // In the dev server, an article edited into an error is reported when it is saved.
          if (context.watcher) context.logger.error(message);
          return undefined;
        }
      };
      const rendering: EntryType = { ...entryType, getRenderFunction: async () => render };
      const entryTypes = new Map(context.entryTypes);
      entryTypes.set('.mdx', rendering);
      const signature = renderSignature(root);
      const generateDigest: LoaderContext['generateDigest'] = (data) =>
        context.generateDigest(`${typeof data === 'string' ? data : JSON.stringify(data)}\0${signature}`);
      await inner.load({ ...context, entryTypes, generateDigest } as GlobLoaderContext);
      // An entry kept from the last build whose HTML file is gone (a cleared or copied cache) is rendered again;
      // files of articles that no longer exist are removed.
      const entries = context.store.values();
      const ids = new Set(entries.map((entry) => entry.id));
      await Promise.all(
        entries.map(async (entry) => {
          const file = entry.rendered?.metadata?.['htmlFile'];
          if (typeof file === 'string' && existsSync(resolve(root, file))) return;
          const rendered = await render({ id: entry.id, filePath: entry.filePath && resolve(root, entry.filePath), data: entry.data });
          if (!rendered) return;
          // The store keeps an entry whose digest has not changed; taken out first, it takes the new one.
          context.store.delete(entry.id);
          context.store.set({ ...entry, rendered });
        }),
      );
      await pool?.close();
      for (const name of readdirSync(htmlDir)) if (!ids.has(name.replace(/\.html$/, ''))) rmSync(join(htmlDir, name), { force: true });
      if (failures.length > 0 && !context.watcher) {
        // As the content check does (src/integrations/content-check.ts): a plain list, then exit status 1, rather
        // than a thrown error that Astro would print with this file's stack trace.
        context.logger.error(`${failures.length} article(s) could not be rendered; fix them and build again:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
        process.exit(1);
      }
    },
  };
}
