/** Astro integration: after every build (also the sub-path one), index the built site for search. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../lib/search/build-index.ts';

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await buildSearchIndex(fileURLToPath(dir), process.cwd());
        logger.info(`indexed ${report.pages} pages and ${report.notes} notes (${report.names} mentions with their other names) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
