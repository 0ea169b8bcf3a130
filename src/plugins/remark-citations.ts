/**
 * Turns the citations in a background entry's text, `[@source-id]`, into numbered links to the page's source list
 * (`#source-<id>`), numbered in order of first citation, and records the cited ids in `file.data.citations`
 * (pages read them as `remarkPluginFrontmatter.citations` to order the list the same way). An unknown id fails
 * the build with the file and line.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { loadEntityData } from '../lib/entities/load.ts';

export interface RemarkCitationsOptions {
  /** Which files hold background text. */
  include: (path: string) => boolean;
  /** Where content/ lives. Default: the file's working directory. */
  root?: string;
  /** The known source ids (tests); default: read from content/sources.yaml. */
  sourceIds?: ReadonlySet<string>;
}

declare module 'vfile' {
  interface DataMap {
    citations: string[];
  }
}

export class CitationError extends Error {
  override name = 'CitationError';
}

/** Where a cited source sits in the page's list. */
export const sourceAnchor = (id: string): string => `source-${id}`;

const CITATION = /\[@([a-z0-9][a-z0-9-]*)\]/g;

export function remarkCitations(options: RemarkCitationsOptions) {
  return (tree: Root, file: VFile): void => {
    if (!options.include(file.path)) return;
    const known = options.sourceIds ?? loadEntityData(options.root ?? file.cwd).sourceIds;
    const relative = file.path.replace(`${file.cwd}/`, '');
    const order: string[] = [];
    const walk = (parent: { children: PhrasingContent[] } | Root) => {
      const children = parent.children as PhrasingContent[];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (!child) continue;
        if ('children' in child && child.type !== 'link') walk(child as { children: PhrasingContent[] });
        if (child.type !== 'text' || !child.value.includes('[@')) continue;
        const pieces = citationPieces(child, known, order, relative);
        children.splice(i, 1, ...pieces);
        i += pieces.length - 1;
      }
    };
    walk(tree);
    file.data.citations = order;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, citations: order };
  };
}

function citationPieces(node: Text, known: ReadonlySet<string>, order: string[], file: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(CITATION)) {
    const id = m[1] ?? '';
    if (!known.has(id)) {
      throw new CitationError(
        `${file}:${node.position?.start.line ?? '?'}: the citation [@${id}] names no source in content/sources.yaml. Add the source there or fix the id.`,
      );
    }
    if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
    if (!order.includes(id)) order.push(id);
    const n = order.indexOf(id) + 1;
    const link: Link = {
      type: 'link',
      url: `#${sourceAnchor(id)}`,
      children: [{ type: 'text', value: `[${n}]` }],
      data: { hProperties: { className: ['cite'], ariaLabel: `Source ${n}` } },
    };
    out.push(link);
    at = m.index + m[0].length;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
