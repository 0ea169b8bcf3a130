/**
 * Renders articles in worker threads, one per core: rendering is CPU work in JavaScript (about 11 ms an
 * article), and Astro's content sync otherwise does it all on one core. Each worker loads the plugin pipeline
 * once (about half a second), so the loader uses the pool only for many articles.
 *
 * If a worker cannot start or dies (a Node.js that cannot load TypeScript in a worker, say), the articles it had
 * and every later one are rendered in this thread instead, so the pool only ever changes how fast the build is.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderArticle, type RenderedArticle } from './article-render.ts';
import type { RenderReply, RenderTask } from './article-render-worker.ts';

interface Job {
  task: RenderTask;
  resolve: (result: RenderedArticle) => void;
  reject: (error: Error) => void;
}

export interface RenderPoolOptions {
  /** How many workers: one per core (at most 4) unless given. */
  size?: number;
  /** Hears once why the workers were given up, if they were (not when the pool is closed). */
  onFailure?: (reason: string) => void;
  /** Node.js options for the workers (the tests use this to make them fail). */
  execArgv?: string[];
}

/** A task rendered in this thread, as a worker would do it. */
async function renderHere(task: Omit<RenderTask, 'n'>): Promise<RenderedArticle> {
  const result = await renderArticle(task.path, task.text, task.frontmatter);
  if (task.htmlFile === undefined) return result;
  writeFileSync(task.htmlFile, result.html);
  return { ...result, html: '' };
}

export class RenderPool {
  readonly size: number;
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: Job[] = [];
  #running = new Map<Worker, Job>();
  #next = 0;
  #broken = false;

  readonly #onFailure: ((reason: string) => void) | undefined;

  constructor(options: RenderPoolOptions = {}) {
    const size = options.size ?? Math.max(1, Math.min(availableParallelism(), 4));
    this.size = size;
    this.#onFailure = options.onFailure;
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(new URL('./article-render-worker.ts', import.meta.url), options.execArgv ? { execArgv: options.execArgv } : {});
      worker.on('message', (reply: RenderReply) => this.#answer(worker, reply));
      worker.on('error', (error) => this.#breakDown(error.message));
      worker.on('exit', (code) => {
        if (code !== 0) this.#breakDown(`a worker stopped with exit code ${code}`);
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /**
   * Renders one article in a worker (or in this thread, once the pool has broken down). With `htmlFile`, the HTML is
   * written there (by the worker, which then need not send it back) and the result's `html` is empty.
   */
  render(path: string, text: string, frontmatter: Record<string, unknown>, htmlFile?: string): Promise<RenderedArticle> {
    if (this.#broken) return renderHere({ path, text, frontmatter, htmlFile });
    return new Promise((resolve, reject) => {
      this.#queue.push({ task: { n: this.#next++, path, text, frontmatter, htmlFile }, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops the workers; renders still queued are done in this thread. */
  async close(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    this.#breakDown();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      this.#running.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  #answer(worker: Worker, reply: RenderReply): void {
    const job = this.#running.get(worker);
    if (!job || job.task.n !== reply.n) return;
    this.#running.delete(worker);
    this.#idle.push(worker);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.result);
    this.#dispatch();
  }

  /** From now on everything renders in this thread, the jobs the workers held included. */
  #breakDown(reason?: string): void {
    if (this.#broken) return;
    this.#broken = true;
    if (reason !== undefined) this.#onFailure?.(reason);
    const jobs = [...this.#running.values(), ...this.#queue];
    this.#running.clear();
    this.#queue = [];
    this.#idle = [];
    for (const w of this.#workers) void w.terminate();
    for (const job of jobs) renderHere(job.task).then(job.resolve, job.reject);
  }
}
