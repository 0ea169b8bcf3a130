/**
 * The entity check, run with the content check before every build: everything about background entries and links
 * that a schema alone cannot see. Each problem names the file, the line and the entry or form, and says how to fix
 * it:
 * - a `related` reference, a link rule or a per-passage override names an entry that does not exist;
 * - two entries claim the same form and content/link-rules.yaml does not say which one a mention links to;
 * - an entry cites no source, or a place has no coordinates;
 * - a citation `[@source-id]` in an entry's text names no source in content/sources.yaml.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryLocation } from '../../schemas/common.ts';
import type { ContentProblem } from '../content-check.ts';
import { buildEntityIndex } from './entity-index.ts';
import { readEntityEntries, type EntityEntry } from './entries.ts';
import { LINK_RULES_FILE, readLinkRules } from './link-rules.ts';
import { readSourceIds } from './load.ts';
import { overridesInSource } from './overrides.ts';
import { parseRef, type EntityRef } from './types.ts';

const unknownEntry = (ref: string) => {
  const parsed = parseRef(ref);
  const where = parsed ? entryLocation(parsed.kind, parsed.id) : `content/${ref}.md`;
  return `names the entry "${ref}", which does not exist. Add ${where} or correct the reference.`;
};

function checkEntry(entry: EntityEntry, known: ReadonlySet<string>, sourceIds: ReadonlySet<string>, problems: ContentProblem[]): void {
  const at = (path: (string | number)[], field: string, message: string) =>
    problems.push({ file: entry.file, line: entry.lineOf(path), field, message: `${entry.ref}: ${message}` });
  entry.related.forEach((ref, i) => {
    if (parseRef(ref) && !known.has(ref)) at(['related', i], `related.${i}`, unknownEntry(ref));
    if (ref === entry.ref) at(['related', i], `related.${i}`, 'an entry cannot be related to itself; remove it.');
  });
  if (entry.sources.length === 0) {
    at(['sources'], 'sources', 'the entry cites no source. Add `sources: [id, …]` with ids from content/sources.yaml for the facts on the page.');
  }
  if (entry.kind === 'places') {
    const c = entry.data['coordinates'] as { lat?: unknown; lon?: unknown } | undefined;
    if (!c || typeof c.lat !== 'number' || typeof c.lon !== 'number') {
      at(['coordinates'], 'coordinates', 'the place has no coordinates. Add `coordinates: { lat: 39.81, lon: 46.75 }` (decimal degrees, WGS 84).');
    }
  }
  entry.body.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/\[@([^\]\s]*)\]/g)) {
      const id = m[1] ?? '';
      if (!sourceIds.has(id)) {
        problems.push({
          file: entry.file,
          line: entry.bodyLine + i,
          message: `${entry.ref}: the citation [@${id}] names no source in content/sources.yaml. Add the source there (see its header) or correct the id.`,
        });
      }
    }
  });
}

/** Checks the entries, content/link-rules.yaml and the overrides in the articles under `root`. */
export function checkEntities(root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entries = readEntityEntries(root);
  const known = new Set<string>(entries.map((e) => e.ref));
  const byRef = new Map<string, EntityEntry>(entries.map((e) => [e.ref, e]));
  const sourceIds = readSourceIds(root);
  for (const entry of entries) checkEntry(entry, known, sourceIds, problems);

  const rules = readLinkRules(root);
  problems.push(...rules.problems.map((p) => ({ ...p })));
  for (const shared of rules.forms) {
    const refs: [string, EntityRef][] = [
      ['default', shared.default],
      ...shared.candidates.map((c, i): [string, EntityRef] => [`candidates.${i}`, c]),
      ...shared.rules.map((r, i): [string, EntityRef] => [`rules.${i}.link`, r.link]),
    ];
    for (const [field, ref] of refs) {
      if (!known.has(ref)) problems.push({ file: LINK_RULES_FILE, line: shared.line, field, message: `"${shared.form}": ${unknownEntry(ref)}` });
    }
  }

  const { index, conflicts } = buildEntityIndex(entries, rules.forms);
  for (const { form, refs } of conflicts) {
    for (const ref of refs) {
      const entry = byRef.get(ref);
      if (!entry) continue;
      const others = refs.filter((r) => r !== ref);
      problems.push({
        file: entry.file,
        line: entry.lineOf(['forms', entry.forms.indexOf(form)]),
        field: 'forms',
        message:
          `${ref}: the form "${form}" is also claimed by ${others.join(', ')}, and ${LINK_RULES_FILE} does not say which one it links to. ` +
          `Add "- form: ${form}" there with default and candidates [${refs.join(', ')}], or drop the form from one entry.`,
      });
    }
  }
  for (const shared of rules.forms) {
    const missing = (index.claims.get(shared.form) ?? []).filter((ref) => !shared.candidates.includes(ref));
    if (missing.length > 0) {
      problems.push({
        file: LINK_RULES_FILE,
        line: shared.line,
        field: 'candidates',
        message: `"${shared.form}" is also claimed by ${missing.join(', ')}; add it to candidates (and a rule if some mentions should link to it).`,
      });
    }
  }

  const articles = join(root, 'content', 'articles');
  if (existsSync(articles)) {
    for (const name of readdirSync(articles).filter((n) => n.endsWith('.mdx')).sort()) {
      const file = `content/articles/${name}`;
      for (const found of overridesInSource(readFileSync(join(articles, name), 'utf8'))) {
        if (found.error) problems.push({ file, line: found.line, message: found.error });
        else if (found.override?.kind === 'link' && !known.has(found.override.ref)) {
          problems.push({ file, line: found.line, message: `the override "link: ${found.override.text} -> ${found.override.ref}" ${unknownEntry(found.override.ref)}` });
        }
      }
    }
  }
  return problems;
}
