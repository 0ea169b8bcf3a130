/**
 * Turns a raw article text into content/articles/<slug>.mdx, a byte-for-byte copy in content/raw/<slug>.txt and
 * the import record content/records/<slug>.yaml; and re-applies an editor's decisions to an existing article
 * (`updateArticle`), keeping the notes, pins and comments already written in it. The CLI wrapper is
 * scripts/import-article.ts; this module returns reports so it can be tested without a shell.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, stringify } from 'yaml';
import { parsePrintedDate } from '../dates.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { articlePaths, isSlug, SLUG_MAX_LENGTH } from '../content-paths.ts';
import { autoPassageId } from '../passages.ts';
import { findPassages, type PassageSource } from '../../plugins/remark-passage-ids.ts';
import { cleanRawArticle, type CleanResult, type Decisions, type RawParagraph } from './clean.ts';
import { escapeMdxText } from './escape-mdx.ts';
import { readRawFile, RawTextError } from './raw-text.ts';
import { parseRecord, recordFromClean, stringifyRecord } from './record.ts';

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
  recordPath: string;
  cleaned: CleanResult;
  /** The human-readable report, line by line. */
  report: string[];
}

/** Ids the import pinned because two paragraphs would otherwise share one: [raw line, pinned id, shared id]. */
type Pinned = [number, string, string];

/**
 * The MDX of new paragraphs, each pinned to a fresh id where its automatic id is already taken (by `taken`, or
 * by an earlier paragraph), so the import never writes an article the build rejects for duplicate ids.
 */
function paragraphsMdx(paragraphs: readonly RawParagraph[], taken: Set<string>): { mdx: string[]; pinned: Pinned[] } {
  const autos = paragraphs.map((p) => autoPassageId(p.text));
  const reserved = new Set([...taken, ...autos]);
  const used = new Set(taken);
  const pinned: Pinned[] = [];
  const mdx = paragraphs.map((p, i) => {
    const auto = autos[i] ?? 'passage';
    let id = auto;
    if (used.has(auto)) {
      let n = 2;
      while (reserved.has(`${auto}-${n}`) || used.has(`${auto}-${n}`)) n++;
      id = `${auto}-${n}`;
      pinned.push([p.line, id, auto]);
    }
    used.add(id);
    const text = escapeMdxText(p.text);
    return id === auto ? text : `{/* #${id} */} ${text}`;
  });
  return { mdx, pinned };
}

function reviewReport(cleaned: CleanResult, pinned: readonly Pinned[]): string[] {
  return [
    ...(cleaned.removed.length > 0 ? [`Removed ${cleaned.removed.length} line(s) of site chrome:`] : ['Removed no lines.']),
    ...cleaned.removed.map((r) => `  line ${r.line} (${r.reason}): ${r.text}`),
    ...(cleaned.review.length > 0 ? ['Review (kept in the article; if a line is chrome, add it to decisions.remove in the record):'] : []),
    ...cleaned.review.map((r) => `  line ${r.line}: ${r.text}\n    ${r.reason}`),
    ...(cleaned.trimmed.length > 0 ? [`Trimmed white space around ${cleaned.trimmed.length} line(s): ${cleaned.trimmed.join(', ')} (the rest of each line is verbatim).`] : []),
    ...cleaned.paragraphs.filter((p) => p.lines.length > 1).map((p) => `Re-joined lines ${p.lines[0]}–${p.lines.at(-1)} into one paragraph (hard-wrapped text).`),
    ...pinned.map(([line, id, auto]) => `Pinned #${id} on the paragraph at line ${line}: its opening words give "#${auto}", which an earlier paragraph has.`),
    ...cleaned.warnings.map((w) => `Warning: ${w}`),
  ];
}

/** "Verbatim" only when it is: re-joined lines and trimmed white space are said instead. */
function keptLine(cleaned: CleanResult): string {
  const joined = cleaned.paragraphs.filter((p) => p.lines.length > 1).length;
  const changes = [
    ...(joined > 0 ? [`${joined} re-joined from hard-wrapped lines (line breaks become single spaces)`] : []),
    ...(cleaned.trimmed.length > 0 ? [`white space trimmed around ${cleaned.trimmed.length} line(s)`] : []),
  ];
  return `Kept ${cleaned.paragraphs.length} paragraph(s) of body text, ${changes.length === 0 ? 'verbatim' : `verbatim except: ${changes.join('; ')}`}.`;
}

