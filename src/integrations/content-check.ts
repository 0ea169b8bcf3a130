/** Runs the content check (src/lib/content-check.ts) before every build and dev server start. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, ContentError } from '../lib/content-check.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build' && command !== 'dev') return;
        const problems = checkContent(fileURLToPath(config.root));
        if (problems.length > 0) throw new ContentError(problems);
      },
    },
  };
}
