/**
 * Editorial notes. An editor writes `<Note id kind on sources by>…</Note>` as a block after the paragraph it
 * belongs to (no import: this plugin turns the MDX element into plain Markdown nodes before MDX would look for a
 * component). For each note it:
 * - checks the attributes, the sources and the `by` entries, and fails the build with file and line;
 * - marks the `on` phrase in its paragraph (a link to the note around a `<mark>`), without changing one
 *   character of the publisher's text;
 * - renders the note as `<aside id="note-<id>" data-annotation="<kind>">` with its kind in words, its permalink,
 *   who makes the claim and its sources;
 * - records every note in `file.data.notes` and the page's `remarkPluginFrontmatter.notes`.
 * rehype-notes then moves each note into its passage, beside the text.
 *
 * It runs after remark-passage-ids, whose passage records say which passage each note belongs to.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { BlockContent, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { walk, type WalkNode } from './walk.ts';
import { formatDate } from '../lib/dates.ts';
import type { NoteCatalogue } from '../lib/notes-catalogue.ts';
import {
  BY_PATTERN,
  excerpt,
  findPhrase,
  isNoteKind,
  NOTE_ATTRIBUTES,
  NOTE_ID_PATTERN,
  NOTE_KIND_LABELS,
  NOTE_KINDS,
  NoteError,
  noteHtmlId,
  splitList,
  type NoteKind,
  type NoteRecord,
} from '../lib/notes.ts';
import type { PassageRecord } from '../lib/passages.ts';

export interface RemarkNotesOptions {
  /** Which files are articles (other MDX files may not hold notes). */
  include: (path: string) => boolean;
  /** The sources and background entries notes may cite, read from the repository at `root`. */
  catalogue: (root: string) => NoteCatalogue;
  /**
   * The address of the article's page (e.g. "/articles/x/", with the site's base), for each note's permalink
   * control: a full address, so print can write it out. Default: none (a bare "#note-<id>").
   */
  pagePath?: (filePath: string) => string;
  /**
   * The absolute address of the article's page, written out beside each note in print (paper has no address bar).
   * Default: none, and print shows the page path.
   */
  articleAddress?: (filePath: string) => string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    notes: NoteRecord[];
  }
}

const NOTE_TAG = 'Note';

/** The label on a note and on its marker: "Note 3". */
export const noteLabel = (number: number): string => `Note ${number}`;

function where(file: VFile, line: number | undefined): string {
  const path = file.path.replace(`${file.cwd}/`, '');
  return line === undefined ? path : `${path}:${line}`;
}

/** Reads the literal string attributes of a `<Note>`; expressions and unknown attributes are errors. */
function readAttributes(node: MdxJsxFlowElement, at: string): Partial<Record<(typeof NOTE_ATTRIBUTES)[number], string>> {
  const values: Partial<Record<(typeof NOTE_ATTRIBUTES)[number], string>> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      throw new NoteError(`${at}: <Note {…}> spreads are not allowed. Write each attribute as name="value".`);
    }
    const name = attribute.name as (typeof NOTE_ATTRIBUTES)[number];
    if (!NOTE_ATTRIBUTES.includes(name)) {
      throw new NoteError(`${at}: <Note> has an unknown attribute "${attribute.name}". Use only ${NOTE_ATTRIBUTES.join(', ')}.`);
    }
    if (typeof attribute.value !== 'string') {
      throw new NoteError(`${at}: field "${name}" of <Note> must be a quoted string, e.g. ${name}="…".`);
    }
    values[name] = attribute.value;
  }
  return values;
}

interface ParsedNote {
  id: string;
  kind: NoteKind;
  on?: string;
  sources: string[];
  by: string[];
}

