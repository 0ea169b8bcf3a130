/**
 * Shared fixtures for the unit tests: the five raw seed articles (kept in ../shared beside the repository, where
 * CI clones them) and throw-away directories for tests that write files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { RawTextError } from '../../src/lib/import/clean.ts';

/** ../shared/seeds beside the repository root. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Seed {
  /** File name, e.g. 000_5d57b116261a5657.txt. */
  name: string;
  path: string;
  text: string;
  /** The file's lines, 1-based through `line(n)`. */
  line: (n: number) => string;
}

/** Reads the seed whose file name starts with `prefix` ("000" … "004"). */
export function seed(prefix: string): Seed {
  const name = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS_DIR}`);
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
