/**
 * Gives every top-level paragraph of an article a passage id (see src/lib/passages.ts) and records the passages
 * in the file's data, where pages read them (Astro exposes `file.data.astro.frontmatter` as
 * `remarkPluginFrontmatter`). Pin comments (`{/* #id *\/}` at the start of a paragraph, or on the line above
 * it) are removed from the output. Invalid or duplicate ids fail the build with the file and line.
 *
 * Our words never count as the publisher's: a `<Note>` element (block or inline) and MDX comments are left out
 * of a passage's text, so they change neither its id nor what the verbatim check compares. Inline elements
 * that wrap the publisher's words (entity links) keep their text.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
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

/** The name of the element that holds our editorial notes inside an article (see the notes contract). */
export const NOTE_ELEMENT = 'Note';

function isPinExpression(node: unknown): node is ExpressionNode {
  const n = node as { type?: string; value?: string };
  return (
    (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') &&
    typeof n.value === 'string' &&
    parsePinComment(n.value) !== undefined
  );
}

/** True for what is ours inside the publisher's text: notes and MDX expressions (comments, pins). */
export function isEditorial(node: { type: string; name?: unknown }): boolean {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return true;
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === NOTE_ELEMENT;
}

/** The publisher's words in a node: its text without notes and MDX expressions, at any depth. */
export function publisherText(node: { type: string; name?: unknown; value?: unknown; children?: unknown[] }): string {
  if (isEditorial(node)) return '';
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map((child) => publisherText(child as Parameters<typeof publisherText>[0])).join('');
}

/** One top-level paragraph of an article, with its pin and where it is in the source. */
export interface PassageSource {
  node: Paragraph;
  /** The publisher's words, trimmed. */
  text: string;
  line: number;
  pin?: string;
  /** The pin written on the line above the paragraph, if it is pinned so. */
  pinNode?: RootContent;
}

/** Finds the passages of an article's tree without changing it; pins on their own line must precede a paragraph. */
export function findPassages(tree: Root, where: string): PassageSource[] {
  const found: PassageSource[] = [];
  let pending: { pin: string; node: RootContent } | undefined;
  for (const node of tree.children) {
    if (isPinExpression(node) && node.type === 'mdxFlowExpression') {
      if (pending) throw danglingPin(where, pending.pin, pending.node.position?.start.line);
      pending = { pin: parsePinComment(node.value) ?? '', node };
      continue;
    }
    if (node.type !== 'paragraph') {
      // Notes and comments may sit between a pin and its paragraph; anything else ends the pin's reach.
      if (pending && !isEditorial(node)) throw danglingPin(where, pending.pin, pending.node.position?.start.line);
      continue;
    }
    const first = node.children[0];
    const inlinePin = isPinExpression(first) ? parsePinComment(first.value) : undefined;
    found.push({
      node,
      text: publisherText(node).trim(),
      line: node.position?.start.line ?? 0,
      ...(inlinePin !== undefined ? { pin: inlinePin } : pending ? { pin: pending.pin, pinNode: pending.node } : {}),
    });
    pending = undefined;
  }
  if (pending) throw danglingPin(where, pending.pin, pending.node.position?.start.line);
  return found;
}

function danglingPin(where: string, pin: string, line: number | undefined): PassageIdError {
  return new PassageIdError(
    `${where}${line === undefined ? '' : `:${line}`}: the pin {/* #${pin} */} is not followed by a paragraph. ` +
      'Put it on the line just above a paragraph, or at its start.',
    line,
  );
}

/** Takes a leading pin comment out of a paragraph. */
function dropInlinePin(paragraph: Paragraph): void {
  const children: unknown[] = paragraph.children;
  if (!isPinExpression(children[0])) return;
  paragraph.children.shift();
  const next = paragraph.children[0];
  if (next?.type === 'text') next.value = next.value.replace(/^\s+/, '');
}

export function remarkPassageIds(options: RemarkPassageIdsOptions) {
  return (tree: Root, file: VFile): void => {
    if (!options.include(file.path)) return;
    const relative = file.path.replace(`${file.cwd}/`, '');
    const passages = findPassages(tree, relative);
    const pinNodes = new Set(passages.flatMap((p) => (p.pinNode ? [p.pinNode] : [])));
    tree.children = tree.children.filter((node) => !pinNodes.has(node));
    for (const p of passages) dropInlinePin(p.node);

    const records = assignPassageIds(relative, passages);
    records.forEach((record, i) => {
      const node = passages[i]?.node;
      if (!node) return;
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataPassageId: record.id } };
    });
    file.data.passages = records;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, passages: records };
  };
}
