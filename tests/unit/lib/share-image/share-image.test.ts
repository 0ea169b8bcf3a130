import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitTitle, HEIGHT, WIDTH, wrapLines } from '../../../../src/lib/share-image/layout.ts';
import { encodePng } from '../../../../src/lib/share-image/png.ts';
import { bundledFont, renderShareImages } from '../../../../src/lib/share-image/render.ts';

const { metrics } = bundledFont();

/** The raw pixel rows of a PNG this encoder wrote (one IDAT), without the filter bytes. */
function pixelsOf(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString()).toBe('IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('font metrics', () => {
  it('measures with the font’s own advances: wide letters are wider, size scales linearly', () => {
    expect(metrics.measure('WWWW', 20)).toBeGreaterThan(metrics.measure('iiii', 20));
    expect(metrics.measure('Karabakh', 40)).toBeCloseTo(metrics.measure('Karabakh', 20) * 2, 5);
  });
  it('knows which characters it cannot draw (Armenian and Azerbaijani letters it can)', () => {
    expect(metrics.missing('Ստեփանակերտ Xankəndi')).toEqual([]);
    expect(metrics.missing('中 x')).toEqual(['中']);
  });
});

describe('layout', () => {
  it('wraps by measured width, never past it, keeping every word', () => {
    const text = 'Tension escalating in Azerbaijan as military action could be imminent, following the breakdown of negotiations';
    const lines = wrapLines(text, 300, 24, metrics);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(metrics.measure(line, 24)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(text);
  });
  it('a short title gets the largest size; a very long one is shortened with an ellipsis', () => {
    expect(fitTitle('Stepanakert', metrics)).toEqual({ size: 38, lines: ['Stepanakert'] });
    const long = fitTitle('word '.repeat(200), metrics);
    expect(long.lines).toHaveLength(5);
    expect(long.lines.at(-1)).toMatch(/…$/);
  });
});

describe('PNG encoder', () => {
  it('writes pixels that decode back exactly', async () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const png = await encodePng(rgba, 3, 2);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pixelsOf(png)).toEqual({ width: 3, height: 2, rgba });
  });
});

describe('renderShareImages', () => {
  it('draws each image of a sheet separately, at the advertised size, and caches them', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'share-images-'));
    const inputs = [
      { page: '/a/', kind: 'Person', detail: 'Role', title: 'Ilham Aliyev' },
      { page: '/b/', kind: 'Place', detail: 'City', title: 'Stepanakert / Khankendi' },
    ];
    const first = await renderShareImages(inputs, { cacheDir });
    expect(first.rendered).toBe(2);
    const a = pixelsOf(first.images.get('/a/') ?? Buffer.alloc(0));
    const b = pixelsOf(first.images.get('/b/') ?? Buffer.alloc(0));
    expect([a.width, a.height]).toEqual([WIDTH, HEIGHT]);
    // Both carry the accent bar at the left edge (so the second was not left blank by the sheet) and differ.
    expect([...a.rgba.subarray(0, 4)]).toEqual([...b.rgba.subarray(0, 4)]);
    expect(a.rgba[3]).toBe(255);
    expect(a.rgba.equals(b.rgba)).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const second = await renderShareImages(inputs, { cacheDir });
    expect([second.rendered, second.cached]).toEqual([0, 2]);
    expect(second.images.get('/b/')?.equals(first.images.get('/b/') ?? Buffer.alloc(0))).toBe(true);
  });
  it('draws pages with the same drawing once, and gives each page its image', async () => {
    const same = { kind: 'Article, annotated', detail: 'Daryo · 19 September 2023', title: 'Azerbaijan begins military action' };
    const inputs = [
      { page: '/articles/a/', ...same },
      { page: '/articles/b/', kind: 'Place', title: 'Lachin corridor' },
      { page: '/articles/a-copy/', ...same },
    ];
    const report = await renderShareImages(inputs, { cacheDir: undefined });
    expect(report.rendered).toBe(2);
    expect([...report.images.keys()].sort()).toEqual(['/articles/a-copy/', '/articles/a/', '/articles/b/']);
    expect(report.images.get('/articles/a-copy/')?.equals(report.images.get('/articles/a/') ?? Buffer.alloc(0))).toBe(true);
    expect(report.images.get('/articles/b/')?.equals(report.images.get('/articles/a/') ?? Buffer.alloc(0))).toBe(false);
  });
  it('fails naming the page when the image cannot be drawn', async () => {
    await expect(renderShareImages([{ page: '/glossary/x/', kind: 'Glossary', title: '中文' }])).rejects.toThrow(
      'Share image for /glossary/x/: the font (DejaVu Sans) has no glyph for "中" (U+4E2D)',
    );
    await expect(renderShareImages([{ page: '/people/y/', kind: 'Person', title: '  ' }])).rejects.toThrow('Share image for /people/y/: the title is empty');
  });
});
