/**
 * Separates a raw article text (as copied from a news site) into the publisher's headline, the date printed on
 * the page, the body paragraphs and the site chrome around them. Pure: no I/O. Only the import runs these rules;
 * what they decided is written to the article's record (record.ts), and the post-build check verifies the page
 * against that record and the raw file, never against these rules again, so a rule's mistake shows up as a
 * difference an editor reviews instead of hiding on both sides.
 *
 * When in doubt, keep and flag: a line is removed only when a named rule says what it is (a menu item, a share
 * button, a caption…) and it lies outside the body or does not read as prose. A line inside the body that reads
 * as prose is kept even when a rule's keyword matches it, and listed for review. Every removal is reported with
 * its line number and reason.
 */

import { isPrintedDateLine } from '../dates.ts';
import { rawLines, RawTextError } from './raw-text.ts';

export { RawTextError };

/** One raw line as it was: its 1-based number and its text with the white space around it trimmed. */
export interface RawLine {
  line: number;
  text: string;
}

/** One body paragraph: the raw lines it is made of, and their trimmed texts joined by single spaces. */
export interface RawParagraph {
  /** The paragraph's first raw line. */
  line: number;
  /** Every raw line in it, in order (more than one where hard-wrapped text was re-joined). */
  lines: number[];
  text: string;
}

/** A line, and why it was removed or flagged. */
export interface LineNote extends RawLine {
  reason: string;
}

/** What an editor decided by raw line number; kept in the article's record and applied by every re-import. */
export interface Decisions {
  /** The headline's line, when automatic detection gets it wrong. */
  titleLine?: number;
  /** Lines to keep as the publisher's text although a rule removed them. */
  keep?: readonly number[];
  /** Lines to remove as site chrome although they were kept. */
  remove?: readonly number[];
}

export interface CleanResult {
  /** The headline (more than one line where hard-wrapped). */
  title?: RawParagraph;
  printedDate?: RawLine;
  paragraphs: RawParagraph[];
  removed: LineNote[];
  /** Lines kept in the article that an editor should look at (could be chrome, or matched a rule's keyword). */
  review: LineNote[];
  /** Lines in the article whose leading or trailing white space was trimmed. */
  trimmed: number[];
  /** Notes about the file as a whole (e.g. line breaks that look lost). */
  warnings: string[];
}


/** Hard-wrapped text (e-mail, editors) breaks lines at 72–80 columns; a longer line is a paragraph of its own. */
export const WRAP_WIDTH = 100;
/** A wrapped line other than a paragraph's last is at least this long (menus and labels are shorter). */
const WRAPPED_LINE_MIN = 30;
/** No news paragraph is this long: a longer line means the file's line breaks were lost. */
export const LOST_BREAKS_LENGTH = 20_000;

interface ChromeRule {
  reason: string;
  test: (line: string) => boolean;
}

const NAV_WORDS = new Set([
  'twitter', 'x', 'youtube', 'instagram', 'facebook', 'telegram', 'whatsapp', 'tiktok', 'linkedin', 'vk',
  'vkontakte', 'odnoklassniki', 'threads', 'reddit', 'pinterest', 'rss', 'apple store', 'app store',
  'play market', 'google play', 'search', 'menu', 'home', 'print', 'copy link', 'share', 'email', 'e-mail',
  'loading', 'loading...', 'social', 'news line', 'newsline', 'leave a review', 'leave a comment',
  'subscribe', 'advertisement', 'advertising', 'read more', 'read also', 'related', 'related news',
  'latest news', 'most read', 'popular', 'tags', 'a+', 'a-', 'ссылка скопирована', 'link copied',
  'all news', 'news', 'main', 'back', 'next', 'previous', 'close',
]);

/** Language switchers are two- or three-letter codes on a line of their own. */
const LANGUAGE_CODES = new Set(['ru', 'en', 'eng', 'arm', 'am', 'az', 'aze', 'hy', 'tr', 'ge', 'ka', 'uz', 'de', 'fr', 'fa', 'ar']);

