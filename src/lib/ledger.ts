/**
 * The id ledger of an article (content/ledger/<slug>.yaml): every passage id and note id (`note-<id>`) ever
 * published on its page, and where retired ones moved. Links people shared point at these ids, so none may
 * vanish: the post-build check fails when a listed id is gone from the page without a mapping, and when the
 * page carries an id the ledger lacks (`npm run ledger` adds those; it never removes one). A mapped old id
 * keeps landing on its successor: rehype-passage-anchors puts an empty anchor with the old id inside it.
 */
import { isMap, isSeq, LineCounter, parseDocument, Document, YAMLMap, YAMLSeq } from 'yaml';

export interface Ledger {
  /** Every id ever published, in the order first published. */
  ids: string[];
  /** Retired id → the id that took its place. */
  moved: Record<string, string>;
}

export interface ParsedLedger {
  ledger: Ledger;
  /** Line of the file where an id is listed (under ids) or mapped (under moved). */
  lineOf: (id: string, section?: 'ids' | 'moved') => number | undefined;
}

export class LedgerError extends Error {
  override name = 'LedgerError';
}

/** Ids the ledger tracks: passage ids (on `.passage` elements) and note ids. */
export const NOTE_ID_PREFIX = 'note-';

const HEADER = [
  ' Every passage and note id ever published on this article\'s page: links people shared point at them, so',
  ' none may disappear. `npm run ledger` adds new ids (it never removes one). When an id is retired (say the',
  ' opening words of a paragraph were corrected), map it to its successor under `moved: { old-id: new-id }`;',
  ' the old id then still lands on the new passage, and the build fails until every listed id is on the page',
  ' or mapped.',
].join('\n');

export function parseLedger(text: string, file: string): ParsedLedger {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new LedgerError(`${file}:${e?.linePos?.[0]?.line ?? 1}: YAML syntax: ${(e?.message ?? '').split('\n')[0]}`);
  }
  const idsNode = doc.get('ids', true);
  const movedNode = doc.get('moved', true);
  if (idsNode !== undefined && idsNode !== null && !isSeq(idsNode)) throw new LedgerError(`${file}:${at(idsNode) ?? 1}: field "ids": expected a list of ids.`);
  if (movedNode !== undefined && movedNode !== null && !isMap(movedNode)) {
    throw new LedgerError(`${file}:${at(movedNode) ?? 1}: field "moved": expected a map of old id to new id, e.g. moved: { old-id: new-id }.`);
  }
  const lines = { ids: new Map<string, number | undefined>(), moved: new Map<string, number | undefined>() };
  const ids: string[] = [];
  for (const item of (idsNode as YAMLSeq | undefined)?.items ?? []) {
    const id = String((item as { value?: unknown }).value ?? item);
    ids.push(id);
    lines.ids.set(id, at(item));
  }
  const moved: Record<string, string> = {};
  for (const pair of (movedNode as YAMLMap | undefined)?.items ?? []) {
    const from = String((pair.key as { value?: unknown }).value);
    const to = String((pair.value as { value?: unknown } | null)?.value ?? '');
    if (to === '') throw new LedgerError(`${file}:${at(pair.key) ?? 1}: field "moved.${from}": name the id that replaces "${from}".`);
    moved[from] = to;
    lines.moved.set(from, at(pair.key));
  }
  return { ledger: { ids, moved }, lineOf: (id, section = 'ids') => lines[section].get(id) };
}

/** Follows `moved` from an old id to the id now on the page (chains allowed, cycles reported as undefined). */
export function successorOf(ledger: Ledger, id: string): string | undefined {
  const seen = new Set<string>();
  let current = id;
  while (ledger.moved[current] !== undefined) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = ledger.moved[current] ?? current;
  }
  return current === id ? undefined : current;
}

/** Old ids grouped by the id they now land on. */
export function oldIdsByTarget(ledger: Ledger): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const old of Object.keys(ledger.moved)) {
    const target = successorOf(ledger, old);
    if (target !== undefined) out.set(target, [...(out.get(target) ?? []), old]);
  }
  return out;
}

/** The ledger file's text with `added` appended to ids; comments and the rest of the file are kept. */
export function addToLedger(text: string | undefined, added: readonly string[]): string {
  const doc = text === undefined ? new Document({ ids: [], moved: {} }) : parseDocument(text);
  if (text === undefined) doc.commentBefore = HEADER;
  let ids = doc.get('ids', true);
  if (!isSeq(ids)) {
    ids = new YAMLSeq();
    doc.set('ids', ids);
  }
  for (const id of added) (ids as YAMLSeq).add(doc.createNode(id));
  if (!doc.has('moved')) doc.set('moved', new YAMLMap());
  const moved = doc.get('moved', true);
  if (isMap(moved) && moved.items.length === 0) moved.flow = true;
  return doc.toString({ lineWidth: 0 });
}
