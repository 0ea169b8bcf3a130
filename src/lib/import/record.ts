/**
 * An article's import record (content/records/<slug>.yaml): what became of every line of its raw text — the
 * headline, the printed date, which body paragraph (the lines of a re-joined paragraph each name it), or removed
 * and why — plus the editor's decisions that the next `npm run import -- --update <slug>` applies.
 *
 * The post-build check reads the page's expectation from here and from the raw file alone: a paragraph is its
 * raw lines, each trimmed of surrounding white space, joined by single spaces. It never runs the cleaning rules.
 * Blank raw lines are not listed; any other line missing from the record is an error, so nothing is dropped
 * silently.
 */
import { isMap, isScalar, LineCounter, parseDocument, Document, YAMLMap, type Pair } from 'yaml';
import type { CleanResult, Decisions } from './clean.ts';
import { rawLines } from './raw-text.ts';

/** What became of one raw line. Exactly one of headline / printedDate / paragraph / removed is set. */
export interface LineFate {
  /** The raw line exactly as it is in the file (checked against it). */
  text: string;
  headline?: true;
  printedDate?: true;
  /** The 1-based number of the body paragraph this line is part of. */
  paragraph?: number;
  /** Why the line is not shown. */
  removed?: string;
  /** Why an editor should look at this kept line. */
  review?: string;
}

export interface ArticleRecord {
  /** The raw file, relative to the repository root. */
  raw: string;
  decisions: Decisions;
  /** Raw line number → its fate. */
  lines: Map<number, LineFate>;
}

const HEADER = [
  ' What the import made of each line of the raw text: headline, printed date, body paragraph N (a paragraph',
  ' re-joined from several lines lists each), or removed with the reason. Written by `npm run import`; the',
  ' post-build check verifies the page against it and the raw file. Blank lines are not listed.',
  ' To change a decision, edit `decisions` (raw line numbers) and run `npm run import -- --update <slug>`:',
  '   keep: lines the rules removed that are the publisher\'s text; remove: kept lines that are site chrome;',
  '   titleLine: the headline\'s line.',
].join('\n');

export function recordFromClean(raw: string, result: CleanResult, rawText: string, decisions: Decisions): ArticleRecord {
  const lines = rawLines(rawText);
  const fates = new Map<number, LineFate>();
  const textOf = (n: number) => lines[n - 1] ?? '';
  for (const n of result.title?.lines ?? []) fates.set(n, { text: textOf(n), headline: true });
  if (result.printedDate) fates.set(result.printedDate.line, { text: textOf(result.printedDate.line), printedDate: true });
  result.paragraphs.forEach((p, i) => {
    for (const n of p.lines) fates.set(n, { text: textOf(n), paragraph: i + 1 });
  });
  for (const r of result.removed) fates.set(r.line, { text: textOf(r.line), removed: r.reason });
  for (const r of result.review) {
    const fate = fates.get(r.line);
    if (fate) fate.review = r.reason;
  }
  return { raw, decisions: normaliseDecisions(decisions), lines: new Map([...fates].sort(([a], [b]) => a - b)) };
}

function normaliseDecisions(d: Decisions): Decisions {
  return {
    ...(d.titleLine === undefined ? {} : { titleLine: d.titleLine }),
    keep: [...new Set(d.keep ?? [])].sort((a, b) => a - b),
    remove: [...new Set(d.remove ?? [])].sort((a, b) => a - b),
  };
}

/**
 * The record as YAML. Each raw line's entry is written as a JSON object on one line, which is YAML too (a flow
 * map), so editors read it as YAML while the check reads a thousand records in well under a second (see
 * parseRecord's fast path); the yaml library takes a few milliseconds per record.
 */
export function stringifyRecord(record: ArticleRecord): string {
  const head = new Document({ raw: record.raw, decisions: record.decisions });
  head.commentBefore = HEADER;
  const decisions = head.get('decisions', true) as YAMLMap;
  for (const item of decisions.items as Pair[]) {
    const value = item.value as { flow?: boolean } | null;
    if (value && typeof value === 'object') value.flow = true;
  }
  const lines = [...record.lines].map(([n, fate]) => `  ${n}: ${JSON.stringify(fate)}`);
  return `${head.toString({ lineWidth: 0 })}lines:\n${lines.join('\n')}\n`;
}

export interface ParsedRecord {
  record: ArticleRecord;
  /** The record file's line where raw line `n` is described, when it is. */
  lineOf: (rawLine: number) => number | undefined;
}

/** A problem with a record, naming the record's line and the raw file's line where there are ones. */
export class RecordError extends Error {
  override name = 'RecordError';
}

const FATE_KINDS = ['headline', 'printedDate', 'paragraph', 'removed'] as const;

/** Where the `lines:` section starts and what each of its lines says, when every entry is one JSON line. */
const LINE_ENTRY = /^ {2}(\d+): (\{.*\})\s*$/;

