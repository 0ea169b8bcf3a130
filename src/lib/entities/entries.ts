/**
 * Reads the background entries (content/people|places|organizations|glossary/*.md) straight from disk, with the
 * line of every field, for the code that runs outside Astro's collections: the link plugin (which must know every
 * form before any page renders) and the entity check (which reports file and line). Astro validates the same
 * files against src/schemas/; this reader takes what it needs and leaves validation to the schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { COLLECTIONS } from '../../schemas/common.ts';
import { statSignature } from '../files.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { ENTITY_KINDS, type EntityKind, type EntityRef } from './types.ts';

export interface AlternateNameData {
  name: string;
  lang: string;
  latin?: string;
  usedBy: string;
}

export interface EntityEntry {
  ref: EntityRef;
  kind: EntityKind;
  id: string;
  /** content/<kind>/<id>.md, relative to the root. */
  file: string;
  name: string;
  forms: string[];
  short: string;
  alternateNames: AlternateNameData[];
  related: string[];
  sources: string[];
  /** The frontmatter as parsed, for fields only some kinds have. */
  data: Record<string, unknown>;
  /** The Markdown body and the file line it starts on. */
  body: string;
  bodyLine: number;
  /** File line of a frontmatter field (e.g. ['forms', 2]); the nearest parent's line when the field is missing. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function alternateNames(value: unknown): AlternateNameData[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const o = v as Partial<AlternateNameData> | null;
    if (!o || typeof o.name !== 'string') return [];
    return [{ name: o.name, lang: String(o.lang ?? ''), usedBy: String(o.usedBy ?? ''), ...(typeof o.latin === 'string' ? { latin: o.latin } : {}) }];
  });
}

/** Parses one entry file; undefined when it has no readable frontmatter (the content check reports that). */
export function parseEntityFile(text: string, kind: EntityKind, id: string, file: string): EntityEntry | undefined {
  const split = splitFrontmatter(text);
  if (!split) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter });
  if (doc.errors.length > 0) return undefined;
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line + split.yamlLine - 1;
    }
    return undefined;
  };
  return {
    ref: `${kind}/${id}`,
    kind,
    id,
    file,
    name: typeof data['name'] === 'string' ? data['name'] : id,
    forms: strings(data['forms']),
    short: typeof data['short'] === 'string' ? data['short'] : '',
    alternateNames: alternateNames(data['alternateNames']),
    related: strings(data['related']),
    sources: strings(data['sources']),
    data,
    body: split.body,
    bodyLine: text.slice(0, split.bodyOffset).split('\n').length,
    lineOf,
  };
}

function entryFiles(root: string): { kind: EntityKind; id: string; path: string; file: string }[] {
  return ENTITY_KINDS.flatMap((kind) => {
    const { folder, ext } = COLLECTIONS[kind];
    const dir = join(root, 'content', folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(ext))
      .sort()
      .map((name) => ({ kind, id: name.slice(0, -ext.length), path: join(dir, name), file: `content/${folder}/${name}` }));
  });
}

/** Every readable entry under `root`, in kind order, then by id. */
export function readEntityEntries(root: string): EntityEntry[] {
  return entryFiles(root).flatMap(({ kind, id, path, file }) => parseEntityFile(readFileSync(path, 'utf8'), kind, id, file) ?? []);
}

/** Signatures read once, in a process that has said its content cannot change while it runs. */
let frozen: Map<string, string> | undefined;

/**
 * For a process whose content/ cannot change while it runs (the article render workers, src/lib/render-pool.ts):
 * the signature below is then read once rather than on every look-up, which at 1,000 articles was about 150 file
 * checks per look-up and several look-ups per article.
 */
export function freezeContentSignatures(): void {
  frozen ??= new Map();
}

/**
 * Changes whenever an entry or the link rules change, so a long-running dev server rebuilds its index instead of
 * linking with stale forms. Cheap: one stat per file.
 */
export function entitySignature(root: string): string {
  if (frozen) {
    let signature = frozen.get(root);
    if (signature === undefined) frozen.set(root, (signature = readEntitySignature(root)));
    return signature;
  }
  return readEntitySignature(root);
}

function readEntitySignature(root: string): string {
  const files = [...entryFiles(root).map((f) => f.path), join(root, 'content', 'link-rules.yaml'), join(root, 'content', 'sources.yaml')];
  return statSignature(files);
}

/** A cache for cachedUntilContentChanges: one value per key, with the signature it was read under. */
export type ContentCache<T> = Map<string, { signature: string; value: T }>;

/**
 * `read()`, kept in `cache` under `key` until an entry, the link rules or the sources under `root` change: read
 * once per build, and again in a dev server after an edit.
 */
export function cachedUntilContentChanges<T>(cache: ContentCache<T>, key: string, root: string, read: () => T): T {
  const signature = entitySignature(root);
  const hit = cache.get(key);
  if (hit && hit.signature === signature) return hit.value;
  const value = read();
  cache.set(key, { signature, value });
  return value;
}
