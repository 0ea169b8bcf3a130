/**
 * Gives every top-level paragraph of an article a passage id (see src/lib/passages.ts) and records the passages
 * in the file's data, where pages read them (Astro exposes `file.data.astro.frontmatter` as
 * `remarkPluginFrontmatter`). Pin comments (`{/* #id *\/}` at the start of a paragraph, or on the line above
 * it) are removed from the output. Invalid or duplicate ids fail the build with the file and line.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { assignPassageIds, parsePinComment, type PassageRecord } from '../lib/passages.ts';

export interface RemarkPassageIdsOptions {
  /** Which files hold passages (the publisher's text); other MDX and Markdown files are left alone. */
  include: (path: string) => boolean;
}

declare module 'vfile' {
  interface DataMap {
    passages: PassageRecord[];
  }
}

interface ExpressionNode {
  type: 'mdxFlowExpression' | 'mdxTextExpression';
  value: string;
}

function isPinExpression(node: unknown): node is ExpressionNode {
  const n = node as { type?: string; value?: string };
  return (
    (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') &&
    typeof n.value === 'string' &&
    parsePinComment(n.value) !== undefined
  );
}

/** Takes a leading pin comment out of a paragraph and returns its id. */
function takeInlinePin(paragraph: Paragraph): string | undefined {
  const first = paragraph.children[0];
  if (!isPinExpression(first)) return undefined;
  paragraph.children.shift();
  const next = paragraph.children[0];
  if (next?.type === 'text') next.value = next.value.replace(/^\s+/, '');
  return parsePinComment(first.value);
}

export function remarkPassageIds(options: RemarkPassageIdsOptions) {
  return (tree: Root, file: VFile): void => {
    if (!options.include(file.path)) return;
    const candidates: { node: Paragraph; text: string; line: number; pin?: string }[] = [];
    let pendingPin: string | undefined;
    const kept: RootContent[] = [];
    for (const node of tree.children) {
      if (isPinExpression(node) && node.type === 'mdxFlowExpression') {
        pendingPin = parsePinComment(node.value);
        continue;
      }
      kept.push(node);
      if (node.type !== 'paragraph') {
        pendingPin = undefined;
        continue;
      }
      const pin = takeInlinePin(node) ?? pendingPin;
      pendingPin = undefined;
      candidates.push({ node, text: toString(node), line: node.position?.start.line ?? 0, pin });
    }
    tree.children = kept;

    const relative = file.path.replace(`${file.cwd}/`, '');
    const records = assignPassageIds(relative, candidates);
    records.forEach((record, i) => {
      const node = candidates[i]?.node;
      if (!node) return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, 'data-passage-id': record.id } };
    });
    file.data.passages = records;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, passages: records };
  };
}