/** Reads a record; a malformed one throws a RecordError naming the file, line and field. */
export function parseRecord(text: string, file: string): ParsedRecord {
  return parseRecordFast(text) ?? parseRecordYaml(text, file);
}

/**
 * The fast path, for records as the import writes them: the head (raw, decisions) through the YAML parser, each
 * entry of `lines:` through JSON.parse. Undefined when the file has another shape (an editor reformatted it),
 * which the YAML path then reads.
 */
function parseRecordFast(text: string): ParsedRecord | undefined {
  const all = text.split(/\r?\n/);
  const start = all.indexOf('lines:');
  if (start === -1) return undefined;
  const lines = new Map<number, LineFate>();
  const where = new Map<number, number>();
  for (let i = start + 1; i < all.length; i++) {
    const row = all[i] ?? '';
    if (row.trim() === '' || row.trimStart().startsWith('#')) continue;
    const match = LINE_ENTRY.exec(row);
    if (!match) return undefined;
    let fate: unknown;
    try {
      fate = JSON.parse(match[2] ?? '');
    } catch {
      return undefined;
    }
    const n = Number(match[1]);
    if (lines.has(n) || !isFate(fate)) return undefined;
    lines.set(n, fate);
    where.set(n, i + 1);
  }
  const head = parseHeadFast(all.slice(0, start));
  return head ? { record: { ...head, lines }, lineOf: (n) => where.get(n) } : undefined;
}

