/**
 * npm run import -- <raw.txt> [--slug <slug>] [--title-line <n>]
 *   Imports a raw article text as content/articles/<slug>.mdx, with a byte-for-byte copy in content/raw/ and a
 *   record of what became of every line in content/records/<slug>.yaml; prints what it removed and why.
 * npm run import -- --update <slug>
 *   Re-applies the decisions in the article's record (lines to keep, lines to remove, the headline's line) to
 *   the record and the article, keeping the notes, pins and comments already in it.
 */
import { parseArgs } from 'node:util';
import { importArticle, updateArticle } from '../src/lib/import/import-article.ts';
import { RawTextError } from '../src/lib/import/raw-text.ts';
import { RecordError } from '../src/lib/import/record.ts';
import { PassageIdError } from '../src/lib/passages.ts';

const usage = 'Usage: npm run import -- <raw.txt> [--slug <slug>] [--title-line <n>]\n       npm run import -- --update <slug>';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      'title-line': { type: 'string' },
      update: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (values.update === undefined && positionals.length !== 1) || (values.update !== undefined && positionals.length > 0)) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const titleLine = values['title-line'] === undefined ? undefined : Number(values['title-line']);
  if (titleLine !== undefined && (!Number.isInteger(titleLine) || titleLine < 1)) {
    console.error(`--title-line must be a line number (1 or more), not "${values['title-line']}".\n${usage}`);
    return 2;
  }
  try {
    const result =
      values.update !== undefined
        ? updateArticle(process.cwd(), values.update)
        : importArticle({
            rawPath: positionals[0] ?? '',
            root: process.cwd(),
            ...(values.slug === undefined ? {} : { slug: values.slug }),
            ...(titleLine === undefined ? {} : { titleLine }),
          });
    console.log(result.report.join('\n'));
    return 0;
  } catch (error) {
    if (error instanceof RawTextError || error instanceof RecordError || error instanceof PassageIdError) {
      console.error(`Import refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
