/**
 * Builds the Pagefind index over a built site (dist/), through Pagefind's Node API. Pagefind indexes only what
 * pages mark with `data-pagefind-body` (article headline and text, background pages), skips
 * `data-pagefind-ignore`, and reads each page's kind, outlet and year from `data-pagefind-filter`/`-meta` markup.
 * Our notes are indexed as records of their own (kind "note"), so a note is found as a note and links to its
 * permalink, not as words of the publisher's text. The copy of each page Pagefind reads carries the other names
 * of every entry its passages mention (src/lib/search/index-names.ts); the pages in dist/ are not changed.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
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
}

/**
 * Indexes `dist` and writes the bundle to `dist/pagefind/`; `root` is where content/ is (for the entries' names).
 * Throws with Pagefind's own messages on failure.
 */
export async function buildSearchIndex(dist: string, root: string): Promise<IndexReport> {
  const fail = (step: string, errors: string[]) => {
    if (errors.length > 0) throw new Error(`search index: ${step} failed:\n  ${errors.join('\n  ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_FROM_ARTICLES, forceLanguage: 'en' });
    fail('creating the index', errors);
    if (!index) throw new Error('search index: Pagefind returned no index.');
    const names = namesTable(readEntityNames(root));
    let pages = 0;
    let notes = 0;
    let nameElements = 0;
    const waiting = new Set<Promise<void>>();
    let failure: unknown;
    const send = async (request: () => Promise<{ errors: string[] }>, step: string) => {
      while (waiting.size >= IN_FLIGHT) await Promise.race(waiting);
      if (failure !== undefined) throw failure;
      const tracked: Promise<void> = request()
        .then((result) => fail(step, result.errors))
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => waiting.delete(tracked));
      waiting.add(tracked);
    };
    for (const file of htmlFiles(dist)) {
      const url = pagePath(dist, file);
      // Pagefind indexes only pages that mark their content; the others (lists, search, 404) are left out.
      const page = readPageForIndex(readFileSync(file, 'utf8'), url, names);
      if (page.html !== undefined) {
        const content = page.html;
        await send(() => index.addHTMLFile({ url, content }), `indexing ${url}`);
        pages += 1;
        nameElements += page.names;
      }
      for (const record of page.notes) {
        await send(() => index.addCustomRecord({ ...record, language: 'en', filters: { kind: ['note'] } }), `indexing note ${record.url}`);
        notes += 1;
      }
    }
    await Promise.all(waiting);
    if (failure !== undefined) throw failure;
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    fail('writing the index', written.errors);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(dist, 'pagefind', name), { force: true });
    return { pages, notes, names: nameElements };
  } finally {
    await pagefind.close();
  }
}