function parseNote(node: MdxJsxFlowElement, at: string, catalogue: NoteCatalogue): ParsedNote {
  const a = readAttributes(node, at);
  if (a.id === undefined || !NOTE_ID_PATTERN.test(a.id)) {
    throw new NoteError(
      `${at}: field "id" of <Note> ${a.id === undefined ? 'is missing' : `("${a.id}") is not valid`}. ` +
        'Give it a short slug of lowercase letters, digits and single hyphens, e.g. id="blinken-call-date".',
    );
  }
  if (a.kind === undefined || !isNoteKind(a.kind)) {
    throw new NoteError(
      `${at}: field "kind" of note "${a.id}" ${a.kind === undefined ? 'is missing' : `("${a.kind}") is not a kind`}. ` +
        `Use one of: ${NOTE_KINDS.join(', ')}.`,
    );
  }
  const sources = splitList(a.sources);
  if (sources.length === 0) {
    throw new NoteError(
      `${at}: field "sources" of note "${a.id}" is missing. Every note cites at least one source: ` +
        'sources="id1 id2" with ids from content/sources.yaml.',
    );
  }
  for (const id of sources) {
    if (!catalogue.source(id)) {
      throw new NoteError(`${at}: field "sources" of note "${a.id}": "${id}" is not in content/sources.yaml. Add it there or fix the id.`);
    }
  }
  const by = splitList(a.by);
  if (a.kind === 'claim' && by.length === 0) {
    throw new NoteError(
      `${at}: field "by" of claim note "${a.id}" is missing. Say who makes the claim, e.g. ` +
        'by="people/ilham-aliyev organizations/azerbaijan-defence-ministry".',
    );
  }
  if (a.kind !== 'claim' && by.length > 0) {
    throw new NoteError(`${at}: field "by" of note "${a.id}" is only for claim notes. Remove it or make the note kind="claim".`);
  }
  for (const ref of by) {
    if (!BY_PATTERN.test(ref)) {
      throw new NoteError(`${at}: field "by" of note "${a.id}": "${ref}" is not "<kind>/<id>", e.g. "people/ilham-aliyev".`);
    }
    if (!catalogue.entity(ref)) {
      throw new NoteError(`${at}: field "by" of note "${a.id}": there is no content/${ref}.md. Add the entry or fix the reference.`);
    }
  }
  if (a.on !== undefined && a.on.trim() === '') {
    throw new NoteError(`${at}: field "on" of note "${a.id}" is empty. Give an exact phrase of the paragraph above, or leave "on" out.`);
  }
  return { id: a.id, kind: a.kind, ...(a.on === undefined ? {} : { on: a.on }), sources, by };
}

/** MDX nodes that carry no publisher text (comments such as pins). */
const isExpression = (node: { type: string }): boolean => node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression';

/** The text of a paragraph as the phrase search sees it: its text nodes in order, editorial comments left out. */
function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (isExpression(node)) return '';
      if (node.type === 'text') return node.value;
      if ('children' in node) return phrasingText(node.children as PhrasingContent[]);
      return toString(node);
    })
    .join('');
}

/** The mark around an anchored phrase: a link to the note around `<mark>` (just the mark inside a link). */
function markNode(children: PhrasingContent[], htmlId: string, number: number, kind: NoteKind, insideLink: boolean): PhrasingContent {
  // mdast has no mark node: an emphasis node rendered as <mark> keeps the text as it is for every text reader.
  const mark: PhrasingContent = {
    type: 'emphasis',
    data: { hName: 'mark', hProperties: { className: ['note-mark'], dataNote: number } },
    children,
  };
  if (insideLink) return mark;
  const link: Link = {
    type: 'link',
    url: `#${htmlId}`,
    data: { hProperties: { className: ['note-anchor'], title: `${noteLabel(number)}: ${NOTE_KIND_LABELS[kind].one.toLowerCase()}` } },
    children: [mark],
  };
  return link;
}

/**
 * Wraps the characters [start, end) of the phrasing content in marks, splitting text nodes at the edges. A phrase
 * that crosses formatting (emphasis, a link) gets one mark per piece, so the tree stays valid.
 */
