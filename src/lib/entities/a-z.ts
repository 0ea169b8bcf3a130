/**
 * The A–Z index: every entry under its name, and every other name it goes by as a line pointing to it, grouped
 * by first letter. Names in other scripts file under their Latin transliteration so a reader of English finds
 * them; a name with neither a Latin form nor a transliteration is left to the entry's page.
 */
import { indexLetter } from './labels.ts';

export interface AzEntry {
  name: string;
  kindLabel: string;
  href: string;
  alternateNames: readonly { name: string; lang: string; latin?: string | undefined }[];
}

export interface AzLine {
  /** What the line shows and sorts by. */
  label: string;
  /** The entry's own name, when the line is another name pointing to it. */
  see?: string;
  /** Language of the label, when it is a name as written in another language. */
  lang?: string;
  href: string;
  kindLabel: string;
}

export interface AzGroup {
  letter: string;
  /** Fragment id of the group's heading. */
  anchor: string;
  lines: AzLine[];
}

export function azGroups(entries: readonly AzEntry[]): AzGroup[] {
  const lines: AzLine[] = [];
  for (const e of entries) {
    lines.push({ label: e.name, href: e.href, kindLabel: e.kindLabel });
    const seen = new Set([e.name]);
    for (const n of e.alternateNames) {
      const label = n.latin ?? n.name;
      if (seen.has(label) || indexLetter(label) === '#') continue;
      seen.add(label);
      lines.push({ label, see: e.name, href: e.href, kindLabel: e.kindLabel, ...(n.latin ? {} : { lang: n.lang }) });
    }
  }
  lines.sort((a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || (a.see ? 1 : 0) - (b.see ? 1 : 0));
  const groups = new Map<string, AzLine[]>();
  for (const line of lines) {
    const letter = indexLetter(line.label);
    groups.set(letter, [...(groups.get(letter) ?? []), line]);
  }
  return [...groups].map(([letter, groupLines]) => ({ letter, anchor: `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`, lines: groupLines }));
}