const AGENCIES = 'AP|AFP|Reuters|Getty Images|EPA|TASS|Anadolu|APA|Sputnik|RIA Novosti|Xinhua|AzerTac|Armenpress';
/** "Russian peacekeepers. AP", "Protesters in Yerevan / Reuters": a caption ending in a credit, no full stop after it. */
const CAPTION_WITH_CREDIT = new RegExp(`^.{1,100}?[.,/|–—-]\\s*(${AGENCIES})$`);
/** "Photo: Reuters", "Фото: АР". */
const PHOTO_CREDIT = /^(photo|фото|foto|şəkil|image|source)\s*:\s*\S.{0,80}$/i;

const CHROME_RULES: readonly ChromeRule[] = [
  { reason: 'menu or share button', test: (l) => NAV_WORDS.has(l.toLowerCase()) },
  { reason: 'language switcher', test: (l) => LANGUAGE_CODES.has(l.toLowerCase()) },
  { reason: 'search box prompt', test: (l) => /^what are you looking for\s*\?*$/i.test(l) },
  { reason: 'copyright line', test: (l) => /(©|\(c\)|copyright)/i.test(l) && l.length <= 160 },
  {
    reason: 'reuse notice',
    test: (l) => /^any (use|reproduction|copying) of (the )?materials?\b/i.test(l) || /^all rights reserved\.?$/i.test(l),
  },
  { reason: 'view counter', test: (l) => /^(views?|просмотр\w*|baxış\w*)\s*:?\s*[\d\s,.]+$/i.test(l) },
  { reason: 'comment counter', test: (l) => /^comments?\s*[:(]?\s*\d+\s*\)?$/i.test(l) || /^\d+\s+comments?$/i.test(l) },
  {
    reason: 'share prompt',
    test: (l) => /^(share-line)?\s*(liked the story\?|share (it|this|on)\b)/i.test(l) || /^share-line/i.test(l),
  },
  {
    reason: '"follow us" line',
    test: (l) =>
      /^follow\b/i.test(l) &&
      /\b(us|our|official|social|instagram|twitter|telegram|facebook|youtube|tiktok|channel|pages?)\b/i.test(l) &&
      l.length <= 160,
  },
  { reason: 'image file name', test: (l) => /^\S+\.(png|jpe?g|gif|webp|avif|svg)$/i.test(l) },
  { reason: 'photo caption', test: (l) => CAPTION_WITH_CREDIT.test(l) || PHOTO_CREDIT.test(l) },
  { reason: 'font-size control', test: (l) => /^[aA][+-]$/.test(l) },
];

