/**
 * Prefixes the site's base path to root-relative links written in our Markdown (`[Karabakh](/places/karabakh/)`
 * in a background text or a note), so they also work when the site is built for a sub-path (SITE_BASE).
 */
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface RemarkBaseLinksOptions {
  /** The base path, e.g. "/" or "/karabakh/". */
  base: string;
}

export function withBase(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return href.startsWith(`${prefix}/`) && prefix !== '' ? href : `${prefix}${href}`;
}

export function remarkBaseLinks(options: RemarkBaseLinksOptions) {
  return (tree: Root): void => {
    // Under the root path every link is already right: no need to walk the tree.
    if (options.base === '/') return;
    visit(tree, 'link', (node: Link) => {
      node.url = withBase(node.url, options.base);
    });
  };
}
