/**
 * Links the people, places, organizations and terms an article mentions to their background pages, and records
 * every mention in `file.data.entityMentions` (also exposed to pages as `remarkPluginFrontmatter.entityMentions`)
 * for the backlinks and the naming figures.
 *
 * It works on passages only (top-level paragraphs that remark-passage-ids gave an id), so editorial `<Note>`
 * elements and MDX comments are never searched. The first mention of each entry in a passage becomes a link whose
 * text is exactly the publisher's text; nothing else in the paragraph changes. Per-passage overrides
 * (`{/* link: X -> kind/id *\/}`, `{/* nolink: X *\/}`, see src/lib/entities/overrides.ts) go on the line above
 * the paragraph or at its start and are removed from the output.
 */
import type { Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type {} from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { findMentions, type PassageOverrides } from '../lib/entities/entity-index.ts';
import { loadEntityData, type EntityData } from '../lib/entities/load.ts';
import { OverrideSyntaxError, parseOverride, type Override } from '../lib/entities/overrides.ts';
import { entityPath, type EntityRef, type MentionRecord } from '../lib/entities/types.ts';
import { url } from '../lib/urls.ts';

export interface RemarkEntityLinksOptions {
  /** Which files are articles (the publisher's text). */
  include: (path: string) => boolean;
  /** The site's base path ("/" or e.g. "/karabakh/"), for the links. */
  base: string;
  /** Where content/ lives. Default: the file's working directory (the project root in a build). */
  root?: string;
  /** Entity data to use instead of reading content/ (tests). */
  data?: EntityData;
}

declare module 'vfile' {
  interface DataMap {
    entityMentions: MentionRecord[];
  }
}

/** A mistake in an article's overrides, with file and line. */
export class EntityLinkError extends Error {
  override name = 'EntityLinkError';
}

/** The class every mention link carries; the preview script and the styles find links by it. */
export const ENTITY_LINK_CLASS = 'entity-link';

interface Run {
  node: Text;
  parent: { children: PhrasingContent[] };
  start: number;
}

interface LocatedOverride {
  override: Override;
  line: number | undefined;
}

const isExpression = (node: { type: string }): node is { type: 'mdxFlowExpression' | 'mdxTextExpression'; value: string } =>
  node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression';

/** The paragraph's text, with the text nodes a link may split; other inline nodes count but are never split. */
function textRuns(paragraph: Paragraph): { text: string; runs: Run[] } {
  const runs: Run[] = [];
  let text = '';
  const walk = (parent: { children: PhrasingContent[] }) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        runs.push({ node: child, parent, start: text.length });
        text += child.value;
      } else if (child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete') {
        walk(child);
      } else if (child.type !== 'mdxTextExpression') {
        // Links, code, inline JSX: their text is part of the passage but is not ours to link.
        text += toString(child);
      }
    }
  };
  walk(paragraph);
  return { text, runs };
}

function passageIdOf(paragraph: Paragraph): string | undefined {
  const props = paragraph.data?.hProperties as Record<string, unknown> | undefined;
  const id = props?.['dataPassageId'] ?? props?.['data-passage-id'];
  return typeof id === 'string' ? id : undefined;
}

export function remarkEntityLinks(options: RemarkEntityLinksOptions) {
  return (tree: Root, file: VFile): void => {
    if (!options.include(file.path)) return;
    const data = options.data ?? loadEntityData(options.root ?? file.cwd);
    const relative = file.path.replace(`${file.cwd}/`, '');
    const fail = (line: number | undefined, message: string) =>
      new EntityLinkError(`${relative}${line === undefined ? '' : `:${line}`}: ${message}`);

    const readOverride = (value: string, line: number | undefined): Override | undefined => {
      try {
        const override = parseOverride(value);
        if (override?.kind === 'link' && !data.entries.has(override.ref)) {
          throw new OverrideSyntaxError(
            `"link: ${override.text} -> ${override.ref}" names an unknown entry. Add content/${override.ref}.md or use an existing entry.`,
          );
        }
        return override;
      } catch (error) {
        if (error instanceof OverrideSyntaxError) throw fail(line, error.message);
        throw error;
      }
    };

    const records: MentionRecord[] = [];
    let pending: LocatedOverride[] = [];
    const kept: RootContent[] = [];
    for (const node of tree.children) {
      if (node.type === 'mdxFlowExpression') {
        const override = readOverride(node.value, node.position?.start.line);
        if (override) {
          pending.push({ override, line: node.position?.start.line });
          continue;
        }
      }
      kept.push(node);
      const passageId = node.type === 'paragraph' ? passageIdOf(node) : undefined;
      if (node.type !== 'paragraph' || passageId === undefined) {
        if (pending.length > 0) {
          throw fail(pending[0]?.line, 'this link override is not followed by a paragraph of the text. Put it on the line just above a paragraph, or at its start.');
        }
        continue;
      }
      const overrides = [...pending, ...takeInlineOverrides(node, readOverride, fail)];
      pending = [];
      records.push(...linkPassage(node, passageId, overrides, data, options.base, fail));
    }
    if (pending.length > 0) throw fail(pending[0]?.line, 'this link override is not followed by a paragraph. Put it just above a paragraph, or at its start.');
    tree.children = kept;

    file.data.entityMentions = records;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, entityMentions: records };
  };
}

