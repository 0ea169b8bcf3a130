/**
 * content/link-rules.yaml: how a form that several entries claim ("Lachin": the town or the district; "Karabakh":
 * the region or the former oblast) is linked. Each item names the form, the entry a mention links to by default,
 * every candidate, and optional rules tried in order (first match wins):
 *
 *   - form: Lachin
 *     default: places/lachin
 *     candidates: [places/lachin, places/lachin-district]
 *     rules:
 *       - if: { followedBy: district }      # or precededBy / passageContains (plain strings)
 *         link: places/lachin-district
 *     note: Why the default is what it is.
 *
 * An editor overrides all of this per passage with an MDX comment (see overrides.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseRef, type EntityRef } from './types.ts';

export const LINK_RULES_FILE = 'content/link-rules.yaml';

export interface LinkCondition {
  /** The words right after the mention (after any possessive and spaces) start with this. */
  followedBy?: string;
  /** The words right before the mention end with this. */
  precededBy?: string;
  /** The passage contains this anywhere. */
  passageContains?: string;
}

export interface LinkRule {
  if: LinkCondition;
  link: EntityRef;
  line: number | undefined;
}

export interface SharedForm {
  form: string;
  default: EntityRef;
  candidates: EntityRef[];
  rules: LinkRule[];
  note?: string;
  /** Line of the item in the file, for messages. */
  line: number | undefined;
}

export interface RuleProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

const CONDITIONS = ['followedBy', 'precededBy', 'passageContains'] as const;

/** Parses the text of link-rules.yaml; problems carry the file's line numbers. */
export function parseLinkRules(text: string, file = LINK_RULES_FILE): { forms: SharedForm[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineAt = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, line: e.linePos?.[0]?.line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    return { forms: [], problems };
  }
  if (doc.contents === null) return { forms: [], problems };
  if (!isSeq(doc.contents)) {
    problems.push({ file, line: 1, message: 'expected a list of items, each starting with "- form: …".' });
    return { forms: [], problems };
  }
  const forms: SharedForm[] = [];
  const seen = new Map<string, number | undefined>();
  doc.contents.items.forEach((item, i) => {
    const line = lineAt([i]);
    if (!isMap(item)) {
      problems.push({ file, line, message: 'each item must be a mapping with form, default and candidates.' });
      return;
    }
    const data = item.toJSON() as Record<string, unknown>;
    const bad = (field: string, message: string, path: (string | number)[] = [field]) =>
      problems.push({ file, line: lineAt([i, ...path]), field, message });
    const form = data['form'];
    if (typeof form !== 'string' || form.length < 2) return bad('form', 'give the exact text to match, e.g. "form: Lachin".');
    if (seen.has(form)) return bad('form', `"${form}" is listed twice (first on line ${seen.get(form)}); keep one item per form.`);
    seen.set(form, line);
    const ref = (value: unknown, field: string, path: (string | number)[]): EntityRef | undefined => {
      const parsed = typeof value === 'string' ? parseRef(value) : undefined;
      if (!parsed) bad(field, `expected "<kind>/<id>" (people, places, organizations or glossary), e.g. "places/lachin"; got ${JSON.stringify(value)}.`, path);
      return parsed?.ref;
    };
    const fallback = ref(data['default'], 'default', ['default']);
    const rawCandidates = data['candidates'];
    if (!Array.isArray(rawCandidates) || rawCandidates.length === 0) {
      bad('candidates', `list every entry that claims "${form}", e.g. [places/lachin, places/lachin-district].`);
    }
    const candidates = (Array.isArray(rawCandidates) ? rawCandidates : []).flatMap((c, j) => ref(c, 'candidates', ['candidates', j]) ?? []);
    if (fallback && candidates.length > 0 && !candidates.includes(fallback)) {
      bad('default', `the default ${fallback} is not among the candidates of "${form}"; add it to candidates.`);
    }
    const rawRules = data['rules'] ?? [];
    const rules: LinkRule[] = [];
    if (!Array.isArray(rawRules)) bad('rules', 'expected a list of { if: { followedBy: … }, link: kind/id }.');
    else
      rawRules.forEach((r, j) => {
        const rule = (r ?? {}) as { if?: Record<string, unknown>; link?: unknown };
        const condition: LinkCondition = {};
        const given = Object.entries(rule.if ?? {});
        for (const [key, value] of given) {
          if (!(CONDITIONS as readonly string[]).includes(key) || typeof value !== 'string' || value === '') {
            bad(`rules.${j}.if`, `unknown condition "${key}: ${String(value)}"; use followedBy, precededBy or passageContains with a non-empty string.`, ['rules', j, 'if', key]);
            continue;
          }
          condition[key as keyof LinkCondition] = value;
        }
        if (given.length === 0) bad(`rules.${j}.if`, 'a rule needs a condition: if: { followedBy: … } (or precededBy, passageContains).', ['rules', j]);
        const link = ref(rule.link, `rules.${j}.link`, ['rules', j, 'link']);
        if (link) rules.push({ if: condition, link, line: lineAt([i, 'rules', j]) });
      });
    if (!fallback) return;
    forms.push({
      form,
      default: fallback,
      candidates,
      rules,
      ...(typeof data['note'] === 'string' ? { note: data['note'] } : {}),
      line,
    });
  });
  return { forms, problems };
}

/** Reads content/link-rules.yaml under `root` (no file: no shared forms). */
export function readLinkRules(root: string): { forms: SharedForm[]; problems: RuleProblem[] } {
  const path = join(root, LINK_RULES_FILE);
  if (!existsSync(path)) return { forms: [], problems: [] };
  return parseLinkRules(readFileSync(path, 'utf8'));
}

/** What surrounds a mention, for the conditions. */
export interface MentionContext {
  /** The passage's text before the mention. */
  before: string;
  /** The passage's text after the mention (and its possessive). */
  after: string;
  passage: string;
}

const wordBoundaryAfter = (text: string, length: number) => !/[\p{L}\p{N}]/u.test(text.charAt(length));

function holds(condition: LinkCondition, context: MentionContext): boolean {
  if (condition.followedBy !== undefined) {
    const after = context.after.trimStart();
    if (!after.startsWith(condition.followedBy) || !wordBoundaryAfter(after, condition.followedBy.length)) return false;
  }
  if (condition.precededBy !== undefined) {
    const before = context.before.trimEnd();
    const at = before.length - condition.precededBy.length;
    if (!before.endsWith(condition.precededBy) || /[\p{L}\p{N}]/u.test(before.charAt(at - 1))) return false;
  }
  if (condition.passageContains !== undefined && !context.passage.includes(condition.passageContains)) return false;
  return true;
}

/** The entry a mention of a shared form links to: the first rule that holds, else the default. */
export function resolveSharedForm(shared: SharedForm, context: MentionContext): EntityRef {
  return shared.rules.find((rule) => holds(rule.if, context))?.link ?? shared.default;
}
