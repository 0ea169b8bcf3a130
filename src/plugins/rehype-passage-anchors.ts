/**
 * Wraps each passage paragraph (marked by remark-passage-ids) in a `div.passage` that carries the id, with a
 * "link to this passage" control beside the text. The control is an ordinary link to `#id`, so it works with
 * JavaScript off; src/client/passages.ts enhances it to copy the URL.
 */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';

export function passageLinkLabel(index: number): string {
  return `Link to passage ${index}`;
}

export function rehypePassageAnchors() {
  return (tree: Root): void => {
    let index = 0;
    tree.children = tree.children.map((node) => {
      if (node.type !== 'element' || node.tagName !== 'p') return node;
      const id = node.properties['dataPassageId'];
      if (typeof id !== 'string') return node;
      index += 1;
      const paragraph: Element = { ...node, properties: { ...node.properties, dataPassageId: undefined } };
      return h('div.passage', { id, dataPassageIndex: index }, [
        paragraph,
        h('a.passage-link', { href: `#${id}`, dataPagefindIgnore: '' }, [
          h('span.passage-link-mark', { ariaHidden: 'true' }, '¶'),
          h('span.visually-hidden', passageLinkLabel(index)),
        ]),
      ]);
    });
  };
}
