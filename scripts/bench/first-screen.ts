/**
 * What an article page needs before it can paint its first screen, measured in a browser.
 *
 * A page renders after one round trip when everything its first screen needs arrives in the first ~14.6 KB
 * (ten TCP segments) of the response: no stylesheet or script may block rendering from another request, and the
 * HTML up to the end of what fills the screen, gzip, must fit. Browsers parse and paint HTML as it streams in,
 * so the passages below the fold (and their notes) arrive while the reader is already reading.
 *
 * For each page and screen size this loads the page (without JavaScript: module scripts run only after the HTML
 * is parsed, so they play no part in the first paint), finds every element and text that shows on the first
 * screen, and measures the gzip size of the HTML up to the last of them: the whole of an element that ends on the
 * screen, the start tag of one that runs on below it. A note beside a passage counts even though its HTML comes
 * after the passage's. The whole page's gzip size is given beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root, RootContent, Text } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { launchChromium, withStaticServer } from './search.ts';

export interface Screen {
  name: string;
  width: number;
  height: number;
}

export const SCREENS: readonly Screen[] = [
  { name: 'phone 390×844', width: 390, height: 844 },
  { name: 'desktop 1280×800', width: 1280, height: 800 },
];

export interface FirstScreen {
  slug: string;
  screen: string;
  /** gzip bytes of the HTML up to the end of what shows on the first screen. */
  firstScreenGzip: number;
  /** How many characters of the HTML that is. */
  firstScreenChars: number;
  /** gzip bytes of the whole HTML. */
  wholeGzip: number;
  /** Stylesheets and classic scripts in <head> that the browser must fetch before it can render. */
  blocking: string[];
  /** The first words of the HTML that comes after what the first screen needs ('' when it needs all). */
  cutAt: string;
}

const gz = (text: string) => gzipSync(text).length;

/** Stylesheets linked from the page and scripts in <head> that are neither async, deferred nor modules. */
export function blockingResources(html: string): string[] {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? m[0]);
  const scripts = [...head.matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => /\bsrc=/.test(m[1] ?? '') && !/\b(async|defer)\b|type="module"/.test(m[1] ?? ''))
    .map((m) => /src="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? '');
  return [...styles, ...scripts];
}

/** Elements and texts in document order, as a browser's TreeWalker over elements and text visits them. */
function nodesInOrder(root: Root): (Element | Text)[] {
  const out: (Element | Text)[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        out.push(node);
        walk(node.tagName === 'template' && node.content ? node.content.children : node.children);
      } else if (node.type === 'text') out.push(node);
    }
  };
  walk(root.children);
  return out;
}

/**
 * Runs in the page: for every element and text in document order, 0 when it shows nothing on the first screen, 1
 * when it shows there and ends there, 2 when it shows there and runs on below.
 */
const ON_SCREEN = `(() => {
  const h = window.innerHeight, w = window.innerWidth;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    let rects;
    if (node.nodeType === Node.TEXT_NODE) { const r = document.createRange(); r.selectNodeContents(node); rects = [...r.getClientRects()]; }
    else rects = [...node.getClientRects()];
    rects = rects.filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.left < w);
    const shown = rects.some((r) => r.top < h);
    out.push(!shown ? 0 : rects.every((r) => r.bottom <= h) ? 1 : 2);
  }
  return out;
})()`;

/** How many characters of `html` the first screen needs, given ON_SCREEN's answer for the page. */
export function firstScreenLength(html: string, shown: readonly number[]): number {
  const nodes = nodesInOrder(unified().use(rehypeParse).parse(html));
  if (nodes.length !== shown.length) throw new Error(`bench/first-screen: the browser saw ${shown.length} elements and texts, the parser ${nodes.length}`);
  let end = 0;
  nodes.forEach((node, i) => {
    const state = shown[i] ?? 0;
    if (state === 0 || !node.position) return;
    const start = node.position.start.offset ?? 0;
    const close = node.position.end.offset ?? start;
    // An element running on below the screen needs its start tag (its children count for themselves).
    const until = state === 1 || node.type === 'text' ? close : html.indexOf('>', start) + 1;
    end = Math.max(end, until);
  });
  return end;
}

/** Measures each article of `dist` (built at base /) on each screen. */
export async function measureFirstScreens(dist: string, slugs: readonly string[], screens: readonly Screen[] = SCREENS): Promise<FirstScreen[]> {
  return withStaticServer(dist, '/', async (siteUrl) => {
    const browser = await launchChromium();
    try {
      const found: FirstScreen[] = [];
      for (const screen of screens) {
        // Without JavaScript, as the first paint happens: module scripts wait until the whole HTML is parsed.
        const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height }, javaScriptEnabled: false });
        for (const slug of slugs) {
          const html = readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
          await page.goto(new URL(`articles/${slug}/`, siteUrl).href, { waitUntil: 'load' });
          const length = firstScreenLength(html, await page.evaluate<number[]>(ON_SCREEN));
          found.push({
            slug,
            screen: screen.name,
            firstScreenGzip: gz(html.slice(0, length)),
            firstScreenChars: length,
            wholeGzip: gz(html),
            blocking: blockingResources(html),
            cutAt: html.slice(length, length + 60).replace(/\s+/g, ' '),
          });
        }
        await page.close();
      }
      return found;
    } finally {
      await browser.close();
    }
  });
}
