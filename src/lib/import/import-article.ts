/**
 * Turns a raw article text into content/articles/<slug>.mdx plus a verbatim copy in content/raw/<slug>.txt.
 * The CLI wrapper is scripts/import-article.ts; this module does the work and returns a report, so it can be
 * tested without a shell.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { parsePrintedDate } from '../dates.ts';
import { autoPassageId } from '../passages.ts';
import { cleanRawArticle, RawTextError, type CleanResult } from './clean.ts';
import { escapeMdxText } from './escape-mdx.ts';

export interface ImportOptions {
  /** Path of the raw text file. */
  rawPath: string;
  /** Repository root (where content/ is). */
  root: string;
  /** The article's id and URL segment; derived from the headline (or the file name) when omitted. */
  slug?: string;
  /** Raw line that holds the headline, when it cannot be recognised automatically. */
  titleLine?: number;
}

export interface ImportResult {
  slug: string;
  mdxPath: string;
  rawCopyPath: string;
  cleaned: CleanResult;
  /** The human-readable report, line by line. */
  report: string[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,80}$/;

/** Reads a file as UTF-8 text, refusing binary data and invalid UTF-8 with a message that says so. */
export function readRawText(path: string): string {
  if (!existsSync(path)) throw new RawTextError(`${path}: no such file. Pass the path of a raw article text.`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) {
    throw new RawTextError(`${path}: this is a binary file (it contains NUL bytes). Pass a UTF-8 text file.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RawTextError(`${path}: the file is not valid UTF-8 text. Save it as UTF-8 and try again.`);
  }
}

export function importArticle(options: ImportOptions): ImportResult {
  const text = readRawText(options.rawPath);
  const cleaned = cleanRawArticle(
    text,
    options.titleLine === undefined ? {} : { titleLine: options.titleLine },
    options.rawPath,
  );
  const slug = options.slug ?? autoPassageId(cleaned.title?.text ?? basename(options.rawPath).replace(/\.[^.]+$/, ''));
  if (!SLUG.test(slug)) {
    throw new RawTextError(`--slug "${slug}" is not usable in a URL: use 2–80 lowercase letters, digits and hyphens.`);
  }
  const mdxPath = join(options.root, 'content', 'articles', `${slug}.mdx`);
  const rawCopyPath = join(options.root, 'content', 'raw', `${slug}.txt`);
  for (const path of [mdxPath, rawCopyPath]) {
    if (existsSync(path)) {
      throw new RawTextError(
        `${relative(options.root, path)} already exists; the import never overwrites an article. ` +
          'Choose another --slug, or delete the existing files first if you really mean to replace them.',
      );
    }
  }

  const printedIso = cleaned.printedDate ? parsePrintedDate(cleaned.printedDate.text) : undefined;
  const frontmatter: Record<string, unknown> = {
    title: cleaned.title?.text ?? 'TODO: the headline as the publisher printed it',
    ...(cleaned.title ? {} : { titleSource: 'editor' }),
    publisher: 'TODO-outlet-id',
    url: 'https://TODO.example/original-article-address',
    ...(cleaned.printedDate ? { printedDate: cleaned.printedDate.text } : {}),
    published: printedIso ?? 'TODO: YYYY-MM-DD',
    ...(printedIso ? {} : { publishedReason: 'TODO: how the publication date was established' }),
    language: 'en',
    summary: 'TODO: two or three sentences of our own on what the article says and from whose point of view.',
    mentions: { people: [], places: [], organizations: [], glossary: [] },
    source: {
      raw: `content/raw/${slug}.txt`,
      ...(options.titleLine === undefined ? {} : { titleLine: options.titleLine }),
    },
  };
  const body = cleaned.paragraphs.map((p) => escapeMdxText(p.text)).join('\n\n');
  const mdx = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body}\n`;

  mkdirSync(join(options.root, 'content', 'articles'), { recursive: true });
  mkdirSync(join(options.root, 'content', 'raw'), { recursive: true });
  writeFileSync(rawCopyPath, text);
  writeFileSync(mdxPath, mdx);

  const report = [
    `Imported ${options.rawPath} as ${relative(options.root, mdxPath)} (raw copy: ${relative(options.root, rawCopyPath)}).`,
    `Kept ${cleaned.paragraphs.length} paragraph(s) of body text, verbatim.`,
    cleaned.title ? `Headline (line ${cleaned.title.line}): ${cleaned.title.text}` : 'No headline found: write one and set titleSource (address or editor), or re-run with --title-line N.',
    cleaned.printedDate ? `Printed date (line ${cleaned.printedDate.line}): ${cleaned.printedDate.text}` : 'No printed date found.',
    `Removed ${cleaned.removed.length} line(s) of site chrome:`,
    ...cleaned.removed.map((r) => `  line ${r.line} (${r.reason}): ${r.text}`),
    ...(cleaned.warnings.length > 0
      ? ['Review: kept as body text but could be chrome (list such lines in source.chromeLines):', ...cleaned.warnings.map((w) => `  line ${w.line}: ${w.text}`)]
      : []),
    'Next: complete every TODO in the frontmatter (outlet, address, dates, summary, mentions); the build refuses TODOs.',
  ];
  return { slug, mdxPath, rawCopyPath, cleaned, report };
}
