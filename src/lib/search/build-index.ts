/**
 * Builds the Pagefind index over a built site (dist/), through Pagefind's Node API. Pagefind indexes only what
 * pages mark with `data-pagefind-body` (article headline and text, background pages), skips
 * `data-pagefind-ignore`, and reads each page's kind, outlet and year from `data-pagefind-filter`/`-meta` markup.
 * Our notes are indexed apart from the publisher's text: each article's notes as one record of kind "note"
 * (notesDocument), so a note is found as a note and links to its permalink, not as words of the publisher's text.
 * The copy of each page Pagefind reads carries the other names of every entry its passages mention
 * (src/lib/search/index-names.ts); the pages in dist/ are not changed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { SEARCH_BUNDLE_DIR, siteFiles } from '../dist-paths.ts';
import { makeScratchDir } from '../files.ts';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import * as pagefind from 'pagefind';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { NOTE_ID_PREFIX } from '../ledger.ts';
import { readEntityNames } from './entity-names.ts';
import { noteLabelsMeta, notesTitle } from './results.ts';
import { escapeAttribute, escapeText, noteNumber, notesOf, withIndexNames } from './index-copy.ts';
import { addIndexNames, namesTable, type NamesTable } from './index-names.ts';

/**
 * Our notes in article pages (markup owned by notes-code; the contract gives each the HTML id note-<id>): indexed
 * in records of their own (notesDocument), never as the publisher's text. Other editorial elements
 * (`data-editorial`) are ours too, and stay out of the article's record.
 */
export const NOTE_SELECTOR = `[id^="${NOTE_ID_PREFIX}"]`;
// .note-markers: the "Note 2 Context" links beside a passage (src/plugins/rehype-notes.ts) are not the text.
// Notes are asides; the notes' own records (notesDocument) hold each in a section with its id, which must stay.
const EXCLUDED_FROM_ARTICLES = [`aside${NOTE_SELECTOR}`, 'aside[data-annotation]', '[data-editorial]', '.note-markers'];

/** Parts of a note that are its frame, not its words: number and permalink, source list, close link. */
const NOTE_FRAME = ['header', '.note-sources', '.note-close', '[data-pagefind-ignore]'].join(', ');

/** Pagefind's ready-made interfaces, which we do not use (ours is src/client/search/): left out of the build. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** One of our notes as the index takes it (notesDocument gathers a page's notes into one search record). */
export interface NoteRecord {
  /** The note's permalink: its page's path and #note-… id. */
  url: string;
  /** Its words, without its frame (number, permalink, sources). */
  content: string;
  /** Its kind as the markup names it (context, correction…); '' when it has none. */
  kind: string;
  /** Its number on the page, as its header shows it. */
  number: number;
  /** The title of the page it is on. */
  page: string;
}

/** The site path (before the base) a file in dist/ is served at: articles/x/index.html → /articles/x/. */
export function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
}

const parser = unified().use(rehypeParse);
const printer = unified().use(rehypeStringify);

/**
 * A page as Pagefind should read it: with the other names of the entries its passages mention. The reference the
 * faster string version (index-copy.ts, used by the build) is tested against.
 */
export function pageForIndex(html: string, names: NamesTable): { html: string; names: number } {
  const tree = parser.parse(html);
  const added = addIndexNames(tree, names);
  return added === 0 ? { html, names: 0 } : { html: printer.stringify(tree), names: added };
}

/** The notes on one page, as search records linking to each note's permalink (the reference for notesOf). */
export function noteRecords(html: string, path: string): NoteRecord[] {
  const tree = parser.parse(html);
  const heading = selectAll('main h1', tree)[0] ?? selectAll('h1', tree)[0];
  const title = (heading ? toString(heading).trim() : '') || path;
  return (selectAll(NOTE_SELECTOR, tree) as Element[]).flatMap((note, order) => {
    for (const frame of selectAll(NOTE_FRAME, note) as Element[]) frame.children = [];
    const content = toString(note).replace(/\s+/g, ' ').trim();
    if (content === '') return [];
    const kind = String(note.properties['dataAnnotation'] ?? '').trim();
    const number = noteNumber(String(note.properties['ariaLabel'] ?? ''), order);
    return [{ url: `${path}#${String(note.properties['id'])}`, content, kind, number, page: title }];
  });
}

/** What one built page gives the index: its own record (when it marks its content) and its notes' records. */
export interface PageForIndex {
  /** The page's HTML for Pagefind, with the index-only names; undefined when the page is not indexed. */
  html: string | undefined;
  names: number;
  notes: NoteRecord[];
}

/**
 * Reads one page for the index by string splicing (src/lib/search/index-copy.ts), which gives what
 * pageForIndex and noteRecords give (the unit tests compare them) without parsing the page: a page with no entity
 * links and no notes (most background pages) is handed over as it is.
 */
