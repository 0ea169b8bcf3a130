/**
 * Wraps each passage paragraph (marked by remark-passage-ids) in a `div.passage` that carries the id, with a
 * "link to this passage" control beside the text. The control is an ordinary link to `#id`, so it works with
 * JavaScript off; src/client/passages.ts enhances it to copy the URL.
 *
 * Ids retired in the article's ledger (content/ledger/<slug>.yaml, `moved`) get an empty anchor with the old id
 * inside their successor passage, so a link shared before the change still lands on it, with or without
 * JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { articlePaths, articleSlugOf } from '../lib/content-paths.ts';
import { oldIdsByTarget, parseLedger } from '../lib/ledger.ts';

export function passageLinkLabel(index: number): string {
  return `Link to passage ${index}`;
}

/** Class of the empty anchors that keep retired ids working. */
export const OLD_ID_CLASS = 'passage-old-id';

export interface RehypePassageAnchorsOptions {
  /** The old ids that land on each passage id of a file; by default read from the article's ledger. */
  oldIds?: (file: VFile) => Map<string, string[]>;
}

/** Reads the moved ids of the article `file` is, from its ledger next to it under content/. */
export function oldIdsFromLedger(file: VFile): Map<string, string[]> {
  const slug = articleSlugOf(file.path);
  if (slug === undefined) return new Map();
  const root = file.path.slice(0, file.path.search(/[\\/]content[\\/]articles[\\/]/));
  const ledgerFile = articlePaths(slug).ledger;
  const path = join(root, ledgerFile);
  if (!existsSync(path)) return new Map();
  return oldIdsByTarget(parseLedger(readFileSync(path, 'utf8'), ledgerFile).ledger);
}

export function rehypePassageAnchors(options: RehypePassageAnchorsOptions = {}) {
  const oldIdsOf = options.oldIds ?? oldIdsFromLedger;
  return (tree: Root, file?: VFile): void => {
    const oldIds = file ? oldIdsOf(file) : new Map<string, string[]>();
    let index = 0;
    tree.children = tree.children.map((node) => {
      if (node.type !== 'element' || node.tagName !== 'p') return node;
      const id = node.properties['dataPassageId'];
      if (typeof id !== 'string') return node;
      index += 1;
      const paragraph: Element = { ...node, properties: { ...node.properties, dataPassageId: undefined } };
      return h('div.passage', { id, dataPassageIndex: index }, [
        ...(oldIds.get(id) ?? []).map((old) => h(`span.${OLD_ID_CLASS}`, { id: old })),
        paragraph,
        h('a.passage-link', { href: `#${id}`, dataPagefindIgnore: '' }, [
          h('span.passage-link-mark', { ariaHidden: 'true' }, '¶'),
          h('span.visually-hidden', passageLinkLabel(index)),
        ]),
      ]);
    });
  };
}
