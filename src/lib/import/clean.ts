/**
 * Separates a raw article text (as copied from a news site) into the publisher's headline, the date printed on
 * the page, the body paragraphs and the site chrome around them. Pure: no I/O, so the import script, the unit
 * tests and the post-build verbatim check all run the same rules.
 *
 * The rules are deliberately conservative. A line is removed only when a named rule says what it is (a menu
 * item, a share button, a caption…); every removal is reported with its line number and reason. A short line
 * that no rule recognises stays in the body and is reported as a warning, so text is never lost silently.
 */

/** One paragraph of the publisher's text, exactly as it stood on its line of the raw file. */
export interface RawParagraph {
  /** 1-based line number in the raw file. */
  line: number;
  /** The line's text, with only leading and trailing white space removed. */
  text: string;
}

/** A line that is not part of the body, and why. */
export interface RemovedLine {
  line: number;
  text: string;
  reason: string;
}

export interface CleanOptions {
  /** 1-based line number of the headline, when the automatic detection cannot tell (e.g. no blank lines). */
  titleLine?: number;
  /** 1-based line numbers an editor has confirmed as chrome that no rule recognises. */
  chromeLines?: readonly number[];
}

export interface CleanResult {
  title?: RawParagraph;
  printedDate?: RawParagraph;
  paragraphs: RawParagraph[];
  removed: RemovedLine[];
  /** Short lines kept in the body that look like they could be chrome: for an editor to review. */
  warnings: RemovedLine[];
}

/** Raised for input that cannot be an article. The message says what is wrong and how to fix it. */
export class RawTextError extends Error {
  override name = 'RawTextError';
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** Dates as news sites print them above an article: "01 September 2023 14:59", "September, Friday 20, 2024". */
const PRINTED_DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`^\\d{1,2}\\s+(${MONTHS})\\.?,?\\s+\\d{4}(,?\\s+\\d{1,2}:\\d{2}(\\s*[ap]m)?)?$`, 'i'),
  new RegExp(`^(${MONTHS})\\.?,?\\s+((${WEEKDAYS}),?\\s+)?\\d{1,2},?\\s+\\d{4}(,?\\s+\\d{1,2}:\\d{2}(\\s*[ap]m)?)?$`, 'i'),
  new RegExp(`^(${WEEKDAYS}),?\\s+\\d{1,2}\\s+(${MONTHS}),?\\s+\\d{4}(,?\\s+\\d{1,2}:\\d{2})?$`, 'i'),
  /^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$/,
  /^\d{1,2}[./]\d{1,2}[./]\d{4}(,?\s+\d{1,2}:\d{2})?$/,
];

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

/** A line of running prose: long enough, or a sentence that ends like one. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return line.length >= 80 || (words >= 6 && /[.!?;:"”’)]$/.test(line));
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

function chromeReason(line: string): string | undefined {
  return CHROME_RULES.find((rule) => rule.test(line))?.reason;
}

/** Rejects what cannot be text: empty files and binary data. */
export function assertText(raw: string, name: string): void {
  if (raw.trim() === '') {
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

export function cleanRawArticle(raw: string, options: CleanOptions = {}, name = 'raw text'): CleanResult {
  assertText(raw, name);
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const chromeByEditor = new Set(options.chromeLines ?? []);
  const removed: RemovedLine[] = [];
  const warnings: RemovedLine[] = [];
  const kept: RawParagraph[] = [];
  let title: RawParagraph | undefined;
  let printedDate: RawParagraph | undefined;

  if (options.titleLine !== undefined) {
    const text = lines[options.titleLine - 1]?.trim();
    if (!text) {
      throw new RawTextError(`${name}: --title-line ${options.titleLine} points at an empty or missing line.`);
    }
    title = { line: options.titleLine, text };
  }

  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const text = rawLine.trim();
    if (text === '' || line === title?.line) return;
    if (chromeByEditor.has(line)) {
      removed.push({ line, text, reason: 'marked as chrome by the editor' });
      return;
    }
    const reason = chromeReason(text);
    if (reason) {
      removed.push({ line, text, reason });
      return;
    }
    if (!printedDate && PRINTED_DATE_PATTERNS.some((p) => p.test(text))) {
      printedDate = { line, text };
      return;
    }
    kept.push({ line, text });
  });

  // The body runs from the first line of prose to the last; what lies outside it is the page around the article.
  const firstProse = kept.findIndex((p) => isProse(p.text));
  const lastProse = kept.findLastIndex((p) => isProse(p.text));
  if (firstProse === -1) {
    throw new RawTextError(
      `${name}: no article body is left after removing site chrome (${removed.length} line(s) removed, ` +
        `${kept.length} short line(s) kept). Check that the file holds the article's paragraphs, one a line.`,
    );
  }

  const paragraphs: RawParagraph[] = [];
  kept.forEach((p, i) => {
    const outside = i < firstProse || i > lastProse;
    if (outside && isSiteSignature(p.text)) {
      removed.push({ ...p, reason: 'site name or tagline' });
    } else if (outside && isSectionLabel(p.text)) {
      removed.push({ ...p, reason: 'section label' });
    } else if (!title && options.titleLine === undefined && i < firstProse && looksLikeHeadline(p, printedDate, lines)) {
      title = p;
    } else {
      if (outside) warnings.push({ ...p, reason: 'short line outside the body kept as text: mark it as chrome if it is' });
      paragraphs.push(p);
    }
  });
  // A headline directly above the body (no date line, no chrome between) is still recognised.
  if (!title && options.titleLine === undefined) {
    const candidate = paragraphs[0];
    if (candidate && paragraphs.length > 1 && looksLikeHeadline(candidate, printedDate, lines)) {
      title = candidate;
      paragraphs.shift();
    }
  }

  removed.sort((a, b) => a.line - b.line);
  return { title, printedDate, paragraphs, removed, warnings };
}

/**
 * A headline is a single short line without a final full stop that is set apart from the body: followed by a
 * blank line or by the printed date. Lines that end like sentences are left in the body: an editor can name
 * the headline with `--title-line` when a site prints it with a full stop.
 */
function looksLikeHeadline(p: RawParagraph, printedDate: RawParagraph | undefined, lines: readonly string[]): boolean {
  if (p.text.length > 200 || /[.;,]$/.test(p.text)) return false;
  const next = lines[p.line] ?? '';
  return next.trim() === '' || (printedDate !== undefined && printedDate.line === p.line + 1);
}
