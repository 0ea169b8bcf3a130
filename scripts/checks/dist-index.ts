/**
 * One index of the built site, made in one pass: each HTML page is parsed once and walked once, and what the
 * checks need (ids, links, loaded resources, headings, passages and their text, ledger ids) is collected into
 * plain data. The checks in this folder read only this index, so adding one costs no extra parse.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { fileForUrlPath, siteFiles, urlPathForFile } from '../../src/lib/dist-paths.ts';
import { NOTE_ID_PREFIX } from '../../src/lib/ledger.ts';
import { OLD_ID_CLASS } from '../../src/plugins/rehype-passage-anchors.ts';

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

const attr = (el: Element, name: string): string | undefined => el.attribs[name];
const classesOf = (el: Element): string[] => (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);

/**
 * What we add inside the publisher's paragraphs and is not their text: notes (elements with an id "note-…"),
 * anything marked `data-editorial`, asides, and the anchors of retired ids.
 */
export function isEditorialElement(el: Element): boolean {
  return (
    el.name === 'aside' ||
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
  const visit = (node: ChildNode) => {
    if (isText(node)) {
      out += cut && /\s$/.test(out) ? node.data.replace(/^\s+/, '') : node.data;
      cut = false;
    } else if (isTag(node)) {
      if (isEditorialElement(node)) {
        cut = true;
        return;
      }
      for (const child of node.children) visit(child);
    }
  };
  for (const child of el.children) visit(child);
  return out;
}

/**
 * Parses a page with htmlparser2, into plain data for the checks. Its tree is the one a browser builds for
 * well-formed markup, which is what the site writes (tests/e2e/html-validate.spec.ts holds every page of the
 * five-article build to the HTML standard): every element closed or void, `/>` only on void and SVG elements
 * (recognizeSelfClosing), character references decoded. Like a browser with JavaScript off, it reads the markup in
 * <noscript> and <template>, so their links are checked too. Half the time parse5 took (3.6 s against 7.4 s for
 * the pages of 1,000 articles; the same index for every page of both builds and of the 1,000-article one).
 */
export function indexHtml(html: string, file: string, url: string): PageIndex {
  const document = parseDocument(html, { recognizeSelfClosing: true });
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
  const visit = (node: ChildNode, owner: string | undefined) => {
    if (!isTag(node)) return;
    let inner = owner;
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
    if (el.name === 'a' && href !== undefined) page.links.push(href);
    if (el.name === 'h1') page.h1.push(publisherTextOf(el));
    if (RESOURCE_TAGS.has(el.name)) {
      const rel = attr(el, 'rel') ?? '';
      for (const name of RESOURCE_ATTRS) {
        const value = attr(el, name);
        if (value === undefined) continue;
        const values = name === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [value];
        for (const v of values) if (v !== '') page.resources.push({ tag: el.name, value: v, rel });
      }
    }
    if (el.name === 'div' && id !== undefined && classes.includes('passage')) {
      const p = el.children.find((c): c is Element => isTag(c) && c.name === 'p');
      if (p) page.passages.push({ id, text: publisherTextOf(p) });
    }
    for (const child of el.children) visit(child, inner);
  };
  for (const child of document.children) visit(child, undefined);
  return page;
}

export function indexDist(root: string, dist: string, base: string): DistIndex {
  const files = siteFiles(dist, ['.html', '.css']);
  const pages = files.filter((f) => f.endsWith('.html')).map((path) => indexHtml(readFileSync(path, 'utf8'), relative(root, path), urlPathForFile(dist, path, base)));
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
