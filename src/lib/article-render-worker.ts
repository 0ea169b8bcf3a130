/**
 * A worker thread of the articles' render pool (src/lib/render-pool.ts): renders the articles it is sent, one
 * message each, and answers with the HTML and records (or writes the HTML to the file the task names and answers
 * with the records), or with the error message.
 */
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { renderArticle, type RenderedArticle } from './article-render.ts';
import { freezeContentSignatures } from './entities/entries.ts';

export interface RenderTask {
  n: number;
  path: string;
  text: string;
  frontmatter: Record<string, unknown>;
  /** Where to write the HTML; the reply then carries the records only (the HTML is most of an article's bytes). */
  htmlFile?: string | undefined;
}

export type RenderReply = { n: number; result: RenderedArticle } | { n: number; error: string };

// A worker lives for one content sync, during which content/ does not change.
freezeContentSignatures();

parentPort?.on('message', (task: RenderTask) => {
  renderArticle(task.path, task.text, task.frontmatter).then(
    (result) => {
      if (task.htmlFile !== undefined) writeFileSync(task.htmlFile, result.html);
      parentPort?.postMessage({ n: task.n, result: task.htmlFile === undefined ? result : { ...result, html: '' } } satisfies RenderReply);
    },
    (error: unknown) => parentPort?.postMessage({ n: task.n, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
