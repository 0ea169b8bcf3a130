/** Shared shapes of the entity code: references, what the index matches, and what the link plugin records. */
import { ENTITY_KINDS, type EntityKind } from '../../schemas/common.ts';

export { ENTITY_KINDS, type EntityKind };

/** A reference to a background entry, "<kind>/<id>" (e.g. "places/stepanakert"), as frontmatter writes it. */
export type EntityRef = `${EntityKind}/${string}`;

const REF = /^(people|places|organizations|glossary)\/([a-z0-9][a-z0-9-]*)$/;

/** Splits "<kind>/<id>"; undefined when the string is not a well-formed reference. */
export function parseRef(value: string): { kind: EntityKind; id: string; ref: EntityRef } | undefined {
  const m = REF.exec(value);
  if (!m) return undefined;
  const kind = m[1] as EntityKind;
  const id = m[2] ?? '';
  return { kind, id, ref: `${kind}/${id}` };
}

/** The site path of an entry's page, before the base is added: /people/ilham-aliyev/. */
export const entityPath = (ref: EntityRef): string => `/${ref}/`;

/** One mention the link plugin found in a passage. Offsets count UTF-16 units in the passage's text. */
export interface MentionRecord {
  /** Id of the passage (paragraph) the mention is in. */
  passageId: string;
  /** The entry it refers to. */
  ref: EntityRef;
  /** The form that matched (from the entry's `forms`, a link rule or a per-passage override), without a possessive. */
  form: string;
  /** The text as it stands in the passage (the form plus a possessive 's, if any). */
  text: string;
  /** Start and end of `text` in the passage's text. */
  start: number;
  end: number;
  /** True for the mention that carries the link (the first of its entry in the passage). */
  linked: boolean;
}
