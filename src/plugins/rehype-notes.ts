/**
 * Places each note (rendered by remark-notes) inside its passage (wrapped by rehype-passage-anchors), so it can
 * sit in the margin beside the text on wide screens. The passage gets a `div.passage-notes` holding the notes and,
 * for narrow screens, a list of markers: links to `#note-<id>` that open the note inline (by `:target`, so
 * without JavaScript too). Notes about the whole text (before the first paragraph) get the same block where they stand.
 */
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { NOTE_KIND_LABELS, type NoteRecord } from '../lib/notes.ts';

function markers(notes: readonly NoteRecord[], about = 'this passage'): Element {
  return h(
    'ul.note-markers',
    // Controls, not text: search leaves them out (the notes themselves are indexed in records of their own).
    { ariaLabel: `${notes.length === 1 ? 'Note' : 'Notes'} on ${about}`, dataPagefindIgnore: '' },
    notes.map((note) =>
      h('li', [
        h('a.note-marker', { href: `#${note.htmlId}` }, [
          h('span.visually-hidden', 'Note '),
          h('span.note-marker-number', String(note.number)),
          ' ',
          h('span.note-marker-kind', NOTE_KIND_LABELS[note.kind].one),
        ]),
      ]),
    ),
  );
}

const isElement = (node: RootContent): node is Element => node.type === 'element';

export function rehypeNotes() {
  return (tree: Root, file: VFile): void => {
    const notes = file.data.notes ?? [];
    if (notes.length === 0) return;
    const byHtmlId = new Map(notes.map((note) => [note.htmlId, note]));
    const passages = new Map<string, Element>();
    for (const node of tree.children) {
      if (isElement(node) && typeof node.properties['id'] === 'string' && (node.properties['className'] as string[] | undefined)?.includes('passage')) {
        passages.set(node.properties['id'], node);
      }
    }
    const placed = new Map<Element, { notes: NoteRecord[]; elements: Element[] }>();
    // Notes about the whole text are gathered in one block where the first of them stands.
    const whole: { notes: NoteRecord[]; elements: Element[] } = { notes: [], elements: [] };
    const wholeBlock = h('div.passage-notes.text-notes');
    tree.children = tree.children.flatMap((node): RootContent[] => {
      if (!isElement(node) || node.tagName !== 'aside') return [node];
      const note = byHtmlId.get(String(node.properties['id']));
      if (!note) return [node];
      const passage = note.passage === undefined ? undefined : passages.get(note.passage);
      if (!passage) {
        whole.notes.push(note);
        whole.elements.push(node);
        return whole.notes.length === 1 ? [wholeBlock] : [];
      }
      const entry = placed.get(passage) ?? { notes: [], elements: [] };
      entry.notes.push(note);
      entry.elements.push(node);
      placed.set(passage, entry);
      return [];
    });
    for (const [passage, entry] of placed) {
      passage.children.push(h('div.passage-notes', [markers(entry.notes), ...entry.elements]));
    }
    if (whole.notes.length > 0) wholeBlock.children = [markers(whole.notes, 'the whole text'), ...whole.elements];
  };
}
