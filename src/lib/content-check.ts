/**
 * Checks everything under content/ before Astro builds it, and reports each problem with the file, the line,
 * the field and what would fix it. Astro validates frontmatter too, but it neither gives line numbers nor checks
 * that a reference (an outlet, a person, a source) names an entry that exists; an unknown entity must fail the
 * build rather than publish a dead link.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { COLLECTIONS, entryLocation, type CollectionName, type RefFactory } from '../schemas/common.ts';
import { SLUG_PATTERN } from './content-paths.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { schemaFactories } from '../schemas/collections.ts';

export interface ContentProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** The YAML parser's message without its own "at line N" (which counts from the start of the YAML, not the file). */
function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '');
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.field ? `${where}: field "${p.field}": ${p.message}` : `${where}: ${p.message}`;
}

export class ContentError extends Error {
  override name = 'ContentError';
  constructor(readonly problems: ContentProblem[]) {
    super(
      `${problems.length} problem(s) in content/:\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
  }
}

interface ParsedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: unknown;
  /** Line of the field at `path`, where the source says. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

function lineFinder(doc: Document, counter: LineCounter, firstLine: number, prefix: readonly PropertyKey[] = []) {
  return (path: readonly PropertyKey[]): number | undefined => {
    const full = [...prefix, ...path];
    // Walk up the path until a node with a position is found (a missing field reports its parent's line).
    for (let n = full.length; n >= 0; n--) {
      const node = doc.getIn(full.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        return counter.linePos(node.range[0]).line + firstLine - 1;
      }
    }
    return undefined;
  };
}

function parseFrontmatterFile(path: string, display: string, problems: ContentProblem[]) {
  const split = splitFrontmatter(readFileSync(path, 'utf8'));
  if (!split) {
    problems.push({ file: display, line: 1, message: 'no frontmatter: the file must start with a --- block of YAML fields.' });
    return undefined;
  }
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter });
  if (doc.errors.length > 0) {
    // Only the first: YAML's later errors usually follow from it.
    const e = doc.errors[0];
    problems.push({ file: display, line: (e?.linePos?.[0]?.line ?? 1) + split.yamlLine - 1, message: `YAML syntax: ${yamlMessage(e?.message ?? '')}` });
    return undefined;
  }
  return { data: doc.toJS() as unknown, lineOf: lineFinder(doc, counter, split.yamlLine), body: split.body };
}

/** Reads every entry of every collection, checking file names and YAML syntax on the way. */
function readEntries(root: string, problems: ContentProblem[]): ParsedEntry[] {
  const entries: ParsedEntry[] = [];
  const folders = Object.entries(COLLECTIONS).flatMap(([collection, where]) => ('folder' in where ? [{ collection: collection as CollectionName, ...where }] : []));
  const yamlFiles = Object.entries(COLLECTIONS).flatMap(([collection, where]) => ('file' in where ? [{ collection: collection as CollectionName, ...where }] : []));
  for (const { collection, folder, ext } of folders) {
    const dir = join(root, 'content', folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.md') && !name.endsWith('.mdx')) continue;
      const display = relative(root, join(dir, name));
      if (!name.endsWith(ext)) {
        problems.push({ file: display, message: `files in content/${folder}/ must end in ${ext}.` });
        continue;
      }
      const id = basename(name, ext);
      if (!SLUG_PATTERN.test(id)) {
        problems.push({ file: display, message: `the file name "${id}" is its id in links: rename it to lowercase letters, digits and hyphens.` });
        continue;
      }
      const parsed = parseFrontmatterFile(join(dir, name), display, problems);
      if (!parsed) continue;
      if (collection === 'articles' && parsed.body.trim() === '') {
        problems.push({ file: display, message: "the article has no text after its frontmatter: import the publisher's text with npm run import." });
      }
      entries.push({ collection, id, file: display, data: parsed.data, lineOf: parsed.lineOf });
    }
  }
  for (const { collection, file } of yamlFiles) {
    const path = join(root, 'content', file);
    if (!existsSync(path)) continue;
    const display = relative(root, path);
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      problems.push({ file: display, line: e?.linePos?.[0]?.line ?? 1, message: `YAML syntax: ${yamlMessage(e?.message ?? '')}` });
      continue;
    }
    if (!isSeq(doc.contents)) {
      problems.push({ file: display, line: 1, message: 'expected a list of entries, each starting with "- id: …".' });
      continue;
    }
    doc.contents.items.forEach((item, i) => {
      const data = isMap(item) ? (item.toJSON() as Record<string, unknown>) : item;
      const id = typeof (data as { id?: unknown })?.id === 'string' ? String((data as { id: string }).id) : `#${i + 1}`;
      entries.push({ collection, id, file: display, data, lineOf: lineFinder(doc, counter, 1, [i]) });
    });
  }
  return entries;
}