function markRange(
  parent: { children: PhrasingContent[] },
  range: { start: number; end: number },
  offset: { at: number },
  make: (children: PhrasingContent[], insideLink: boolean) => PhrasingContent,
  insideLink: boolean,
): void {
  const out: PhrasingContent[] = [];
  for (const child of parent.children) {
    if (isExpression(child)) {
      out.push(child);
      continue;
    }
    if (child.type !== 'text') {
      if ('children' in child) {
        markRange(child as { children: PhrasingContent[] }, range, offset, make, insideLink || child.type === 'link');
      } else {
        offset.at += toString(child).length;
      }
      out.push(child);
      continue;
    }
    const start = offset.at;
    const end = start + child.value.length;
    offset.at = end;
    if (end <= range.start || start >= range.end) {
      out.push(child);
      continue;
    }
    const from = Math.max(start, range.start) - start;
    const to = Math.min(end, range.end) - start;
    if (from > 0) out.push({ type: 'text', value: child.value.slice(0, from) });
    const piece = child.value.slice(from, to);
    // A piece that is only white space (between two links the phrase crosses) stays plain text: wrapped, it would
    // be a link with nothing to read.
    out.push(/^\s*$/.test(piece) ? { type: 'text', value: piece } : make([{ type: 'text', value: piece }], insideLink));
    if (to < child.value.length) out.push({ type: 'text', value: child.value.slice(to) });
  }
  parent.children = out;
}

/** "A", "A and B", "A, B and C". */
function joinNames(parts: ElementContent[][]): ElementContent[] {
  return parts.flatMap((part, i) => {
    if (i === 0) return part;
    return [{ type: 'text', value: i === parts.length - 1 ? ' and ' : ', ' } as ElementContent, ...part];
  });
}

function noteHead(note: ParsedNote, number: number, htmlId: string, pagePath: string, address: string | undefined): Element {
  return h('header.note-head', { dataPagefindIgnore: '' }, [
    h('span.note-number', String(number)),
    ' ',
    h('span.note-kind', NOTE_KIND_LABELS[note.kind].one),
    ' ',
    h('a.note-link', { href: `${pagePath}#${htmlId}`, dataPermalink: `${address ?? pagePath}#${htmlId}` }, [
      h('span.note-link-mark', { ariaHidden: 'true' }, '#'),
      h('span.visually-hidden', `Link to note ${number}`),
    ]),
  ]);
}

function noteBy(note: ParsedNote, catalogue: NoteCatalogue): Element | undefined {
  if (note.by.length === 0) return undefined;
  const names = note.by.map((ref): ElementContent[] => {
    const entity = catalogue.entity(ref);
    const name = entity?.name ?? ref;
    return [entity?.href ? h('a', { href: entity.href }, name) : { type: 'text', value: name }];
  });
  return h('p.note-by', ['Claim made by ', ...joinNames(names), '.']);
}

function noteSources(note: ParsedNote, catalogue: NoteCatalogue): Element {
  return h('div.note-sources', [
    h('span', note.sources.length === 1 ? 'Source:' : 'Sources:'),
    h(
      'ol',
      note.sources.map((id) => {
        const source = catalogue.source(id);
        if (!source) return h('li', id);
        return h('li', [
          `${source.publisher}, `,
          h('a', { href: source.url, rel: 'noopener noreferrer' }, source.title),
          ...(source.date ? [`, ${formatDate(source.date)}`] : []),
        ]);
      }),
    ),
  ]);
}

/** A block whose HTML is given directly (hChildren): the note's header, "claim made by" and sources. */
function hastBlock(element: Element): BlockContent {
  return { type: 'paragraph', children: [], data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } };
}

function renderNote(
  node: MdxJsxFlowElement,
  note: ParsedNote,
  number: number,
  passage: string | undefined,
  catalogue: NoteCatalogue,
  pagePath: string,
  address: string | undefined,
): RootContent {
  const htmlId = noteHtmlId(note.id);
  const label = `${noteLabel(number)}: ${NOTE_KIND_LABELS[note.kind].one.toLowerCase()}`;
  const by = noteBy(note, catalogue);
  const close = passage
    ? [hastBlock(h('p.note-close', { dataPagefindIgnore: '' }, [h('a', { href: `#${passage}` }, ['Close ', h('span.visually-hidden', `note ${number}`)])]))]
    : [];
  return {
    type: 'blockquote',
    // The note is our text, not the publisher's: an aside with role "note" (not a landmark of its own).
    data: {
      hName: 'aside',
      hProperties: { className: ['note'], id: htmlId, role: 'note', ariaLabel: label, dataAnnotation: note.kind },
    },
    children: [
      hastBlock(noteHead(note, number, htmlId, pagePath, address)),
      ...(by ? [hastBlock(by)] : []),
      ...(node.children as BlockContent[]),
      hastBlock(noteSources(note, catalogue)),
      ...close,
    ],
  };
}

