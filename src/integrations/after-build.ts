/**
 * Astro integration: after every build (also the sub-path one), two jobs on the finished dist/, at the same time:
 * - the search index (src/lib/search/build-index.ts), most of whose work is done in Pagefind's own process;
 * - the post-build check (scripts/check-dist.ts: links, resources, ids, verbatim text, ledgers), in a Node process
 *   of its own, since it parses every page.
 * Pagefind keeps about one core busy and the check the other, so the pair takes about as long as the index alone
 * (npm run bench). A problem the check finds is printed as its list, and the build stops with exit status 1.
 *
 * The index is started earlier, when the build starts: the articles are rendered by then (src/lib/article-loader.ts),
 * so their notes (one search record per article, with most of the index's words) go to Pagefind's process while
 * Astro bundles and renders the pages on this one. The pages and the remaining records follow when the pages are
 * written.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SearchIndexBuilder } from '../lib/search/build-index.ts';
import { earlyNoteRecords } from '../lib/search/early-notes.ts';

interface Finished {
  code: number | null;
  output: string;
}

/** Runs scripts/check-dist.ts on `dist` in a child process, as `npm run check-dist` would. */
function checkDist(root: string, dist: string, base: string): Promise<Finished> {
  // tsx as a loader in this one process (its command would start a further one). A larger young generation: the
  // check parses every page and makes much short-lived garbage (about a tenth less CPU at 1,000 articles).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
  const script = join(root, 'scripts', 'check-dist.ts');
  const child = spawn(process.execPath, ['--import', tsx, '--max-semi-space-size=32', script, relative(root, dist) || '.', '--base', base], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}could not start scripts/check-dist.ts: ${error.message}` }));
    child.on('close', (code) => resolve({ code, output: output.trim() }));
  });
}

/** The index builder and its early notes, started with the build; failures wait for build:done to be thrown. */
async function startIndex(root: string, cacheDir: string): Promise<{ builder: SearchIndexBuilder; early: Promise<void> }> {
  const builder = await SearchIndexBuilder.start(root);
  const records = earlyNoteRecords(root, cacheDir);
  return { builder, early: records ? builder.addNotes(records) : Promise.resolve() };
}

export function afterBuild(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  let cacheDir = '';
  let started: Promise<{ builder: SearchIndexBuilder; early: Promise<void> }> | undefined;
  return {
    name: 'after-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        started = startIndex(root, cacheDir);
        // Handled in build:done; until then an early failure must not end the process as unhandled.
        started.then((s) => s.early).catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const checked = checkDist(root, dist, base);
        const time = performance.now();
        let indexFailure: unknown;
        try {
          const { builder, early } = await (started ?? startIndex(root, cacheDir));
          await early;
          const report = await builder.finish(dist);
          logger.info(
            `indexed ${report.pages} pages and ${report.notes} notes (${report.early} of them while the pages were rendered; ` +
              `${report.names} mentions with their other names) in ${Math.round(performance.now() - time)} ms after the build ` +
              `(page copies ${report.ms.copies} ms, Pagefind indexing them ${report.ms.pages} ms, writing ${report.ms.write} ms)`,
          );
        } catch (error) {
          indexFailure = error;
        } finally {
          started = undefined;
          await SearchIndexBuilder.close();
        }
        const check = await checked;
        if (check.code !== 0) {
          logger.error(check.output || `scripts/check-dist.ts ended with exit status ${String(check.code)}`);
          process.exit(1);
        }
        logger.info(check.output);
        if (indexFailure !== undefined) throw indexFailure;
      },
    },
  };
}