/** Every string field that still holds an import placeholder ("TODO…"), with its path. */
function leftoverTodos(data: unknown, path: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof data === 'string') return /\bTODO\b/.test(data) ? [[path, data]] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => leftoverTodos(v, [...path, i]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => leftoverTodos(v, [...path, k]));
  }
  return [];
}

/** Checks the content folder under `root`; returns every problem found (empty when all is well). */
export function checkContent(root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entries = readEntries(root, problems);
  const known = new Map<CollectionName, Set<string>>();
  for (const entry of entries) {
    const ids = known.get(entry.collection) ?? new Set<string>();
    if (ids.has(entry.id)) {
      const first = entries.find((e) => e.collection === entry.collection && e.id === entry.id);
      problems.push({
        file: entry.file,
        line: entry.lineOf(['id']),
        field: 'id',
        message: `duplicate id "${entry.id}" (first used at ${first?.file}:${first?.lineOf(['id'])}). Give each entry its own id.`,
      });
    }
    ids.add(entry.id);
    known.set(entry.collection, ids);
  }
  const ref: RefFactory = <C extends CollectionName>(collection: C) =>
    z.string().superRefine((id, ctx) => {
      const ids = known.get(collection) ?? new Set<string>();
      if (!ids.has(id)) {
        const some = [...ids].slice(0, 8).join(', ');
        const existing = some ? ` (${some}${ids.size > 8 ? ', …' : ''})` : '';
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${collection} entry "${id}". Add ${entryLocation(collection, id)} or use an existing id${existing}.`,
          // For a placeholder, the TODO message says what to put there instead (see below).
          params: { placeholderHint: `put the id of one of the ${collection} here${existing}, or add ${entryLocation(collection, '<id>')}` },
        });
      }
    }).transform((id) => ({ id, collection }));

  for (const entry of entries) {
    const todos = leftoverTodos(entry.data);
    const result = schemaFactories[entry.collection](ref).safeParse(entry.data);
    const issues = result.success ? [] : result.error.issues;
    const key = (path: readonly PropertyKey[]) => path.map(String).join('.');
    for (const [path, value] of todos) {
      const custom = issues.find((i) => key(i.path) === key(path) && i.code === 'custom');
      const hint = custom?.code === 'custom' ? custom.params?.['placeholderHint'] : undefined;
      problems.push({
        file: entry.file,
        line: entry.lineOf(path),
        field: key(path),
        message: `still a placeholder ("${value}"): ${typeof hint === 'string' ? hint : 'complete it before publishing'}.`,
      });
    }
    // A placeholder's own schema errors would only repeat it in other words: one problem per mistake.
    const todoKeys = todos.map(([path]) => key(path));
    for (const issue of issues) {
      const field = key(issue.path);
      if (todoKeys.some((t) => field === t || field.startsWith(`${t}.`))) continue;
      problems.push({
        file: entry.file,
        line: entry.lineOf(issue.path),
        ...(field === '' ? {} : { field }),
        message: issue.message,
      });
    }
    if (!result.success) continue;
    if (entry.collection === 'articles') {
      const raw = (result.data as { source: { raw: string } }).source.raw;
      if (!existsSync(join(root, raw))) {
        problems.push({
          file: entry.file,
          line: entry.lineOf(['source', 'raw']),
          field: 'source.raw',
          message: `the raw text ${raw} does not exist. Keep the file the article was imported from there.`,
        });
      }
    }
  }
  return problems;
}
