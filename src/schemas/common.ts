/**
 * Small schema pieces shared by the collections. Each takes a `ref` factory so the same definitions serve
 * Astro (where `ref` is `reference()`) and src/lib/content-check.ts (where `ref` checks the id exists).
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../lib/content-paths.ts';

/**
 * Every collection and where its entries live under content/: a folder of files (the file name is the id) or
 * one YAML list (each item has an `id`). The one list of collections: the loaders (src/content.config.ts), the
 * content check and the schema map (collections.ts) all take it from here.
 */
export const COLLECTIONS = {
  articles: { folder: 'articles', ext: '.mdx' },
  outlets: { folder: 'outlets', ext: '.md' },
  people: { folder: 'people', ext: '.md' },
  places: { folder: 'places', ext: '.md' },
  organizations: { folder: 'organizations', ext: '.md' },
  glossary: { folder: 'glossary', ext: '.md' },
  sources: { file: 'sources.yaml' },
  events: { file: 'events.yaml' },
} as const satisfies Record<string, { folder: string; ext: '.md' | '.mdx' } | { file: string }>;

export type CollectionName = keyof typeof COLLECTIONS;

/** Where an entry of `collection` with this id is (or would be) written, for messages. */
export function entryLocation(collection: CollectionName, id: string): string {
  const where: { folder: string; ext: string } | { file: string } = COLLECTIONS[collection];
  return 'file' in where ? `an entry in content/${where.file}` : `content/${where.folder}/${id}${where.ext}`;
}

/** An id: the site's one slug rule (src/lib/content-paths.ts). */
export const slugId = z.string().regex(SLUG_PATTERN, 'Expected lowercase letters and digits in words joined by single hyphens, e.g. "oc-media-2023-09-19".');

/** Makes the schema of a reference to an entry of `collection`; it parses to `{ id, collection }` as Astro's does. */
export type RefFactory = <C extends CollectionName>(collection: C) => z.ZodType<{ id: string; collection: C }>;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD. */
export function isValidPartialDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/**
 * A date written YYYY-MM-DD, YYYY-MM or YYYY. YAML turns an unquoted full date into a Date object; it is
 * accepted and written back as YYYY-MM-DD so every date reaches the pages as the same kind of string.
 */
export const partialDate = z
  .union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string()])
  .refine((v) => isValidPartialDate(v), {
    message: 'Expected a real date written YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. 2023-09-19.',
  });

/**
 * How exact a date is: the day; "about" that day (our best estimate, within a few days); only the month; only
 * the year.
 */
export const datePrecision = z.enum(['day', 'about', 'month', 'year']);

/** A name another language or side uses for the same thing, and who uses it. */
export const alternateName = z.object({
  /** The name as written, in its own script. */
  name: z.string().min(1),
  /** BCP 47 language code of the name (hy = Armenian, az = Azerbaijani, ru = Russian, en = English). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a language code such as "hy", "az-Latn" or "en".'),
  /** Latin transliteration when the name is in another script. */
  latin: z.string().optional(),
  /** Who uses this name, in a few words ("Azerbaijani government and media"). */
  usedBy: z.string().min(3),
});

/** A list of sources (ids in content/sources.yaml); at least one, since every fact needs one. */
export const sourceList = (ref: RefFactory) => z.array(ref('sources')).min(1, 'Cite at least one source (an id from content/sources.yaml).');

/** The four kinds of background entry, in the order the site lists them. */
export const ENTITY_KINDS = ['people', 'places', 'organizations', 'glossary'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * A reference to any background entry, written "<kind>/<id>" (e.g. "people/ilham-aliyev", "places/lachin").
 * The content check verifies that the entry exists.
 */
export const entityRefString = z
  .string()
  .regex(
    new RegExp(`^(${ENTITY_KINDS.join('|')})/${SLUG_PATTERN.source.slice(1, -1)}$`),
    `Expected "<kind>/<id>" with kind ${ENTITY_KINDS.join(', ')}, e.g. "people/ilham-aliyev".`,
  );

/**
 * Fields every background entity (person, place, organization, term) has. The Markdown body of the entry's file
 * is its background text, in our own words; every fact in it is followed by a citation `[@source-id]`.
 */
export const entityFields = (ref: RefFactory) => ({
  /** The name used on this site: the correct form, in the most common English spelling. */
  name: z.string().min(1),
  /** Other names and spellings, each with its language and who uses it (including names no article uses). Default: none. */
  alternateNames: z.array(alternateName).default([]),
  /**
   * The exact strings (case-sensitive) that refer to this entry in English article text: the name, a surname
   * alone, transliterations and misspellings seen in the sources. A possessive ('s or ’s) is matched
   * automatically. These are match patterns, kept apart from alternateNames. A form two entries share must be
   * settled in content/link-rules.yaml.
   */
  forms: z.array(z.string().min(2)).min(1, 'List at least one form to find in article text (usually the name itself).'),
  /** One line (at most 140 characters) for link previews and index pages. */
  short: z.string().min(10).max(140),
  /** One or two sentences of our own on who or what this is. */
  description: z.string().min(20),
  /** Related entries, as "<kind>/<id>". Default: none. */
  related: z.array(entityRefString).default([]),
  /** Every source the page's facts come from (ids in content/sources.yaml). */
  sources: sourceList(ref),
});

/** Whose voice a person or body is, for the "voices" chart: which side they speak for, if any. */
export const voiceSide = z.enum([
  'azerbaijani-official',
  'armenian-official',
  'karabakh-armenian-official',
  'third-party',
  'analyst',
]);
