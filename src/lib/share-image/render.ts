/**
 * Renders share images in bulk. A Resvg run costs ~15 ms in font parsing alone, so images are drawn in sheets:
 * SHEET_SIZE images stacked in one SVG, rendered once (resvg's renderAsync, on libuv's thread pool, so sheets
 * render side by side on several cores), then cut into images and PNG-encoded. Images whose drawing is unchanged
 * come from a content-addressed cache (node_modules/.cache/share-images) and are not drawn again.
 * Nothing is fetched: the one font is the bundled DejaVu Sans (dejavu-fonts-ttf), and system fonts are not loaded.
 */
import { renderAsync } from '@resvg/resvg-js';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontMetrics, type FontMetrics } from './font-metrics.ts';
import { FONT_FAMILY, HEIGHT, WIDTH, sheet, shareImageTree, type ShareImageInput } from './layout.ts';
import { encodePng } from './png.ts';

const SHEET_SIZE = 24;
/** Bump when the renderer or encoder changes in a way the drawing's text does not show, to empty the cache. */
const RENDERER_VERSION = 'resvg-2.6.2/png-1';

const projectRequire = createRequire(join(process.cwd(), 'package.json'));

let font: { file: string; metrics: FontMetrics } | undefined;
/** The one font the images use, and its metrics for wrapping. */
export function bundledFont(): { file: string; metrics: FontMetrics } {
  if (!font) {
    const file = join(dirname(projectRequire.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
    font = { file, metrics: fontMetrics(readFileSync(file)) };
  }
  return font;
}

export interface RenderOptions {
  /** Where rendered images are kept between builds; undefined turns the cache off. */
  cacheDir?: string | undefined;
}

/** node_modules/.cache/share-images, or the folder SHARE_IMAGE_CACHE_DIR names (npm run bench keeps it in its site). */
export const DEFAULT_CACHE_DIR = process.env['SHARE_IMAGE_CACHE_DIR'] || join(process.cwd(), 'node_modules', '.cache', 'share-images');

export interface RenderReport {
  images: Map<string, Buffer>;
  rendered: number;
  cached: number;
  ms: number;
}

async function renderSheet(items: { page: string; tree: Element }[], fontFile: string): Promise<Buffer[]> {
  const svg = toHtml(sheet(items.map((i) => i.tree)), { space: 'svg' });
  const image = await renderAsync(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  });
  if (image.width !== WIDTH || image.height !== HEIGHT * items.length) {
    throw new Error(`resvg drew ${image.width}×${image.height}, expected ${WIDTH}×${HEIGHT * items.length}.`);
  }
  const pixels = image.pixels;
  const size = WIDTH * HEIGHT * 4;
  return Promise.all(items.map((_, i) => encodePng(pixels.subarray(i * size, (i + 1) * size), WIDTH, HEIGHT)));
}

/**
 * A PNG for every input, keyed by its page. Throws naming the page when an image cannot be drawn (a glyph the
 * font lacks, an empty title, a renderer error).
 */
export async function renderShareImages(inputs: readonly ShareImageInput[], options: RenderOptions = {}): Promise<RenderReport> {
  const started = performance.now();
  const { file, metrics } = bundledFont();
  const images = new Map<string, Buffer>();
  const todo: { page: string; tree: Element; key: string }[] = [];
  for (const input of inputs) {
    if (images.has(input.page)) throw new Error(`Share image for ${input.page}: the page is listed twice.`);
    const tree = shareImageTree(input, metrics);
    const key = createHash('sha256').update(RENDERER_VERSION).update(toHtml(tree, { space: 'svg' })).digest('hex').slice(0, 32);
    const cached = options.cacheDir ? join(options.cacheDir, `${key}.png`) : undefined;
    if (cached && existsSync(cached)) images.set(input.page, readFileSync(cached));
    else todo.push({ page: input.page, tree, key });
  }
  // Pages whose drawings are the same (same title, kind and line under it) share one rendering.
  const byKey = new Map<string, typeof todo>();
  for (const item of todo) {
    const same = byKey.get(item.key);
    if (same) same.push(item);
    else byKey.set(item.key, [item]);
  }
  const unique = [...byKey.values()].map((items) => items[0]!);
  const sheets: (typeof todo)[] = [];
  for (let i = 0; i < unique.length; i += SHEET_SIZE) sheets.push(unique.slice(i, i + SHEET_SIZE));
  await Promise.all(
    sheets.map(async (items) => {
      let pngs: Buffer[];
      try {
        pngs = await renderSheet(items, file);
      } catch (sheetError) {
        // Find the page to blame by drawing the sheet's images one by one.
        for (const item of items) {
          try {
            await renderSheet([item], file);
          } catch (error) {
            throw new Error(`Share image for ${item.page} could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        throw sheetError;
      }
      items.forEach((item, i) => {
        const png = pngs[i];
        if (!png) throw new Error(`Share image for ${item.page}: the renderer returned no image.`);
        for (const same of byKey.get(item.key) ?? [item]) images.set(same.page, png);
        if (options.cacheDir) {
          mkdirSync(options.cacheDir, { recursive: true });
          writeFileSync(join(options.cacheDir, `${item.key}.png`), png);
        }
      });
    }),
  );
  return { images, rendered: unique.length, cached: inputs.length - todo.length, ms: performance.now() - started };
}