export function readPageForIndex(html: string, path: string, names: NamesTable): PageForIndex {
  const indexed = html.includes('data-pagefind-body');
  const page = indexed && html.includes('data-entity=') ? withIndexNames(html, names) : { html, names: 0 };
  const notes = html.includes(`id="${NOTE_ID_PREFIX}`) ? notesOf(html, path) : [];
  return { html: indexed ? withoutUnindexed(page.html) : undefined, names: page.names, notes };
}

/**
 * The page without what Pagefind would skip anyway: its inline CSS and scripts (JSON-LD among them), which
 * Pagefind does not index, and our notes, which EXCLUDED_FROM_ARTICLES leaves out of the page's record (they
 * have records of their own, taken from the whole page above). Together about half of an article page's bytes,
 * which need not be sent to Pagefind's service and parsed there. The word index and filters are the same, byte for
 * byte; a page's record just no longer lists the notes' ids among its anchors, which the search page ignored
 * (src/lib/search/results.ts, isPassageAnchor).
 * A note is an `<aside id="note-…">` (src/plugins/remark-notes.ts), and no aside is nested in one.
 */
export function withoutUnindexed(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>|<script\b[^>]*>[\s\S]*?<\/script>|<aside\b[^>]*\bid="note-[^"]*"[^>]*>[\s\S]*?<\/aside>/g, '');
}

/**
 * How many requests may wait at Pagefind's service at once (the notes records, and the folder of page copies). It
 * answers each by message id, so making the next record here need not wait for the last one to be indexed there;
 * the bound caps how many records wait in memory.
 */
const IN_FLIGHT = 32;

export interface IndexReport {
  pages: number;
  notes: number;
  /** Index-only name elements added beside mentions. */
  names: number;
  /** Notes indexed before the pages were rendered (SearchIndexBuilder.addNotes). */
  early: number;
  /** Milliseconds `finish` spent making the pages' copies, waiting for Pagefind to index them, and writing the bundle. */
  ms: { copies: number; pages: number; write: number };
}

const fail = (step: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`search index: ${step} failed:\n  ${errors.join('\n  ')}`);
};

/** A note's page: its permalink without the #note-… fragment. */
export const notePage = (record: NoteRecord): string => record.url.split('#')[0] ?? record.url;

/**
 * The notes of one page as one search record (an HTML document for Pagefind), instead of one record per note:
 * each note is a `<section>` with the note's id, so Pagefind lists it among the record's anchors and the search
 * page shows the notes a query was found in, each linking to its permalink, as it does an article's passages
 * (src/lib/search/results.ts, noteLabels). One record per article instead of one per note: at 1,000 articles, 1,000
 * records instead of 16,200, a bundle of 12 MB instead of 73 MB, and a first query of about 100 KB instead of 180.
 * The record's URL is the first note's permalink; its title "Our notes on “…”"; its kind filter "note"; its meta
 * `notes` lists each note's number and kind in order (noteLabelsMeta).
 */
export function notesDocument(records: readonly NoteRecord[]): { url: string; content: string } {
  const [first] = records;
  if (!first) throw new Error('search index: a notes record needs at least one note.');
  const sections = records.map((r) => `<section id="${escapeAttribute(r.url.slice(notePage(r).length + 1))}"><p>${escapeText(r.content)}</p></section>`);
  const meta =
    `<span data-pagefind-filter="kind:note" data-pagefind-meta="title[data-title], notes[data-notes]" ` +
    `data-title="${escapeAttribute(notesTitle(first.page))}" data-notes="${escapeAttribute(noteLabelsMeta(records))}"></span>`;
  return { url: first.url, content: `<!doctype html><html lang="en"><body><main data-pagefind-body>${meta}${sections.join('')}</main></body></html>` };
}

/** The notes of `records` by page, in the order the pages first appear. */
function byPage(records: readonly NoteRecord[]): Map<string, NoteRecord[]> {
  const pages = new Map<string, NoteRecord[]>();
  for (const record of records) {
    const page = notePage(record);
    const list = pages.get(page);
    if (list) list.push(record);
    else pages.set(page, [record]);
  }
  return pages;
}

/**
 * One build of the index. Notes can be given early, before the pages are rendered (`addNotes`): Pagefind indexes
 * them in its own process while Astro renders on this one. `finish` reads the pages of dist/ and makes the copy
 * Pagefind is to read of each, which Pagefind then reads from disk on all its threads; it checks that the notes
 * given early are each page's notes exactly, sends those of the other pages, and writes the bundle.
 */
export class SearchIndexBuilder {
  readonly #index: pagefind.PagefindIndex;
  readonly #names: NamesTable;
  /** Notes given early, by page path. */
  readonly #early = new Map<string, NoteRecord[]>();
  readonly #waiting = new Set<Promise<void>>();
  #failure: unknown;
  #report: IndexReport = { pages: 0, notes: 0, names: 0, early: 0, ms: { copies: 0, pages: 0, write: 0 } };
  /** Page paths whose notes were checked against the notes given early. */
  readonly #seen = new Set<string>();

