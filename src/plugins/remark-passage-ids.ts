/**
 * Gives every top-level paragraph of an article a passage id (see src/lib/passages.ts) and records the passages
 * in the file's data, where pages read them (Astro exposes `file.data.astro.frontmatter` as
 * `remarkPluginFrontmatter`). Pin comments (`{/* #id *\/}` at the start of a paragraph, or on the line above
 * it) are removed from the output. Invalid or duplicate ids fail the build with the file and line.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { assignPassageIds, parsePinComment, PassageIdError, type PassageRecord } from '../lib/passages.ts';

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

/**
 * The paragraph's text without editorial expressions in it (MDX comments). Inline components that wrap the
 * publisher's words (links to entities, say) keep their text.
 */
function publisherText(paragraph: Paragraph): string {
  const text = paragraph.children
    .filter((child) => String(child.type) !== 'mdxTextExpression')
    .map((child) => toString(child))
    .join('');
  return text.trim();
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

function danglingPin(file: VFile, pin: string, line: number | undefined): PassageIdError {
  const where = `${file.path.replace(`${file.cwd}/`, '')}${line === undefined ? '' : `:${line}`}`;
  return new PassageIdError(
    `${where}: the pin {/* #${pin} */} is not followed by a paragraph. Put it on the line just above a paragraph, or at its start.`,
  );
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
        if (pendingPin !== undefined) throw danglingPin(file, pendingPin, node.position?.start.line);
        continue;
      }
      const pin = takeInlinePin(node) ?? pendingPin;
      pendingPin = undefined;
      candidates.push({ node, text: publisherText(node), line: node.position?.start.line ?? 0, pin });
    }
    if (pendingPin !== undefined) throw danglingPin(file, pendingPin, undefined);
    tree.children = kept;

    const relative = file.path.replace(`${file.cwd}/`, '');
    const records = assignPassageIds(relative, candidates);
    records.forEach((record, i) => {
      const node = candidates[i]?.node;
      if (!node) return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataPassageId: record.id } };
    });
    file.data.passages = records;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, passages: records };
  };
}
