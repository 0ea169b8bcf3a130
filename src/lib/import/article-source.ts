/**
 * What an article page must show, read from the article's import record and its raw text — never by running
 * the cleaning rules again (see record.ts). Used by the post-build check, the browser tests and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articlePaths } from '../content-paths.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { expectationFrom, parseRecord, RecordError, type Expectation } from './record.ts';

export { articleSlugs } from '../content-paths.ts';

export interface ArticleSource {
  slug: string;
  /** content/articles/<slug>.mdx, relative to the root. */
  file: string;
  /** Line of the title field in the MDX file, for messages. */
  titleLine: number;
  title: string;
  titleSource: 'page' | 'address' | 'editor';
  /** content/raw/<slug>.txt. */
  raw: string;
  /** content/records/<slug>.yaml. */
  record: string;
  expectation: Expectation;
  /** In the shape the tests read: the paragraphs shown and the lines removed, from the record. */
  cleaned: {
    paragraphs: { line: number; text: string }[];
    removed: { line: number; text: string; reason: string }[];
  };
  /** Where the record and the raw file disagree (empty when they agree). */
  problems: string[];
}

export function readArticleSource(root: string, slug: string): ArticleSource {
  const paths = articlePaths(slug);
  const update = `npm run import -- --update ${slug}`;
  const mdx = readFileSync(join(root, paths.article), 'utf8');
  const split = splitFrontmatter(mdx);
  const fm = topLevelFields(split?.yaml ?? '', ['title', 'titleSource']) as { title?: string; titleSource?: ArticleSource['titleSource'] };
  const titleLine = (split?.yaml.split('\n').findIndex((l) => l.startsWith('title:')) ?? -1) + (split?.yamlLine ?? 1);
  const base = {
    slug,
    file: paths.article,
    titleLine,
    title: fm?.title ?? '',
    titleSource: fm?.titleSource ?? 'page',
    raw: paths.raw,
    record: paths.record,
  };
  if (!existsSync(join(root, paths.record))) {
    return {
      ...base,
      expectation: { paragraphs: [] },
      cleaned: { paragraphs: [], removed: [] },
      problems: [`${paths.article}: has no import record ${paths.record}. Create it with ${update}.`],
    };
  }
  let parsed;
  try {
    parsed = parseRecord(readFileSync(join(root, paths.record), 'utf8'), paths.record);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    return { ...base, expectation: { paragraphs: [] }, cleaned: { paragraphs: [], removed: [] }, problems: [error.message] };
  }
  const rawText = readFileSync(join(root, paths.raw), 'utf8');
  const { expectation, problems } = expectationFrom(parsed, rawText, { record: paths.record, raw: paths.raw, update });
  const removed = [...parsed.record.lines].flatMap(([line, f]) => (f.removed === undefined ? [] : [{ line, text: f.text.trim(), reason: f.removed }]));
  return {
    ...base,
    expectation,
    cleaned: { paragraphs: expectation.paragraphs.map((p) => ({ line: p.lines[0] ?? 0, text: p.text })), removed },
    problems,
  };
}

/**
 * Some top-level fields of a YAML block, parsing only their lines (a field's line and its indented
 * continuation): parsing a whole frontmatter costs about a millisecond, which adds up over a thousand articles.
 */
function topLevelFields(yaml: string, fields: readonly string[]): Record<string, unknown> {
  const lines = yaml.split(/\r?\n/);
  const picked: string[] = [];
  lines.forEach((line, i) => {
    if (!fields.some((f) => line.startsWith(`${f}:`))) return;
    picked.push(line);
    for (let j = i + 1; j < lines.length && /^\s/.test(lines[j] ?? ''); j++) picked.push(lines[j] ?? '');
  });
  return (parseYaml(picked.join('\n')) ?? {}) as Record<string, unknown>;
}
