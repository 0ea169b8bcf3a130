/**
 * Per-passage link overrides, written as MDX comments on the line above a paragraph or at its start (like pins):
 *
 *   {/* link: Lachin -> places/lachin-district *\/}          this passage's "Lachin" links to the district
 *   {/* link: "Karabakh's foreign ministry" -> organizations/nk-foreign-ministry *\/}   a phrase no entry lists
 *   {/* nolink: Karabakh *\/}                                 no link (and no mention) for "Karabakh" here
 */
import { parseRef, type EntityRef } from './types.ts';

export type Override = { kind: 'link'; text: string; ref: EntityRef } | { kind: 'nolink'; text: string };

export class OverrideSyntaxError extends Error {
  override name = 'OverrideSyntaxError';
}

const OVERRIDE = /^\s*\/\*\s*(link|nolink)\s*:\s*([\s\S]*?)\s*\*\/\s*$/;

/**
 * Reads an override from the source of an MDX expression. Undefined when the expression is not an override
 * (another comment, a pin); throws OverrideSyntaxError when it starts like one but is malformed.
 */
export function parseOverride(expression: string): Override | undefined {
  const m = OVERRIDE.exec(expression);
  if (!m) return undefined;
  const kind = m[1] as 'link' | 'nolink';
  const rest = m[2] ?? '';
  const arrow = /^(?:"([^"]+)"|(.+?))\s*(?:->\s*(\S+))?$/.exec(rest);
  const text = arrow?.[1] ?? arrow?.[2]?.trim();
  const target = arrow?.[3];
  if (!text) throw new OverrideSyntaxError(`the override "${kind}:" names no text. Write {/* ${kind}: Lachin${kind === 'link' ? ' -> places/lachin' : ''} */}.`);
  if (kind === 'nolink') {
    if (target !== undefined) throw new OverrideSyntaxError(`"nolink: ${text}" takes no target; write {/* nolink: ${text.split(' ->')[0]} */}.`);
    return { kind, text };
  }
  if (target === undefined) throw new OverrideSyntaxError(`"link: ${text}" needs a target: {/* link: ${text} -> places/some-id */}.`);
  const ref = parseRef(target);
  if (!ref) throw new OverrideSyntaxError(`"link: ${text} -> ${target}": the target must be "<kind>/<id>", e.g. places/lachin.`);
  return { kind, text, ref: ref.ref };
}

/** Overrides found in an article's source text, with their lines: for the check, which runs before any build. */
export function overridesInSource(source: string): { line: number; override?: Override; error?: string }[] {
  const found: { line: number; override?: Override; error?: string }[] = [];
  const lines = source.split('\n');
  lines.forEach((lineText, i) => {
    for (const m of lineText.matchAll(/\{(\s*\/\*[\s\S]*?\*\/\s*)\}/g)) {
      try {
        const override = parseOverride(m[1] ?? '');
        if (override) found.push({ line: i + 1, override });
      } catch (error) {
        found.push({ line: i + 1, error: (error as Error).message });
      }
    }
  });
  return found;
}