function isNoteElement(node: unknown): node is MdxJsxFlowElement | MdxJsxTextElement {
  const n = node as { type?: string; name?: string | null };
  return (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === NOTE_TAG;
}

export function remarkNotes(options: RemarkNotesOptions) {
  return (tree: Root, file: VFile): void => {
    // Notes anywhere but at the top level of an article (inside a list, in a line of text) are mistakes.
    walk(tree as WalkNode, (node, parent) => {
      if (!isNoteElement(node)) return;
      const at = where(file, node.position?.start.line);
      if (!options.include(file.path)) {
        throw new NoteError(`${at}: <Note> is only for articles in content/articles/.`);
      }
      if (node.type === 'mdxJsxTextElement' || parent !== tree) {
        throw new NoteError(`${at}: write <Note> as a block of its own, after the paragraph it belongs to, with blank lines around it.`);
      }
    });
    if (!options.include(file.path)) return;

    const catalogue = options.catalogue(file.cwd);
    const pagePath = options.pagePath?.(file.path) ?? '';
    const passages: PassageRecord[] = file.data.passages ?? [];
    const notes: NoteRecord[] = [];
    const seen = new Map<string, number>();
    let paragraph: Paragraph | undefined;

    tree.children = tree.children.map((node) => {
      if (node.type === 'paragraph') {
        paragraph = node;
        return node;
      }
      if (!isNoteElement(node) || node.type !== 'mdxJsxFlowElement') return node;
      const line = node.position?.start.line ?? 0;
      const at = where(file, line);
      const note = parseNote(node, at, catalogue);
      const earlier = seen.get(note.id);
      if (earlier !== undefined) {
        throw new NoteError(`${at}: note id "${note.id}" is already used by the note on line ${earlier}. Give each note its own id.`);
      }
      seen.set(note.id, line);
      // Paragraphs of the note joined with a space, so the excerpt does not run them together.
      const body = node.children.map((child) => toString(child)).join(' ');
      if (body.trim() === '') {
        throw new NoteError(`${at}: note "${note.id}" has no text. Write the note between <Note …> and </Note>.`);
      }
      const passage = paragraph ? passages.find((p) => p.line === paragraph?.position?.start.line)?.id : undefined;
      const number = notes.length + 1;
      const htmlId = noteHtmlId(note.id);
      if (note.on !== undefined) {
        if (!paragraph) {
          throw new NoteError(
            `${at}: note "${note.id}" comes before the first paragraph, so it is about the whole text and cannot mark a phrase. Remove "on", or move the note after its paragraph.`,
          );
        }
        const range = findPhrase(phrasingText(paragraph.children), note.on);
        if (!range) {
          throw new NoteError(
            `${at}: field "on" of note "${note.id}": "${note.on}" is not in the paragraph above (line ${paragraph.position?.start.line ?? '?'}). ` +
              'Copy the phrase character for character from that paragraph.',
          );
        }
        const kind = note.kind;
        markRange(paragraph, range, { at: 0 }, (children, insideLink) => markNode(children, htmlId, number, kind, insideLink), false);
      }
      notes.push({
        id: note.id,
        htmlId,
        kind: note.kind,
        number,
        ...(passage === undefined ? {} : { passage }),
        ...(note.on === undefined ? {} : { on: note.on }),
        sources: note.sources,
        by: note.by,
        excerpt: excerpt(body),
        line,
      });
      return renderNote(node, note, number, passage, catalogue, pagePath, options.articleAddress?.(file.path));
    });

    file.data.notes = notes;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, notes };
  };
}
