/** The pages of a built site (dist/), with the address each is served at: for tests that visit or read them all. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { urlPathForFile } from '../../src/lib/dist-paths.ts';
import { root } from './fixtures.ts';

export const dist = join(root, 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

export interface DistPage {
  file: string;
  /** The address it is served at ("/articles/x/", "/404.html"). */
  path: string;
  html: () => string;
}

export function distPages(dir = dist, base = '/'): DistPage[] {
  return htmlFiles(dir)
    .sort()
    .map((file) => ({ file, path: urlPathForFile(dir, file, base), html: () => readFileSync(file, 'utf8') }));
}