/** Removes override comments at the start of a paragraph (and the space after them); rejects them elsewhere. */
function takeInlineOverrides(
  paragraph: Paragraph,
  read: (value: string, line: number | undefined) => Override | undefined,
  fail: (line: number | undefined, message: string) => Error,
): LocatedOverride[] {
  const found: LocatedOverride[] = [];
  let atStart = true;
  const children: PhrasingContent[] = [];
  for (const child of paragraph.children) {
    const line = child.position?.start.line;
    if (isExpression(child)) {
      const override = read(child.value, line);
      if (override) {
        if (!atStart) throw fail(line, `put the override {/* ${override.kind}: ${override.text} … */} at the start of the paragraph or on the line above it.`);
        found.push({ override, line });
        continue;
      }
    }
    if (atStart && child.type === 'text' && found.length > 0) {
      const trimmed = child.value.replace(/^\s+/, '');
      if (trimmed === '') continue;
      child.value = trimmed;
    }
    if (!(child.type === 'mdxTextExpression' || (child.type === 'text' && child.value.trim() === ''))) atStart = false;
    children.push(child);
  }
  paragraph.children = children;
  return found;
}

function linkPassage(
  paragraph: Paragraph,
  passageId: string,
  overrides: LocatedOverride[],
  data: EntityData,
  base: string,
  fail: (line: number | undefined, message: string) => Error,
): MentionRecord[] {
  const { text, runs } = textRuns(paragraph);
  const lead = text.length - text.trimStart().length;
  const passageOverrides: PassageOverrides = {
    link: new Map(overrides.flatMap(({ override: o }) => (o.kind === 'link' ? [[o.text, o.ref] as const] : []))),
    nolink: new Set(overrides.flatMap(({ override: o }) => (o.kind === 'nolink' ? [o.text] : []))),
  };
  const mentions = findMentions(text, data.index, passageOverrides);
  for (const { override, line } of overrides) {
    const used = override.kind === 'link' ? mentions.some((m) => m.form === override.text) : text.includes(override.text);
    if (!used) {
      throw fail(line, `"${override.kind}: ${override.text}" — the paragraph has no "${override.text}" (as a whole word). Copy the text exactly, or remove the override.`);
    }
  }

  const records: MentionRecord[] = [];
  const linkedRefs = new Set<EntityRef>();
  const splits = new Map<Run, { start: number; end: number; ref: EntityRef }[]>();
  for (const m of mentions) {
    const run = runs.find((r) => r.start <= m.start && m.end <= r.start + r.node.value.length);
    // A mention inside the publisher's own link, code or markup, or across two nodes, is left alone.
    if (!run) continue;
    const linked = !linkedRefs.has(m.ref);
    linkedRefs.add(m.ref);
    records.push({ passageId, ref: m.ref, form: m.form, text: m.text, start: m.start - lead, end: m.end - lead, linked });
    if (linked) splits.set(run, [...(splits.get(run) ?? []), { start: m.start - run.start, end: m.end - run.start, ref: m.ref }]);
  }
  for (const [run, pieces] of splits) {
    const replacement: PhrasingContent[] = [];
    let at = 0;
    const value = run.node.value;
    for (const piece of pieces) {
      if (piece.start > at) replacement.push({ type: 'text', value: value.slice(at, piece.start) });
      const link: Link = {
        type: 'link',
        url: url(entityPath(piece.ref), base),
        children: [{ type: 'text', value: value.slice(piece.start, piece.end) }],
        data: { hProperties: { className: [ENTITY_LINK_CLASS], dataEntity: piece.ref } },
      };
      replacement.push(link);
      at = piece.end;
    }
    if (at < value.length) replacement.push({ type: 'text', value: value.slice(at) });
    const index = run.parent.children.indexOf(run.node);
    run.parent.children.splice(index, 1, ...replacement);
  }
  return records;
}
