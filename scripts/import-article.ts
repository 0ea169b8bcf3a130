/**
 * npm run import -- <raw.txt> [--slug <slug>] [--title-line <n>]
 * Imports a raw article text as content/articles/<slug>.mdx and prints what it removed, line by line.
 */
import { parseArgs } from 'node:util';
import { importArticle } from '../src/lib/import/import-article.ts';
import { RawTextError } from '../src/lib/import/clean.ts';

const usage = 'Usage: npm run import -- <raw.txt> [--slug <slug>] [--title-line <n>]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { slug: { type: 'string' }, 'title-line': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const titleLine = values['title-line'] === undefined ? undefined : Number(values['title-line']);
  if (titleLine !== undefined && (!Number.isInteger(titleLine) || titleLine < 1)) {
    console.error(`--title-line must be a line number (1 or more), not "${values['title-line']}".\n${usage}`);
    return 2;
  }
  try {
    const result = importArticle({
      rawPath: positionals[0] ?? '',
      root: process.cwd(),
      ...(values.slug === undefined ? {} : { slug: values.slug }),
      ...(titleLine === undefined ? {} : { titleLine }),
    });
    console.log(result.report.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof RawTextError) {
      console.error(`Import refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
