/**
 * Builds the Pagefind index over a built site (dist/), through Pagefind's Node API. Pagefind indexes only what
 * pages mark with `data-pagefind-body` (article headline and text, background pages), skips
 * `data-pagefind-ignore`, and reads each page's kind, outlet and year from `data-pagefind-filter`/`-meta` markup.
 * Our notes are indexed as records of their own (kind "note"), so a note is found as a note and links to its
 * permalink, not as words of the publisher's text. The copy of each page Pagefind reads carries the other names
 * of every entry its passages mention (src/lib/search/index-names.ts); the pages in dist/ are not changed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SEARCH_BUNDLE_DIR, siteFiles } from '../dist-paths.ts';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import * as pagefind from 'pagefind';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { NOTE_ID_PREFIX } from '../ledger.ts';
import { readEntityNames } from './entity-names.ts';
import { notesOf, withIndexNames } from './index-copy.ts';
import { addIndexNames, namesTable, type NamesTable } from './index-names.ts';

/**
 * Our notes in article pages (markup owned by notes-code; the contract gives each the HTML id note-<id>): indexed
 * as records of their own, never as the publisher's text. Other editorial elements (`data-editorial`) are ours
 * too, and stay out of the article's record.
 */
export const NOTE_SELECTOR = `[id^="${NOTE_ID_PREFIX}"]`;
// .note-markers: the "Note 2 Context" links beside a passage (src/plugins/rehype-notes.ts) are not the text.
const EXCLUDED_FROM_ARTICLES = [NOTE_SELECTOR, 'aside[data-annotation]', '[data-editorial]', '.note-markers'];

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

export interface NoteRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
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
  return (selectAll(NOTE_SELECTOR, tree) as Element[]).flatMap((note) => {
    for (const frame of selectAll(NOTE_FRAME, note) as Element[]) frame.children = [];
    const content = toString(note).replace(/\s+/g, ' ').trim();
    if (content === '') return [];
    const noteKind = String(note.properties['dataAnnotation'] ?? '').trim();
    return [
      {
        url: `${path}#${String(note.properties['id'])}`,
        content,
        meta: { title: `Note on “${title}”`, ...(noteKind ? { noteKind } : {}) },
      },
    ];
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
 * How many requests may wait at Pagefind's service at once. It answers each by message id, so reading the next
 * page here need not wait for the last one to be indexed there; the bound caps how many pages' HTML wait in
 * memory.
 */
const IN_FLIGHT = 32;

export interface IndexReport {
  pages: number;
  notes: number;
  /** Index-only name elements added beside mentions. */
  names: number;
  /** Notes indexed before the pages were rendered (SearchIndexBuilder.addNotes). */
  early?: number;
}

const fail = (step: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`search index: ${step} failed:\n  ${errors.join('\n  ')}`);
};

const same = (a: NoteRecord, b: NoteRecord) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One build of the index. Notes can be given early, before the pages are rendered (`addNotes`): Pagefind indexes
 * them in its own process while Astro renders on this one. `finish` then reads the pages, sends each note that was
 * not given early, and checks that every note given early is on its page exactly as given.
 */
export class SearchIndexBuilder {
  readonly #index: pagefind.PagefindIndex;
  readonly #names: NamesTable;
  readonly #early = new Map<string, NoteRecord>();
  readonly #waiting = new Set<Promise<void>>();
  #failure: unknown;

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

  #sendNote(record: NoteRecord): Promise<void> {
    return this.#send(() => this.#index.addCustomRecord({ ...record, language: 'en', filters: { kind: ['note'] } }), `indexing note ${record.url}`);
  }

  /** Indexes notes before their pages exist (records as notesOf makes them from the page). */
  async addNotes(records: readonly NoteRecord[]): Promise<void> {
    for (const record of records) {
      if (this.#early.has(record.url)) throw new Error(`search index: the note ${record.url} was given twice.`);
      this.#early.set(record.url, record);
      await this.#sendNote(record);
    }
  }

  /** Indexes the pages of `dist` and the notes not given early, and writes the bundle to `dist/pagefind/`. */
  async finish(dist: string): Promise<IndexReport> {
    let pages = 0;
    let notes = 0;
    let nameElements = 0;
    const seen = new Set<string>();
    for (const file of siteFiles(dist, ['.html'])) {
      const url = pagePath(dist, file);
      // Pagefind indexes only pages that mark their content; the others (lists, search, 404) are left out.
      const page = readPageForIndex(readFileSync(file, 'utf8'), url, this.#names);
      if (page.html !== undefined) {
        const content = page.html;
        await this.#send(() => this.#index.addHTMLFile({ url, content }), `indexing ${url}`);
        pages += 1;
        nameElements += page.names;
      }
      for (const record of page.notes) {
        notes += 1;
        const early = this.#early.get(record.url);
        if (early === undefined) {
          await this.#sendNote(record);
          continue;
        }
        if (!same(early, record)) {
          throw new Error(
            `search index: the note ${record.url} was indexed before rendering as ${JSON.stringify(early)}, but its page has ${JSON.stringify(record)}. ` +
              'The early records (src/integrations/after-build.ts, earlyNoteRecords) must be made as the page makes them.',
          );
        }
        seen.add(record.url);
      }
    }
    const missing = [...this.#early.keys()].filter((url) => !seen.has(url));
    if (missing.length > 0) throw new Error(`search index: notes indexed before rendering are on no page: ${missing.slice(0, 5).join(', ')}.`);
    await Promise.all(this.#waiting);
    if (this.#failure !== undefined) throw this.#failure;
    const written = await this.#index.writeFiles({ outputPath: join(dist, SEARCH_BUNDLE_DIR) });
    fail('writing the index', written.errors);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(dist, SEARCH_BUNDLE_DIR, name), { force: true });
    return { pages, notes, names: nameElements, early: this.#early.size };
  }

  /** Stops Pagefind's service (after finish, or after a failure). */
  static async close(): Promise<void> {
    await pagefind.close();
  }
}