  private constructor(index: pagefind.PagefindIndex, names: NamesTable) {
    this.#index = index;
    this.#names = names;
  }

  /** Starts Pagefind's service; `root` is where content/ is (for the entries' names). */
  static async start(root: string): Promise<SearchIndexBuilder> {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_ARTICLES, forceLanguage: 'en' });
    fail('creating the index', errors);
    if (!index) throw new Error('search index: Pagefind returned no index.');
    return new SearchIndexBuilder(index, namesTable(readEntityNames(root)));
  }

  /** Sends a request, keeping at most IN_FLIGHT waiting; the first failure is thrown by the next send or by finish. */
  async #send(request: () => Promise<{ errors: string[] }>, step: string): Promise<void> {
    while (this.#waiting.size >= IN_FLIGHT) await Promise.race(this.#waiting);
    if (this.#failure !== undefined) throw this.#failure;
    const tracked: Promise<void> = request()
      .then((result) => fail(step, result.errors))
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => this.#waiting.delete(tracked));
    this.#waiting.add(tracked);
  }

  #sendNotes(records: readonly NoteRecord[]): Promise<void> {
    const document = notesDocument(records);
    return this.#send(() => this.#index.addHTMLFile(document), `indexing the notes of ${notePage(records[0]!)}`);
  }

  /** Indexes notes before their pages exist (records as notesOf makes them from the pages). */
  async addNotes(records: readonly NoteRecord[]): Promise<void> {
    for (const [page, notes] of byPage(records)) {
      if (this.#early.has(page)) throw new Error(`search index: the notes of ${page} were given twice.`);
      this.#early.set(page, notes);
      this.#report.early += notes.length;
      await this.#sendNotes(notes);
    }
  }

  /**
   * What every page read adds: its notes, sent when they were not given early and otherwise checked against those;
   * the copy Pagefind is to read, when the page is indexed (at `url` in `copies`, laid out as dist/ is); and its
   * counts.
   */
  async #read(url: string, html: string, copies: string): Promise<void> {
    const page = readPageForIndex(html, url, this.#names);
    this.#report.notes += page.notes.length;
    if (page.html !== undefined) {
      this.#report.pages += 1;
      this.#report.names += page.names;
      const copy = join(copies, ...url.split('/'), url.endsWith('/') ? 'index.html' : '');
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, page.html);
    }
    const early = this.#early.get(url);
    if (early === undefined) {
      if (page.notes.length > 0) await this.#sendNotes(page.notes);
      return;
    }
    this.#seen.add(url);
    const differs = page.notes.length !== early.length ? 0 : page.notes.findIndex((record, i) => JSON.stringify(record) !== JSON.stringify(early[i]));
    if (page.notes.length !== early.length || differs >= 0) {
      throw new Error(
        `search index: the notes of ${url} were indexed before rendering (${early.length}) differently from its page (${page.notes.length}): ` +
          `${JSON.stringify(early[Math.max(0, differs)])} was given, the page has ${JSON.stringify(page.notes[Math.max(0, differs)])}. ` +
          'The early records (src/lib/search/early-notes.ts) must be made as the page makes them.',
      );
    }
  }

  /**
   * Indexes the pages of `dist` and the notes not given early, checks the early ones, and writes the bundle to
   * `dist/pagefind/`. Pagefind reads the copies of the pages from disk (addDirectory) on all its threads, where pages
   * sent one by one (addHTMLFile) are read on one, at twice the time.
   */
  async finish(dist: string): Promise<IndexReport> {
    let time = performance.now();
    const lap = (step: keyof IndexReport['ms']) => {
      this.#report.ms[step] = Math.round(performance.now() - time);
      time = performance.now();
    };
    const copies = makeScratchDir('search-pages-');
    try {
      for (const file of siteFiles(dist, ['.html'])) await this.#read(pagePath(dist, file), readFileSync(file, 'utf8'), copies);
      const missing = [...this.#early.keys()].filter((url) => !this.#seen.has(url));
      if (missing.length > 0) throw new Error(`search index: notes indexed before rendering are on no page: ${missing.slice(0, 5).join(', ')}.`);
      lap('copies');
      await this.#send(() => this.#index.addDirectory({ path: copies }), 'indexing the pages');
      await Promise.all(this.#waiting);
      lap('pages');
    } finally {
      await Promise.allSettled(this.#waiting);
      rmSync(copies, { recursive: true, force: true });
    }
    if (this.#failure !== undefined) throw this.#failure;
    const written = await this.#index.writeFiles({ outputPath: join(dist, SEARCH_BUNDLE_DIR) });
    fail('writing the index', written.errors);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(dist, SEARCH_BUNDLE_DIR, name), { force: true });
    lap('write');
    return { ...this.#report, ms: { ...this.#report.ms } };
  }

  /** Stops Pagefind's service (after finish, or after a failure). */
  static async close(): Promise<void> {
    await pagefind.close();
  }
}
