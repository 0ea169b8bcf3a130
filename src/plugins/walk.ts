/**
 * Calls `fn` on every node under `node` (depth first, parents before children) with its parent: what
 * unist-util-visit does for a visitor that neither skips nor replaces, without its bookkeeping of ancestors, which
 * was a tenth of an article's render time at 1,000 articles (npm run bench).
 */
export interface WalkNode {
  type: string;
  children?: WalkNode[];
}

export function walk<T extends WalkNode>(node: T, fn: (node: T, parent: T | undefined) => void, parent?: T): void {
  fn(node, parent);
  const children = node.children as T[] | undefined;
  if (children) for (const child of children) walk(child, fn, node);
}
