/**
 * Runs the content check (src/lib/content-check.ts) before every build and dev server start, and prints its
 * problems as a plain list: file:line, field, what to do. Astro reports an error thrown from a hook as "an
 * unhandled error in the astro:config:setup hook" with a stack trace, which buries the list and points at this
 * file; so the list is printed here and the build stops with exit status 1 instead.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../lib/content-check.ts';
import { checkEntities } from '../lib/entities/check.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const problems = [...checkContent(root), ...checkEntities(root)];
        if (problems.length === 0) return;
        logger.error(
          `${problems.length} problem(s) in content/; fix them and build again:\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
        );
        process.exit(1);
      },
    },
  };
}
