/** The pages of a built site (dist/), with the address each is served at: for tests that visit or read them all. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFiles, urlPathForFile } from '../../src/lib/dist-paths.ts';
import { root } from './fixtures.ts';

export const dist = join(root, 'dist');

export interface DistPage {
  file: string;
  /** The address it is served at ("/articles/x/", "/404.html"). */
  path: string;
  html: () => string;
}

export function distPages(dir = dist, base = '/'): DistPage[] {
  return siteFiles(dir, ['.html']).map((file) => ({ file, path: urlPathForFile(dir, file, base), html: () => readFileSync(file, 'utf8') }));
}
