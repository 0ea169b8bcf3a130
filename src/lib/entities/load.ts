/**
 * Everything the Markdown plugins need to know about the entries, read once per build (and again in a dev server
 * only when a file changed): the entity index, the known references and the known source ids.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildEntityIndex, type EntityIndex, type FormConflict } from './entity-index.ts';
import { cachedUntilContentChanges, readEntityEntries, type ContentCache, type EntityEntry } from './entries.ts';
import { readLinkRules, type RuleProblem } from './link-rules.ts';
import type { EntityRef } from './types.ts';

export interface EntityData {
  entries: ReadonlyMap<EntityRef, EntityEntry>;
  index: EntityIndex;
  conflicts: FormConflict[];
  ruleProblems: RuleProblem[];
  sourceIds: ReadonlySet<string>;
}

/** The ids in content/sources.yaml. */
export function readSourceIds(root: string): Set<string> {
  const path = join(root, 'content', 'sources.yaml');
  if (!existsSync(path)) return new Set();
  const list = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(list)) return new Set();
  return new Set(list.flatMap((item) => (typeof (item as { id?: unknown })?.id === 'string' ? [(item as { id: string }).id] : [])));
}

export function readEntityData(root: string): EntityData {
  const entries = readEntityEntries(root);
  const rules = readLinkRules(root);
  const { index, conflicts } = buildEntityIndex(entries, rules.forms);
  return {
    entries: new Map(entries.map((e) => [e.ref, e])),
    index,
    conflicts,
    ruleProblems: rules.problems,
    sourceIds: readSourceIds(root),
  };
}

const cache: ContentCache<EntityData> = new Map();

/** readEntityData, cached per root until an entry, the link rules or the sources change. */
export function loadEntityData(root: string): EntityData {
  return cachedUntilContentChanges(cache, root, root, () => readEntityData(root));
}
