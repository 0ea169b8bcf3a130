/**
 * A worker thread of the articles' render pool (src/lib/render-pool.ts): renders the articles it is sent, one
 * message each, and answers with the HTML and records, or with the error message.
 */
import { parentPort } from 'node:worker_threads';
import { renderArticle, type RenderedArticle } from './article-render.ts';
import { freezeContentSignatures } from './entities/entries.ts';

export interface RenderTask {
  n: number;
  path: string;
  text: string;
  frontmatter: Record<string, unknown>;
}

export type RenderReply = { n: number; result: RenderedArticle } | { n: number; error: string };

// A worker lives for one content sync, during which content/ does not change.
freezeContentSignatures();

parentPort?.on('message', (task: RenderTask) => {
  renderArticle(task.path, task.text, task.frontmatter).then(
    (result) => parentPort?.postMessage({ n: task.n, result } satisfies RenderReply),
    (error: unknown) => parentPort?.postMessage({ n: task.n, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
