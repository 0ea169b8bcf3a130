/**
 * One index of the built site, made in one pass: each HTML page is parsed once and walked once, and what the
 * checks need (ids, links, loaded resources, headings, passages and their text, ledger ids) is collected into
 * plain data. The checks in this folder read only this index, so adding one costs no extra parse.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { fileForUrlPath, pageDigest, siteFiles, urlPathForFile } from '../../src/lib/dist-paths.ts';
import { NOTE_ID_PREFIX } from '../../src/lib/ledger.ts';
import { OLD_ID_CLASS } from '../../src/plugins/rehype-passage-anchors.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface Resource {
  tag: string;
  value: string;
  rel: string;
}

export interface Passage {
  id: string;
  /** The publisher's text in the passage's paragraph: everything but editorial elements (see isEditorialElement). */
  text: string;
}

export interface PageIndex {
  /** Path of the HTML file relative to the repository root (for messages). */
  file: string;
  /** The URL path it is served at, under the base. */
  url: string;
  /** Every element id, in document order (repeats included). */
  ids: string[];
  /** Internal and external link targets of <a href>. */
  links: string[];
  resources: Resource[];
  h1: string[];
  passages: Passage[];
  /** Ids the ledger tracks: passage ids and note ids (elements with an id starting "note-"). */
  ledgerIds: string[];
  /** Empty anchors carrying a retired id, and the ledger id of the element they sit in. */
  oldIds: { id: string; within: string | undefined }[];
}

export interface DistIndex {
  root: string;
  dist: string;
  base: string;
  pages: PageIndex[];
  /** The page served at a URL path, if it is an HTML page. */
  pageAt: (urlPath: string) => PageIndex | undefined;
  /** True when some file of the build serves the URL path. */
  serves: (urlPath: string) => boolean;
  stylesheets: { file: string; text: string }[];
}

const RESOURCE_TAGS = new Set(['script', 'link', 'img', 'source', 'iframe', 'video', 'audio', 'embed', 'object', 'use']);
const RESOURCE_ATTRS = ['src', 'href', 'srcset', 'data'] as const;

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const classesOf = (el: Element): string[] => (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
const isElement = (node: Node): node is Element => 'tagName' in node;

/**
 * What we add inside the publisher's paragraphs and is not their text: notes (elements with an id "note-…"),
 * anything marked `data-editorial`, asides, and the anchors of retired ids.
 */
export function isEditorialElement(el: Element): boolean {
  return (
    el.tagName === 'aside' ||
    attr(el, 'data-editorial') !== undefined ||
    (attr(el, 'id') ?? '').startsWith(NOTE_ID_PREFIX) ||
    classesOf(el).includes(OLD_ID_CLASS)
  );
}

/**
 * Text of an element without editorial elements. Where one is cut out, the white space on its two sides is one
 * gap in the publisher's sentence, so only one side's is kept.
 */
function publisherTextOf(el: Element): string {
  let out = '';
  let cut = false;
  const visit = (node: Node) => {
    if (node.nodeName === '#text' && 'value' in node) {
      out += cut && /\s$/.test(out) ? node.value.replace(/^\s+/, '') : node.value;
      cut = false;
    } else if (isElement(node)) {
      if (isEditorialElement(node)) {
        cut = true;
        return;
      }
      for (const child of node.childNodes) visit(child);
    }
  };
  for (const child of el.childNodes) visit(child);
  return out;
}

/**
 * Parsed by parse5 itself, without source positions or a conversion to hast: the checks need neither, and this
 * halves the time of the index, which is most of check-dist's time.
 */
export function indexHtml(html: string, file: string, url: string): PageIndex {
  // As a browser with JavaScript off parses it, so links inside <noscript> are checked too.
  const document = parse(html, { scriptingEnabled: false });
  const page: PageIndex = {
    file,
    url,
    ids: [],
    links: [],
    resources: [],
    h1: [],
    passages: [],
    ledgerIds: [],
    oldIds: [],
  };
  // `owner` is the nearest enclosing element with a ledger id, for retired-id anchors.
  const visit = (node: Node, owner: string | undefined) => {
    let inner = owner;
    if (isElement(node)) {
      const el = node;
      const id = attr(el, 'id');
      const classes = classesOf(el);
      if (id !== undefined) {
        page.ids.push(id);
        if (classes.includes(OLD_ID_CLASS)) {
          page.oldIds.push({ id, within: owner });
        } else if (classes.includes('passage') || id.startsWith(NOTE_ID_PREFIX)) {
          page.ledgerIds.push(id);
          inner = id;
        }
      }
      const href = attr(el, 'href');
      if (el.tagName === 'a' && href !== undefined) page.links.push(href);
      if (el.tagName === 'h1') page.h1.push(publisherTextOf(el));
      if (RESOURCE_TAGS.has(el.tagName)) {
        const rel = attr(el, 'rel') ?? '';
        for (const name of RESOURCE_ATTRS) {
          const value = attr(el, name);
          if (value === undefined) continue;
          const values = name === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
          for (const v of values) if (v !== '') page.resources.push({ tag: el.tagName, value: v, rel });
        }
      }
      if (el.tagName === 'div' && id !== undefined && classes.includes('passage')) {
        const p = el.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'p');
        if (p) page.passages.push({ id, text: publisherTextOf(p) });
      }
      if (el.tagName === 'template' && 'content' in el) visit(el.content as unknown as Node, inner);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, inner);
  };
  visit(document, undefined);
  return page;
}

/** A page indexed before it was written (src/integrations/site-service.ts), with the pageDigest of its HTML. */
export interface IndexedEarly {
  digest: string;
  page: PageIndex;
}

/**
 * Indexes every page of `dist`. A page in `early` (by URL path) whose digest is the file's is taken from there,
 * not parsed again; every other page is parsed here.
 */
export function indexDist(root: string, dist: string, base: string, early?: ReadonlyMap<string, IndexedEarly>): DistIndex {
  const files = siteFiles(dist, ['.html', '.css']);
  const pages = files
    .filter((f) => f.endsWith('.html'))
    .map((path) => {
      const html = readFileSync(path, 'utf8');
      const url = urlPathForFile(dist, path, base);
      const known = early?.get(url);
      if (known && known.digest === pageDigest(html)) return { ...known.page, file: relative(root, path), url };
      return indexHtml(html, relative(root, path), url);
    });
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const served = new Map<string, boolean>();
  return {
    root,
    dist,
    base,
    pages,
    pageAt: (urlPath) => {
      const exact = byUrl.get(urlPath) ?? byUrl.get(urlPath.endsWith('/') ? urlPath : `${urlPath}/`);
      if (exact) return exact;
      const file = fileForUrlPath(dist, urlPath, base);
      return file ? byUrl.get(urlPathForFile(dist, file, base)) : undefined;
    },
    serves: (urlPath) => {
      let hit = served.get(urlPath);
      if (hit === undefined) {
        hit = byUrl.has(urlPath) || fileForUrlPath(dist, urlPath, base) !== undefined;
        served.set(urlPath, hit);
      }
      return hit;
    },
    stylesheets: files.filter((f) => f.endsWith('.css')).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') })),
  };
}
