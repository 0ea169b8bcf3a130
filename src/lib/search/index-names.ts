/**
 * Every name finds the same thing. Pagefind has no synonyms (https://github.com/Pagefind/pagefind/issues/777),
 * so in the copy of each page handed to Pagefind — never in the page readers get — the other names of every
 * entry a passage mentions are put right after the mention, in an attribute Pagefind indexes:
 *
 *   <a class="entity-link" data-entity="places/stepanakert">Khankendi</a><span data-index-only="places/stepanakert"
 *     data-pagefind-index-attrs="data-names" data-names="⟦Stepanakert Khankendi Xankəndi Xankendi …⟧"></span>
 *
 * Which entry a mention is comes from the entity-link plugin's decisions (link rules, per-passage overrides): it
 * links the first mention of each entry in a passage and marks the link with `data-entity`, which is all the
 * index needs. A mention whose words also name other entries ("Aghdam-Khankendi route": the road, and
 * Khankendi) carries their names too. The names land inside the passage, so a match on them maps to the passage;
 * the brackets let the results leave them out of excerpts (src/lib/search/results.ts).
 */
import type { Element, ElementContent, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { allNames, indexOnlyText, namedWithin, NAMES_ATTRIBUTE, wordCount, type EntityNames } from './names.ts';

/** The index-only element for one entry, beside a mention of `words` words. */
export function namesElement(ref: string, names: readonly string[], words = 1): Element {
  return h('span', { dataIndexOnly: ref, dataPagefindIndexAttrs: NAMES_ATTRIBUTE, [NAMES_ATTRIBUTE]: indexOnlyText(names, words) });
}

const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';

/** How many characters at the start of `text` continue the word a mention ends in ("'s", "-bound"). */
export function wordTail(text: string): number {
  const match = /^[\p{L}\p{N}'’-]*/u.exec(text);
  return match ? match[0].length : 0;
}

/**
 * Puts the names after each entity link in `parent`'s subtree, after the rest of the word the link ends in (so
 * "Aliyev's" stays one word in the index: Pagefind puts spaces around attribute text). One element per entry and
 * passage is enough: the link plugin links only the first mention. Returns how many were added.
 */
/**
 * Inserts `element` inside `parent` after the word that ends at text offset `offset` (splitting a text node), or
 * at the end when the offset is past the text. Used for an entry named within a longer mention.
 */
function insertWithin(parent: Element, offset: number, element: Element): boolean {
  let at = 0;
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (child?.type === 'text') {
      const end = at + child.value.length;
      if (offset > at && offset <= end) {
        const cut = offset - at + wordTail(child.value.slice(offset - at));
        const rest = cut < child.value.length ? [{ type: 'text' as const, value: child.value.slice(cut) }] : [];
        parent.children.splice(i, 1, { type: 'text', value: child.value.slice(0, cut) }, element, ...rest);
        return true;
      }
      at = end;
    } else if (isElement(child)) {
      const length = toString(child).length;
      if (offset > at && offset <= at + length) return insertWithin(child, offset - at, element);
      at += length;
    }
  }
  parent.children.push(element);
  return true;
}

function annotate(parent: Element, table: NamesTable, seen: Set<string>): number {
  let added = 0;
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (!isElement(child) || child.properties['dataIndexOnly'] !== undefined) continue;
    const ref = child.properties['dataEntity'];
    const names = typeof ref === 'string' ? table.names.get(ref) : undefined;
    if (typeof ref !== 'string' || !names) {
      added += annotate(child, table, seen);
      continue;
    }
    // Entries named inside this mention get their names right after their word, inside the link.
    const text = toString(child);
    for (const inner of namedWithin(text, table.entities, ref)) {
      const innerNames = table.names.get(inner.ref);
      if (seen.has(inner.ref) || !innerNames) continue;
      seen.add(inner.ref);
      insertWithin(child, inner.end, namesElement(inner.ref, innerNames, wordCount(text.slice(inner.start, inner.end))));
      added += 1;
    }
    if (seen.has(ref)) continue;
    seen.add(ref);
    const element = namesElement(ref, names, wordCount(text));
    const next = parent.children[i + 1];
    const tail = next?.type === 'text' ? wordTail(next.value) : 0;
    if (next?.type === 'text' && tail > 0) {
      const rest = tail < next.value.length ? [{ type: 'text' as const, value: next.value.slice(tail) }] : [];
      parent.children.splice(i + 1, 1, { type: 'text', value: next.value.slice(0, tail) }, element, ...rest);
      i += 2;
    } else {
      parent.children.splice(i + 1, 0, element);
      i += 1;
    }
    added += 1;
  }
  return added;
}

/** The entries and every name of each, ready for addIndexNames. */
export interface NamesTable {
  entities: readonly EntityNames[];
  names: ReadonlyMap<string, readonly string[]>;
}

export function namesTable(entities: readonly EntityNames[]): NamesTable {
  return { entities, names: new Map(entities.map((e) => [e.ref, allNames(e)])) };
}

/** Adds the index-only names to every passage of a page's tree (`.passage > p`); returns how many it added. */
export function addIndexNames(tree: Root, table: NamesTable): number {
  return selectAll('.passage > p', tree).reduce((n, paragraph) => n + annotate(paragraph, table, new Set()), 0);
}