function writeFile(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function importArticle(options: ImportOptions): ImportResult {
  const file = readRawFile(options.rawPath);
  const decisions: Decisions = options.titleLine === undefined ? {} : { titleLine: options.titleLine };
  const cleaned = cleanRawArticle(file.text, decisions, options.rawPath);
  const slug = options.slug ?? autoPassageId(cleaned.title?.text ?? basename(options.rawPath).replace(/\.[^.]+$/, '')).slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
  if (!isSlug(slug)) {
    throw new RawTextError(`--slug "${slug}" is not usable in a URL: use up to ${SLUG_MAX_LENGTH} lowercase letters and digits, in words joined by single hyphens.`);
  }
  const paths = articlePaths(slug);
  const abs = (p: string) => join(options.root, p);
  for (const path of [paths.article, paths.raw, paths.record]) {
    if (existsSync(abs(path))) {
      throw new RawTextError(
        `${path} already exists; the import never overwrites an article. Choose another --slug; to re-apply the ` +
          `editor's decisions to this article, run npm run import -- --update ${slug}.`,
      );
    }
  }

  const printedIso = cleaned.printedDate ? parsePrintedDate(cleaned.printedDate.text) : undefined;
  const frontmatter: Record<string, unknown> = {
    title: cleaned.title?.text ?? 'TODO: the headline as the publisher printed it',
    ...(cleaned.title ? {} : { titleSource: 'editor' }),
    // Not "TODO-…": the content check would read a placeholder there as an outlet's id and suggest creating it.
    publisher: 'TODO',
    url: 'https://TODO.example/original-article-address',
    ...(cleaned.printedDate ? { printedDate: cleaned.printedDate.text } : {}),
    published: printedIso ?? 'TODO: YYYY-MM-DD',
    ...(printedIso ? {} : { publishedReason: 'TODO: how the publication date was established' }),
    language: 'en',
    summary: 'TODO: two or three sentences of our own on what the article says and from whose point of view.',
    summarySources: ['TODO'],
    publishedSources: ['TODO'],
    source: { raw: paths.raw },
  };
  const { mdx: body, pinned } = paragraphsMdx(cleaned.paragraphs, new Set());
  const mdx = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;

  writeFile(abs(paths.raw), file.bytes);
  writeFile(abs(paths.record), stringifyRecord(recordFromClean(paths.raw, cleaned, file.text, decisions)));
  writeFile(abs(paths.article), mdx);

  const report = [
    `Imported ${options.rawPath} as ${paths.article} (raw copy, byte for byte: ${paths.raw}; record of every line: ${paths.record}).`,
    keptLine(cleaned),
    cleaned.title
      ? `Headline (line ${cleaned.title.lines.join('–')}): ${cleaned.title.text}`
      : 'No headline found: write one and set titleSource (address or editor), or set decisions.titleLine in the record and re-run with --update.',
    cleaned.printedDate ? `Printed date (line ${cleaned.printedDate.line}): ${cleaned.printedDate.text}` : 'No printed date found.',
    ...reviewReport(cleaned, pinned),
    'Next: complete every TODO in the frontmatter (outlet, address, dates, summary, mentions); the build refuses TODOs.',
  ];
  return { slug, mdxPath: abs(paths.article), rawCopyPath: abs(paths.raw), recordPath: abs(paths.record), cleaned, report };
}

export interface UpdateResult {
  slug: string;
  /** True when the article's MDX changed. */
  articleChanged: boolean;
  cleaned: CleanResult;
  report: string[];
}

/** The MDX source of one passage: where the comments above it or its text start, and where its text ends. */
interface Segment {
  passage: PassageSource;
  start: number;
  textStart: number;
  end: number;
  /** Where the next passage's segment starts (or the end of the body): notes and comments lie in [end, next). */
  next: number;
}

function segmentsOf(body: string, where: string): Segment[] {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(body) as Root;
  const passages = findPassages(tree, where);
  // A segment starts at the comments (pins, link overrides) directly above its paragraph: they belong to it.
  const starts = passages.map((p) => {
    let i = tree.children.indexOf(p.node);
    while (i > 0 && tree.children[i - 1]?.type === 'mdxFlowExpression') i--;
    return tree.children[i]?.position?.start.offset ?? 0;
  });
  return passages.map((passage, i) => ({
    passage,
    start: starts[i] ?? 0,
    textStart: passage.node.position?.start.offset ?? 0,
    end: passage.node.position?.end.offset ?? 0,
    next: starts[i + 1] ?? body.length,
  }));
}

/**
 * Re-applies the cleaning rules with the editor's decisions in the record to the raw copy, then rewrites the
 * record and the article's body. A paragraph whose lines did not change keeps its MDX exactly (pins, links,
 * inline notes); one whose lines changed gets the new text and keeps its pin; one that was removed leaves its
 * notes in place (they then follow the paragraph above, which the report says). The frontmatter is untouched.
 * An article without a record (imported before records existed) is matched by text and gets one.
 */
export function updateArticle(root: string, slug: string): UpdateResult {
  const paths = articlePaths(slug);
  const abs = (p: string) => join(root, p);
  const update = `npm run import -- --update ${slug}`;
  if (!existsSync(abs(paths.article))) throw new RawTextError(`${paths.article} does not exist: import the article first (npm run import -- <raw.txt> --slug ${slug}).`);
  const mdxText = readFileSync(abs(paths.article), 'utf8');
  const split = splitFrontmatter(mdxText);
  if (!split) throw new RawTextError(`${paths.article}:1: no frontmatter: the file must start with a --- block of YAML fields.`);
  const file = readRawFile(abs(paths.raw));

  const hadRecord = existsSync(abs(paths.record));
  const old = hadRecord ? parseRecord(readFileSync(abs(paths.record), 'utf8'), paths.record).record : undefined;
  let decisions: Decisions;
  if (old) {
    decisions = old.decisions;
  } else {
    // Before records, the frontmatter held these; they seed the record once.
    const source = (parseYaml(split.yaml) as { source?: { titleLine?: number; chromeLines?: number[] } } | null)?.source ?? {};
    decisions = { ...(source.titleLine === undefined ? {} : { titleLine: source.titleLine }), remove: source.chromeLines ?? [] };
  }
  const cleaned = cleanRawArticle(file.text, decisions, paths.raw);
  const record = recordFromClean(paths.raw, cleaned, file.text, decisions);

  const body = split.body;
  const segments = segmentsOf(body, paths.article);
  const oldLines: (number[] | undefined)[] = old
    ? segments.map((_, i) => [...old.lines].filter(([, f]) => f.paragraph === i + 1).map(([n]) => n))
    : segments.map(() => undefined);
  if (old) {
    const recorded = new Set([...old.lines.values()].flatMap((f) => (f.paragraph === undefined ? [] : [f.paragraph]))).size;
    if (recorded !== segments.length) {
      throw new RawTextError(
        `${paths.article}: has ${segments.length} paragraph(s), but ${paths.record} records ${recorded}. Paragraphs of the ` +
          "publisher's text are added and removed through the record's decisions, not by hand: restore the article's " +
          `paragraphs (git diff ${paths.article}), then edit decisions and run ${update}.`,
      );
    }
  }

  // Which old passage each new paragraph continues: the same first raw line (with a record), else the same text.
  const match = new Map<number, number>();
  let from = 0;
  cleaned.paragraphs.forEach((p, j) => {
    for (let i = from; i < segments.length; i++) {
      const same = old ? oldLines[i]?.[0] === p.line : segments[i]?.passage.text === p.text;
      if (same) {
        match.set(j, i);
        from = i + 1;
        return;
      }
    }
  });
  const matchedOld = new Set(match.values());
  const unchanged = (j: number, i: number) => {
    const p = cleaned.paragraphs[j];
    return old ? oldLines[i]?.join(',') === p?.lines.join(',') : true;
  };
  const takenIds = new Set(
    [...match].filter(([j, i]) => unchanged(j, i)).map(([, i]) => segments[i]?.passage).flatMap((p) => (p ? [p.pin ?? autoPassageId(p.text)] : [])),
  );
  const fresh = cleaned.paragraphs.filter((_, j) => !match.has(j) || !unchanged(j, match.get(j) ?? -1));
  const { mdx: freshMdx, pinned } = paragraphsMdx(fresh, takenIds);
  const freshText = new Map(fresh.map((p, k) => [p.line, freshMdx[k] ?? '']));

  const notes: string[] = [];
  const firstStart = segments[0]?.start ?? body.length;
  let out = body.slice(0, firstStart);
  // A blank line before what is appended, unless only the blank lines after the frontmatter precede it.
  const ensureBreak = () => {
    if (out.trim() !== '' && !out.endsWith('\n\n')) out = out.replace(/\n?$/, '\n\n');
  };
  const emitDropped = (i: number) => {
    const s = segments[i];
    if (!s) return;
    const rest = body.slice(s.end, s.next).replace(/^\s+/, '');
    notes.push(`Removed the paragraph at line ${oldLines[i]?.[0] ?? '?'} of the raw text ("${s.passage.text.slice(0, 50)}…").`);
    if (rest.trim() !== '') {
      notes.push(`  What followed it in the article (notes, comments) is kept and now follows the paragraph above: check it.`);
      ensureBreak();
      out += rest;
    }
  };
  let oi = 0;
  cleaned.paragraphs.forEach((p, j) => {
    const i = match.get(j);
    if (i === undefined) {
      ensureBreak();
      out += `${freshText.get(p.line) ?? ''}\n\n`;
      notes.push(`Added the paragraph at line ${p.lines.join('+')} of the raw text.`);
      return;
    }
    for (; oi < i; oi++) if (!matchedOld.has(oi)) emitDropped(oi);
    oi = i + 1;
    const s = segments[i];
    if (!s) return;
    ensureBreak();
    if (unchanged(j, i)) {
      out += body.slice(s.start, s.next);
      return;
    }
    // Same paragraph, other lines (an editor kept or removed one): new text, same pin, same notes after it.
    const text = (freshText.get(p.line) ?? '').replace(/^\{\/\* #[^*]+ \*\/\} /, '');
    const inlinePin = s.passage.pin !== undefined && !s.passage.pinNode ? `{/* #${s.passage.pin} */} ` : '';
    out += `${body.slice(s.start, s.textStart)}${inlinePin}${s.passage.pin === undefined ? (freshText.get(p.line) ?? '') : text}${body.slice(s.end, s.next)}`;
    notes.push(`Rewrote the paragraph at line ${p.line} of the raw text (now lines ${p.lines.join(', ')}); its pin and the notes after it are kept, markup inside its text is not.`);
  });
  for (; oi < segments.length; oi++) if (!matchedOld.has(oi)) emitDropped(oi);
  out = `${out.replace(/\s+$/, '')}\n`;

  const newMdx = mdxText.slice(0, split.bodyOffset) + out;
  const articleChanged = newMdx !== mdxText;
  if (articleChanged) writeFile(abs(paths.article), newMdx);
  writeFile(abs(paths.record), stringifyRecord(record));

  const fm = parseYaml(split.yaml) as { title?: string; titleSource?: string } | null;
  const titleDiffers = cleaned.title && (fm?.titleSource ?? 'page') === 'page' && fm?.title !== cleaned.title.text;
  const report = [
    `Updated ${paths.record}${hadRecord ? '' : ' (new)'} from ${paths.raw} with the decisions ${JSON.stringify(record.decisions)}.`,
    articleChanged ? `Rewrote the body of ${paths.article}:` : `${paths.article} is unchanged.`,
    ...notes.map((n) => `  ${n}`),
    ...(titleDiffers ? [`The headline is now line ${cleaned.title?.line}: "${cleaned.title?.text}". Set the frontmatter's title to it.`] : []),
    ...reviewReport(cleaned, pinned),
  ];
  return { slug, articleChanged, cleaned, report };
}
