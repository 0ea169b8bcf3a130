/**
 * Small schema pieces shared by the collections. Each takes a `ref` factory so the same definitions serve
 * Astro (where `ref` is `reference()`) and scripts/check-content.ts (where `ref` checks the id exists).
 */
import { z } from 'astro/zod';

export type CollectionName =
  | 'articles'
  | 'outlets'
  | 'people'
  | 'places'
  | 'organizations'
  | 'glossary'
  | 'sources'
  | 'events';

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

/** Fields every background entity (person, place, organization, term) has. */
export const entityFields = (ref: RefFactory) => ({
  /** The name used on this site: the most common English form. */
  name: z.string().min(1),
  /** Other names and spellings, each with its language and who uses it. Default: none. */
  alternateNames: z.array(alternateName).default([]),
  /** One or two sentences of our own on who or what this is. */
  description: z.string().min(20),
  /** Where the facts on the page come from. */
  sources: sourceList(ref),
});