/** The head as the import writes it: `raw: <path>`, then `decisions:` with titleLine, keep and remove. */
function parseHeadFast(rows: readonly string[]): Omit<ArticleRecord, 'lines'> | undefined {
  let raw: string | undefined;
  const decisions: { titleLine?: number; keep?: number[]; remove?: number[] } = {};
  for (const row of rows) {
    if (row.trim() === '' || row.startsWith('#') || row === 'decisions:') continue;
    const rawMatch = /^raw: (content\/raw\/[^\s'"]+\.txt)$/.exec(row);
    const title = /^ {2}titleLine: (\d+)$/.exec(row);
    const list = /^ {2}(keep|remove): \[([\d, ]*)\]$/.exec(row);
    if (rawMatch) raw = rawMatch[1];
    else if (title) decisions.titleLine = Number(title[1]);
    else if (list) decisions[list[1] === 'keep' ? 'keep' : 'remove'] = (list[2] ?? '').split(',').map((n) => n.trim()).filter(Boolean).map(Number);
    else return undefined;
  }
  return raw === undefined || decisions.titleLine === 0 ? undefined : { raw, decisions };
}

function isFate(value: unknown): value is LineFate {
  if (!value || typeof value !== 'object') return false;
  const fate = value as LineFate;
  const kinds = FATE_KINDS.filter((k) => fate[k] !== undefined).length;
  return (
    kinds === 1 &&
    typeof fate.text === 'string' &&
    (fate.paragraph === undefined || (Number.isInteger(fate.paragraph) && fate.paragraph >= 1)) &&
    (fate.removed === undefined || typeof fate.removed === 'string') &&
    (fate.headline === undefined || fate.headline === true) &&
    (fate.printedDate === undefined || fate.printedDate === true)
  );
}

/** The full YAML reading, with a message naming the line and field for whatever is wrong. */
function parseRecordYaml(text: string, file: string): ParsedRecord {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  const fail = (node: unknown, field: string, message: string): never => {
    const line = at(node);
    throw new RecordError(`${file}${line === undefined ? '' : `:${line}`}: field "${field}": ${message}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new RecordError(`${file}:${e?.linePos?.[0]?.line ?? 1}: YAML syntax: ${(e?.message ?? '').split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) fail(doc.contents, 'lines', 'expected the fields raw, decisions and lines.');
  const raw = doc.get('raw');
  if (typeof raw !== 'string') fail(doc.contents, 'raw', 'missing: the raw file, e.g. content/raw/<slug>.txt.');
  const decisionsNode = doc.get('decisions', true);
  const decisions = (decisionsNode === undefined ? {} : doc.toJS().decisions ?? {}) as Decisions;
  for (const field of ['keep', 'remove'] as const) {
    const v = decisions[field];
    if (v !== undefined && (!Array.isArray(v) || v.some((n) => !Number.isInteger(n) || n < 1))) {
      fail(doc.getIn(['decisions', field], true), `decisions.${field}`, 'expected a list of raw line numbers, e.g. [12, 40].');
    }
  }
  if (decisions.titleLine !== undefined && (!Number.isInteger(decisions.titleLine) || decisions.titleLine < 1)) {
    fail(doc.getIn(['decisions', 'titleLine'], true), 'decisions.titleLine', 'expected a raw line number.');
  }
  const linesNode = doc.get('lines', true);
  if (!isMap(linesNode)) fail(linesNode ?? doc.contents, 'lines', 'expected one entry per raw line: "<number>: { … }".');
  const lines = new Map<number, LineFate>();
  const where = new Map<number, number | undefined>();
  for (const pair of (linesNode as YAMLMap).items as Pair[]) {
    const key = isScalar(pair.key) ? Number(pair.key.value) : NaN;
    if (!Number.isInteger(key) || key < 1) fail(pair.key, 'lines', `"${String(pair.key)}" is not a raw line number.`);
    if (!isMap(pair.value)) fail(pair.key, `lines.${key}`, 'expected { text: …, and one of headline, printedDate, paragraph, removed }.');
    const fate = (pair.value as YAMLMap).toJSON() as LineFate;
    const kinds = FATE_KINDS.filter((k) => fate[k] !== undefined);
    if (kinds.length !== 1) {
      fail(pair.key, `lines.${key}`, `says ${kinds.length === 0 ? 'nothing' : kinds.join(' and ')} about the line: give exactly one of ${FATE_KINDS.join(', ')}.`);
    }
    if (typeof fate.text !== 'string') fail(pair.key, `lines.${key}.text`, 'missing: the raw line as it is in the file.');
    if (fate.paragraph !== undefined && (!Number.isInteger(fate.paragraph) || fate.paragraph < 1)) {
      fail(pair.key, `lines.${key}.paragraph`, 'expected a paragraph number (1 or more).');
    }
    if (lines.has(key)) fail(pair.key, `lines.${key}`, 'the line is listed twice.');
    lines.set(key, fate);
    where.set(key, at(pair.key));
  }
  return { record: { raw: raw as string, decisions, lines }, lineOf: (n) => where.get(n) };
}

/** What the page must show, read off a record and the raw text. */
export interface Expectation {
  /** The headline's text (its lines trimmed and joined), when the raw text has one. */
  headline?: string;
  headlineLine?: number;
  /** Each paragraph's raw lines and text, in order. */
  paragraphs: { lines: number[]; text: string }[];
}

/**
 * Checks a record against its raw text — every non-blank line accounted for, each listed line as it is in the
 * file, paragraphs numbered 1…N — and returns what the page must show. Problems name both files' lines.
 */
export function expectationFrom(parsed: ParsedRecord, rawText: string, files: { record: string; raw: string; update: string }): { expectation: Expectation; problems: string[] } {
  const problems: string[] = [];
  const raw = rawLines(rawText);
  const { record, lineOf } = parsed;
  const recordAt = (n: number) => `${files.record}${lineOf(n) === undefined ? '' : `:${lineOf(n)}`}`;
  const byParagraph = new Map<number, number[]>();
  const headline: number[] = [];
  for (const [n, fate] of record.lines) {
    const actual = raw[n - 1];
    if (actual === undefined) {
      problems.push(`${recordAt(n)}: lists raw line ${n}, but ${files.raw} has only ${raw.length} lines. The raw file must stay as imported; restore it, or re-import with ${files.update}.`);
      continue;
    }
    if (actual !== fate.text) {
      let at = 0;
      while (at < actual.length && actual[at] === fate.text[at]) at++;
      const from = Math.max(0, at - 20);
      problems.push(
        `${recordAt(n)}: raw line ${n} differs from ${files.raw}:${n} at character ${at + 1}: the record has ` +
          `"${clip(fate.text.slice(from))}", the raw file "${clip(actual.slice(from))}". The raw file must stay byte for ` +
          `byte as imported: restore it (or, if the record is wrong, re-run ${files.update}).`,
      );
    }
    if (fate.paragraph !== undefined) {
      if (actual.trim() === '') problems.push(`${recordAt(n)}: raw line ${n} is blank in ${files.raw} but recorded as part of paragraph ${fate.paragraph}.`);
      byParagraph.set(fate.paragraph, [...(byParagraph.get(fate.paragraph) ?? []), n]);
    }
    if (fate.headline) headline.push(n);
  }
  raw.forEach((text, i) => {
    if (text.trim() !== '' && !record.lines.has(i + 1)) {
      problems.push(`${files.raw}:${i + 1}: this line is not in ${files.record}, so nothing says whether it is shown ("${clip(text)}"). Re-run ${files.update} to record it.`);
    }
  });
  const numbers = [...byParagraph.keys()].sort((a, b) => a - b);
  // The first gap only: every number after it would be off too.
  const gap = numbers.findIndex((p, i) => p !== i + 1);
  if (gap !== -1) {
    const p = numbers[gap] ?? 0;
    problems.push(`${recordAt(byParagraph.get(p)?.[0] ?? 0)}: paragraph ${p} follows paragraph ${numbers[gap - 1] ?? 0}; number the paragraphs 1, 2, 3… without gaps (re-run ${files.update}).`);
  }
  const joined = (lines: number[]) => lines.map((n) => (raw[n - 1] ?? '').trim()).join(' ');
  return {
    expectation: {
      ...(headline.length > 0 ? { headline: joined(headline), headlineLine: headline[0] } : {}),
      paragraphs: numbers.map((p) => {
        const lines = byParagraph.get(p) ?? [];
        return { lines, text: joined(lines) };
      }),
    },
    problems,
  };
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
