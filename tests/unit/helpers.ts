/**
 * Shared fixtures for the unit tests: the five raw articles the site was built from (their verbatim copies in
 * content/raw/, so the repository needs nothing beside it) and throw-away directories for tests that write files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { RawTextError } from '../../src/lib/import/clean.ts';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the raw texts of the published articles are kept, byte for byte as they were imported. */
export const SEEDS_DIR = join(REPO_ROOT, 'content', 'raw');

/** The five raw texts by the number they were handed over under (000 … 004), as the tests name them. */
const SEED_SLUGS: Record<string, string> = {
  '000': 'playing-with-the-fire',
  '001': 'tension-escalating-in-azerbaijan',
  '002': 'four-armenian-soldiers-killed',
  '003': 'cargo-at-the-lachin-corridor',
  '004': 'azerbaijan-launches-military-action',
};

export interface Seed {
  /** File name, e.g. playing-with-the-fire.txt. */
  name: string;
  path: string;
  text: string;
  /** The file's lines, 1-based through `line(n)`. */
  line: (n: number) => string;
}

/** Reads raw text number `prefix` ("000" … "004") from content/raw/. */
export function seed(prefix: string): Seed {
  const slug = SEED_SLUGS[prefix];
  if (!slug) throw new Error(`no raw text numbered ${prefix}; known: ${Object.keys(SEED_SLUGS).join(', ')}`);
  const name = `${slug}.txt`;
  const path = join(SEEDS_DIR, name);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  return {
    name,
    path,
    text,
    line: (n) => {
      const value = lines[n - 1];
      if (value === undefined) throw new Error(`${name} has no line ${n}`);
      return value;
    },
  };
}

/** Creates a temporary directory and returns it with a function that removes it. */
export function tempDir(prefix = 'karabakh-unit-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1-based line numbers from `from` to `to`, stepping by `step`. */
export function lineRange(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += step) out.push(n);
  return out;
}

/** Every node type in a unist tree, depth first: to assert which constructs a parse produced. */
export function nodeTypes(tree: { type: string; children?: unknown[] }): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    out.push(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return out;
}

/** Runs `fn`, expecting it to throw a RawTextError, and returns that error for its message to be checked. */
export function rawTextErrorFrom(fn: () => unknown): RawTextError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RawTextError);
    return error as RawTextError;
  }
  throw new Error('expected a RawTextError');
}

/** tests/unit/fixtures/raw/: raw texts made for the tests (hard-wrapped, chrome-like words, separators). */
export const RAW_FIXTURES_DIR = join(REPO_ROOT, 'tests', 'unit', 'fixtures', 'raw');