/** The rule that takes a line for site chrome, if any. */
export function chromeReason(line: string): string | undefined {
  return CHROME_RULES.find((rule) => rule.test(line))?.reason;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const endsSentence = (text: string): boolean => /[.!?;:"”’»)]$/.test(text);

/** A stretch of running prose: long enough, or a sentence that ends like one. */
export function isProse(text: string): boolean {
  return text.length >= 80 || (wordCount(text) >= 6 && endsSentence(text));
}

/** The site's own name or address on a line of its own, or a short tagline naming it. */
function isSiteSignature(line: string): boolean {
  return (
    line.length <= 80 &&
    !/[.!?]$/.test(line) &&
    /\b[\p{L}\d-]+\.(az|am|uz|ru|ge|com|net|org|info|news|media|co\.uk|tv)\b/iu.test(line)
  );
}

/** Section labels printed in capitals above or below an article ("ANALYTICS", "POLITICS"). */
function isSectionLabel(line: string): boolean {
  return line.length <= 30 && /^[\p{Lu}\d\s&/-]+$/u.test(line) && /\p{Lu}{3,}/u.test(line);
}

/** Rejects what cannot be text: empty files and binary data. */
export function assertText(raw: string, name: string): void {
  if (raw.replace(/^\uFEFF/, '').trim() === '') {
    throw new RawTextError(`${name}: the file is empty. Pass the raw text of a news article (one paragraph a line).`);
  }
  // NUL bytes and the Unicode replacement character are what binary data looks like once read as UTF-8.
  const suspicious = (raw.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  if (raw.includes('\u0000') || suspicious > Math.max(4, raw.length * 0.01)) {
    throw new RawTextError(
      `${name}: this looks like binary data, not text (${suspicious} control or undecodable characters). ` +
        'Pass a UTF-8 text file with the article copied from the web page.',
    );
  }
}

/** A run of body lines that becomes one paragraph, or a single line that may be chrome. */
interface Unit {
  lines: number[];
  text: string;
  /** The chrome rule that matched (single-line units only). */
  rule?: string;
  /** Chrome-rule matches inside a re-joined paragraph, kept and flagged. */
  flagged: LineNote[];
  /** Kept because the editor said so: never removed by a rule. */
  forced: boolean;
}

function checkDecisions(decisions: Decisions, lines: readonly string[], name: string): void {
  const fields: [string, readonly number[]][] = [
    ['keep', decisions.keep ?? []],
    ['remove', decisions.remove ?? []],
    ['titleLine', decisions.titleLine === undefined ? [] : [decisions.titleLine]],
  ];
  for (const [field, numbers] of fields) {
    for (const n of numbers) {
      if (!Number.isInteger(n) || n < 1 || n > lines.length || (lines[n - 1] ?? '').trim() === '') {
        const flag = field === 'titleLine' ? `--title-line ${n}` : `decisions.${field} line ${n}`;
        throw new RawTextError(
          `${name}: ${flag} points at an empty or missing line (the file has ${lines.length} lines). ` +
            'Give the number of a line with text on it.',
        );
      }
    }
  }
}

export function cleanRawArticle(raw: string, decisions: Decisions = {}, name = 'raw text'): CleanResult {
  assertText(raw, name);
  const lines = rawLines(raw);
  checkDecisions(decisions, lines, name);
  const keep = new Set(decisions.keep ?? []);
  const remove = new Set(decisions.remove ?? []);
  const removed: LineNote[] = [];
  const review: LineNote[] = [];
  const warnings: string[] = [];
  const textOf = (line: number): string => (lines[line - 1] ?? '').trim();
  let title: RawParagraph | undefined =
    decisions.titleLine === undefined ? undefined : { line: decisions.titleLine, lines: [decisions.titleLine], text: textOf(decisions.titleLine) };
  let printedDate: RawLine | undefined;

  lines.forEach((l, i) => {
    if (l.length > LOST_BREAKS_LENGTH) {
      warnings.push(
        `line ${i + 1} is ${Math.round(l.length / 1000)} thousand characters long: the file's line breaks look lost. ` +
          'It is imported as one paragraph; if it holds several, restore the breaks in the source and import again.',
      );
    }
  });

  // 1. Lines the editor removed, and the printed date; the rest is grouped into blocks between blank lines.
  const blocks: number[][] = [];
  let block: number[] = [];
  for (let line = 1; line <= lines.length; line++) {
    const text = textOf(line);
    if (text === '' || line === title?.line) {
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    if (remove.has(line)) {
      removed.push({ line, text, reason: 'removed by the editor (decisions.remove)' });
      continue;
    }
    if (!printedDate && !keep.has(line) && !chromeReason(text) && isPrintedDateLine(text)) {
      printedDate = { line, text };
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    block.push(line);
  }
  if (block.length > 0) blocks.push(block);

  // 2. Units: a hard-wrapped block is one paragraph; otherwise every line is one.
  const ruleOf = (line: number): string | undefined => (keep.has(line) ? undefined : chromeReason(textOf(line)));
  // Blank lines separate paragraphs: once one block is clearly hard-wrapped, every block of short lines is.
  const wrappedFile = blocks.some((b) => isWrapped(innerLines(b, ruleOf, textOf).inner, textOf, true));
  const units: Unit[] = blocks.flatMap((b) => unitsOf(b, textOf, ruleOf, keep, wrappedFile));

  // 3. The body runs from the first unit of prose to the last; what lies outside it is the page around it.
  const isBodyProse = (u: Unit) => u.forced || (u.rule === undefined && isProse(u.text));
  let first = units.findIndex(isBodyProse);
  const last = units.findLastIndex(isBodyProse);
  if (first === -1) {
    throw new RawTextError(
      `${name}: no article body is left after removing site chrome (${units.filter((u) => u.rule).length + removed.length} ` +
        `line(s) removed, ${units.filter((u) => !u.rule).length} short line(s) kept). Check that the file holds the ` +
        "article's paragraphs, one a line (or hard-wrapped with blank lines between them).",
    );
  }

  // 4. The headline: named by the editor, or a short line set apart above the body.
  let headlineUnit: number | undefined;
  if (!title) {
    const setApart = (u: Unit) => isSetApart(u, lines, printedDate);
    const above = units.slice(0, first).map((u, i) => ({ u, i })).filter(({ u }) => !u.forced && u.rule === undefined && looksLikeHeadline(u) && setApart(u));
    const nextToDate = above.find(({ u }) => printedDate !== undefined && Math.abs(printedDate.line - (u.lines[0] ?? 0)) <= 2);
    const chosen = nextToDate ?? above.at(-1);
    if (chosen) {
      headlineUnit = chosen.i;
      // Below a headline, the body starts with the first prose, even where a rule's keyword matches it.
      first = units.findIndex((u, i) => i > chosen.i && isProse(u.text));
    } else {
      // A headline directly above the body, set apart from it, shorter than the paragraphs that follow.
      const candidate = units[first];
      const rest = units.slice(first + 1, last + 1).filter(isBodyProse);
      if (candidate && !candidate.forced && rest.length > 0 && looksLikeHeadline(candidate) && setApart(candidate) && isShortBeside(candidate, rest)) {
        headlineUnit = first;
        first = units.findIndex((u, i) => i > (headlineUnit ?? 0) && isProse(u.text));
      }
    }
    if (headlineUnit !== undefined) {
      const u = units[headlineUnit];
      if (u) title = { line: u.lines[0] ?? 0, lines: u.lines, text: u.text };
    }
  }

  // 5. Each unit is removed (a rule, outside the body or not prose), kept and flagged, or kept.
  const paragraphs: RawParagraph[] = [];
  const removeUnit = (u: Unit, reason: string) => {
    for (const line of u.lines) removed.push({ line, text: textOf(line), reason });
  };
  units.forEach((u, i) => {
    if (i === headlineUnit) return;
    const outside = i < first || i > last;
    const only = u.lines[0] ?? 0;
    if (u.rule !== undefined) {
      if (!outside && isProse(u.text)) {
        review.push({ line: only, text: u.text, reason: `matches the rule "${u.rule}" but reads as prose inside the body, so it is kept; if it is chrome, add ${only} to decisions.remove` });
      } else {
        removeUnit(u, u.rule);
        return;
      }
    } else if (outside && !u.forced) {
      if (isSiteSignature(u.text)) {
        removeUnit(u, 'site name or tagline');
        return;
      }
      if (isSectionLabel(u.text)) {
        removeUnit(u, 'section label');
        return;
      }
      review.push({ line: only, text: u.text, reason: `short line outside the body, kept as text; if it is chrome, add ${only} to decisions.remove` });
    }
    review.push(...u.flagged);
    paragraphs.push({ line: only, lines: u.lines, text: u.text });
  });

  const shown = [...(title?.lines ?? []), ...(printedDate ? [printedDate.line] : []), ...paragraphs.flatMap((p) => p.lines)];
  const trimmed = shown.filter((n) => lines[n - 1] !== textOf(n)).sort((a, b) => a - b);
  removed.sort((a, b) => a.line - b.line);
  review.sort((a, b) => a.line - b.line);
  return { title, printedDate, paragraphs, removed, review, trimmed, warnings };
}

/**
 * The units of one block. A block whose lines (other than any chrome at its edges) are all short, and most of
 * which stop mid-sentence, is hard-wrapped text: one paragraph, its lines re-joined. A chrome rule matching a
 * line inside it is a keyword in the publisher's sentence: the line stays and is flagged.
 */
function unitsOf(
  block: number[],
  textOf: (n: number) => string,
  ruleOf: (n: number) => string | undefined,
  keep: ReadonlySet<number>,
  wrappedFile: boolean,
): Unit[] {
  const single = (line: number): Unit => {
    const rule = ruleOf(line);
    return { lines: [line], text: textOf(line), ...(rule ? { rule } : {}), flagged: [], forced: keep.has(line) };
  };
  const { inner, start, end } = innerLines(block, ruleOf, textOf);
  if (!isWrapped(inner, textOf, !wrappedFile)) return block.map(single);
  const text = inner.map(textOf).join(' ');
  const forced = inner.some((n) => keep.has(n));
  // The paragraph as a whole may be chrome ("Follow us…" wrapped over two lines); else a keyword on one of its
  // lines is the publisher's word, kept and flagged.
  const rule = forced ? undefined : chromeReason(text);
  const flagged = inner.flatMap((n) => {
    const lineRule = ruleOf(n);
    return lineRule && !rule ? [{ line: n, text: textOf(n), reason: `matches the rule "${lineRule}" inside a re-joined paragraph, so it is kept` }] : [];
  });
  const paragraph: Unit = { lines: inner, text, ...(rule ? { rule } : {}), flagged, forced };
  return [...block.slice(0, start).map(single), paragraph, ...block.slice(end).map(single)];
}

/**
 * The block without the chrome lines at its edges: a line a rule matches that is short or ends a sentence at the
 * start, or that follows the end of a sentence at the end. (A long line that runs on is part of the paragraph.)
 */
function innerLines(block: number[], ruleOf: (n: number) => string | undefined, textOf: (n: number) => string): { inner: number[]; start: number; end: number } {
  const isEdge = (n: number, sentenceEnd: string) =>
    ruleOf(n) !== undefined && (textOf(n).length < WRAPPED_LINE_MIN || endsSentence(sentenceEnd));
  let start = 0;
  let end = block.length;
  while (start < end && isEdge(block[start] ?? 0, textOf(block[start] ?? 0))) start++;
  while (end > start && isEdge(block[end - 1] ?? 0, end - 2 >= start ? textOf(block[end - 2] ?? 0) : '.')) end--;
  return { inner: block.slice(start, end), start, end };
}

/**
 * Lines that are hard-wrapped text: two or more, none longer than a wrap width, all but the last of a wrapped
 * line's length. `strict` also asks that most of them stop mid-sentence (what tells wrapped text from one short
 * paragraph a line, before the file is known to be wrapped).
 */
function isWrapped(inner: readonly number[], textOf: (n: number) => string, strict: boolean): boolean {
  const heads = inner.slice(0, -1).map(textOf);
  return (
    inner.length >= 2 &&
    inner.every((n) => textOf(n).length <= WRAP_WIDTH) &&
    heads.every((t) => t.length >= WRAPPED_LINE_MIN) &&
    (!strict || heads.filter((t) => !endsSentence(t)).length * 2 > heads.length)
  );
}

/**
 * A headline is one short line (up to three where hard-wrapped) that is not a menu item or a clause: at least three words, no final comma,
 * semicolon or colon, and at most one sentence when it ends with a full stop.
 */
function looksLikeHeadline(u: Unit): boolean {
  if (u.lines.length > 3 || u.text.length > 200 || wordCount(u.text) < 3 || /[;,:]$/.test(u.text)) return false;
  return !/\.$/.test(u.text) || (u.text.length <= 160 && !/[.!?]\s/.test(u.text));
}

/** Set apart from what follows: a blank line or the printed date comes next. */
function isSetApart(u: Unit, lines: readonly string[], printedDate: RawLine | undefined): boolean {
  const line = u.lines.at(-1) ?? 0;
  return (lines[line] ?? '').trim() === '' || printedDate?.line === line + 1;
}

/** A headline is much shorter than the paragraphs after it. */
function isShortBeside(u: Unit, rest: readonly Unit[]): boolean {
  const lengths = rest.map((r) => r.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return /\.$/.test(u.text) ? u.text.length * 2 <= median : u.text.length <= 200;
}
