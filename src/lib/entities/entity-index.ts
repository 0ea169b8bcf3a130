/**
 * The entity index: every form (exact, case-sensitive text) → the entry it refers to, and the matcher that finds
 * forms in a passage. A match must stand on word boundaries (so "Armenia" is not found inside "Armenian"); a
 * possessive 's or ’s after it is taken along; where forms overlap, the longest wins ("Lachin corridor" before
 * "Lachin"). A form two entries claim resolves through content/link-rules.yaml.
 */
import { resolveSharedForm, type SharedForm } from './link-rules.ts';
import type { EntityRef } from './types.ts';

export type FormTarget = { ref: EntityRef } | { shared: SharedForm };

export interface EntityIndex {
  /** Form → what it links to. */
  targets: ReadonlyMap<string, FormTarget>;
  /** Every form with its claimants, for the check. */
  claims: ReadonlyMap<string, readonly EntityRef[]>;
  matcher: RegExp | undefined;
}

export interface FormConflict {
  form: string;
  refs: EntityRef[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A global regex matching any of `forms`, longest first, on word boundaries, with an optional possessive. */
export function formMatcher(forms: Iterable<string>): RegExp | undefined {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (sorted.length === 0) return undefined;
  // Alternation tries its branches in order, so longest-first order makes the longest form win at a position.
  return new RegExp(`(?<![\\p{L}\\p{N}_])(${sorted.map(escape).join('|')})(?:['’]s)?(?![\\p{L}\\p{N}_])`, 'gu');
}

/**
 * Builds the index from each entry's forms and the shared-form rules. A form claimed by two or more entries with
 * no rule is left out of the index and returned as a conflict (the check turns it into an error).
 */
export function buildEntityIndex(
  entries: readonly { ref: EntityRef; forms: readonly string[] }[],
  shared: readonly SharedForm[] = [],
): { index: EntityIndex; conflicts: FormConflict[] } {
  const claims = new Map<string, EntityRef[]>();
  for (const entry of entries) {
    for (const form of new Set(entry.forms)) {
      const list = claims.get(form) ?? [];
      list.push(entry.ref);
      claims.set(form, list);
    }
  }
  const rules = new Map(shared.map((s) => [s.form, s]));
  const targets = new Map<string, FormTarget>();
  const conflicts: FormConflict[] = [];
  for (const [form, refs] of claims) {
    const rule = rules.get(form);
    if (rule) targets.set(form, { shared: rule });
    else if (refs.length === 1 && refs[0] !== undefined) targets.set(form, { ref: refs[0] });
    else conflicts.push({ form, refs });
  }
  // A rule may also route a form no entry lists (e.g. a phrase only the rules know).
  for (const rule of shared) if (!targets.has(rule.form)) targets.set(rule.form, { shared: rule });
  return { index: { targets, claims, matcher: formMatcher(targets.keys()) }, conflicts };
}

export interface Mention {
  /** Offsets of the matched text (form + possessive) in the searched text. */
  start: number;
  end: number;
  text: string;
  form: string;
  ref: EntityRef;
}

export interface PassageOverrides {
  /** Extra or replacing forms for this passage: text → entry. */
  link: ReadonlyMap<string, EntityRef>;
  /** Forms not to link (nor count as mentions) in this passage. */
  nolink: ReadonlySet<string>;
}

export const NO_OVERRIDES: PassageOverrides = { link: new Map(), nolink: new Set() };

/**
 * Every mention of an indexed entry in `text`, left to right, not overlapping. Overrides, when given, add forms
 * (winning over the index's), and suppress others.
 */
export function findMentions(text: string, index: EntityIndex, overrides: PassageOverrides = NO_OVERRIDES): Mention[] {
  const extra = overrides.link.size > 0;
  const matcher = extra ? formMatcher([...index.targets.keys(), ...overrides.link.keys()]) : index.matcher;
  if (!matcher) return [];
  const mentions: Mention[] = [];
  for (const m of text.matchAll(new RegExp(matcher))) {
    const form = m[1] ?? '';
    if (overrides.nolink.has(form)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const forced = overrides.link.get(form);
    const target = index.targets.get(form);
    let ref: EntityRef | undefined = forced;
    if (!ref && target) {
      ref = 'ref' in target ? target.ref : resolveSharedForm(target.shared, { before: text.slice(0, start), after: text.slice(end), passage: text });
    }
    if (ref) mentions.push({ start, end, text: m[0], form, ref });
  }
  return mentions;
}
