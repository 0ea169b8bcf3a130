/**
 * Astro integration: after every build (also the sub-path one), index the built site for search. The indexing
 * runs in a child process (src/lib/search/build-index-cli.ts): Astro's own process holds the whole build in its
 * heap by then, and reading and rewriting every page there spent much of its time collecting garbage.
 */
import type { AstroIntegration } from 'astro';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IndexReport } from '../lib/search/build-index.ts';

const CLI = fileURLToPath(new URL('../lib/search/build-index-cli.ts', import.meta.url));

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const child = spawnSync(process.execPath, ['--import', 'tsx', CLI, fileURLToPath(dir), process.cwd()], {
          cwd: process.cwd(),
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 16 * 1024 * 1024,
        });
        if (child.error) throw new Error(`search index: could not start ${CLI}: ${child.error.message}`);
        if (child.status !== 0) throw new Error(`search index: indexing failed (exit ${child.status ?? child.signal}); its messages are above.`);
        const report = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as IndexReport;
        logger.info(`indexed ${report.pages} pages and ${report.notes} notes (${report.names} mentions with their other names) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
