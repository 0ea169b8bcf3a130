import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSlugs } from '../../../src/lib/content-paths.ts';
import { renderArticle } from '../../../src/lib/article-render.ts';
import { RenderPool } from '../../../src/lib/render-pool.ts';
import { REPO_ROOT, tempDir } from '../helpers.ts';

const articles = articleSlugs(REPO_ROOT).map((slug) => {
  const path = join(REPO_ROOT, 'content', 'articles', `${slug}.mdx`);
  return { path, text: readFileSync(path, 'utf8') };
});

// Workers load the Markdown pipeline when they start: seconds, not milliseconds, on a busy machine.
describe('RenderPool', { timeout: 30_000 }, () => {
  it('renders in worker threads exactly what rendering in this thread gives', async () => {
    const pool = new RenderPool({ size: 2 });
    try {
      const [inPool, here] = await Promise.all([
        Promise.all(articles.map((a) => pool.render(a.path, a.text, { title: 'T' }))),
        Promise.all(articles.map((a) => renderArticle(a.path, a.text, { title: 'T' }))),
      ]);
      expect(inPool).toEqual(here);
      expect(inPool.length).toBe(5);
    } finally {
      await pool.close();
    }
  });

  it('writes the HTML to the file a render names, in the worker, and answers with the records only', async () => {
    const pool = new RenderPool({ size: 1 });
    const { dir, remove } = tempDir();
    try {
      const [a] = articles;
      const file = join(dir, 'a.html');
      const [inPool, here] = await Promise.all([pool.render(a!.path, a!.text, { title: 'T' }, file), renderArticle(a!.path, a!.text, { title: 'T' })]);
      expect(readFileSync(file, 'utf8')).toBe(here.html);
      expect(inPool).toEqual({ ...here, html: '' });
      // Once the pool is closed, this thread does the same.
      await pool.close();
      const other = join(dir, 'b.html');
      expect(await pool.render(a!.path, a!.text, { title: 'T' }, other)).toEqual({ ...here, html: '' });
      expect(readFileSync(other, 'utf8')).toBe(here.html);
    } finally {
      await pool.close();
      remove();
    }
  });

  it('passes a render error back with its message (file and line)', async () => {
    const pool = new RenderPool({ size: 1 });
    try {
      const [a] = articles;
      await expect(pool.render(a!.path, a!.text.replace(/\n\n(?=[A-Z])/, '\n\n{1 + 1}\n\n'), {})).rejects.toThrow(/\.mdx:\d+: a \{…\} expression/);
    } finally {
      await pool.close();
    }
  });

  it('renders in this thread what was still queued or running when it closed, and everything after', async () => {
    const pool = new RenderPool({ size: 1 });
    const pending = articles.map((a) => pool.render(a.path, a.text, {}));
    await pool.close();
    const later = await pool.render(articles[0]!.path, articles[0]!.text, {});
    const done = await Promise.all(pending);
    expect(done.map((d) => d.html)).toEqual(await Promise.all(articles.map(async (a) => (await renderArticle(a.path, a.text, {})).html)));
    expect(later.html).toBe(done[0]!.html);
  });

  it('renders in this thread, and says why once, when the workers cannot run', async () => {
    const reasons: string[] = [];
    const pool = new RenderPool({ size: 2, execArgv: ['--no-experimental-strip-types'], onFailure: (r) => reasons.push(r) });
    try {
      const [a] = articles;
      const result = await pool.render(a!.path, a!.text, {});
      expect(result.html).toBe((await renderArticle(a!.path, a!.text, {})).html);
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/\.ts/);
    } finally {
      await pool.close();
    }
  });
});
