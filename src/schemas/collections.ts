/**
 * The schemas of every collection. src/content.config.ts wires them to Astro's loaders; src/lib/content-check.ts
 * uses them to report bad input with file, line and field before Astro runs.
 */
import { z } from 'astro/zod';
import { parsePrintedDate } from '../lib/dates.ts';
import { SLUG_PATTERN } from '../lib/content-paths.ts';
import { datePrecision, entityFields, isValidPartialDate, slugId, partialDate, sourceList, voiceSide, type CollectionName, type RefFactory } from './common.ts';

export const articleSchema = (ref: RefFactory) =>
  z
    .object({
      /** The headline as the publisher printed it (or, where it could not be found, ours — see titleSource). */
      title: z.string().min(5),
      /**
       * Where the title comes from: "page" = printed on the page (in the raw text); "address" = the words of the
       * original page's address, the raw copy having no headline; "editor" = ours, the publisher's not being found.
       * Default: page.
       */
      titleSource: z.enum(['page', 'address', 'editor']).default('page'),
      /** Who published the article: an id in content/outlets/. */
      publisher: ref('outlets'),
      /** Address of the original page, where known. */
      url: z.url().optional(),
      /** The date exactly as printed on the page; omitted when none is printed. */
      printedDate: z.string().min(4).optional(),
      /** The date we establish the article was published (YYYY-MM-DD, or YYYY-MM when only the month is known). */
      published: partialDate,
      /** How exact `published` is. Default: day. */
      publishedPrecision: datePrecision.default('day'),
      /** Why we date it so: required when no date is printed or the printed one is not the publication date. */
      publishedReason: z.string().min(10).optional(),
      /** Language of the publisher's text (BCP 47). Default: en. */
      language: z.string().default('en'),
      /** Two or three sentences of our own: what the article says and from whose point of view. */
      summary: z.string().min(40),
      /** What our summary rests on: ids in content/sources.yaml (at least one). */
      summarySources: sourceList(ref),
      /** What our dating (`published`, `publishedReason`) rests on: ids in content/sources.yaml (at least one). */
      publishedSources: sourceList(ref),
      /**
       * What the article rewrites or closely paraphrases, where we established it: ids in content/sources.yaml.
       * Published as the article's `isBasedOn` in its structured data. Default: none.
       */
      basedOn: z.array(ref('sources')).default([]),
      /** When we last reviewed our notes and summary against the sources (YYYY-MM-DD); shown on the page. */
      reviewed: partialDate.refine((v) => v.length === 10, 'Expected a full date, YYYY-MM-DD, e.g. 2026-11-23.').optional(),
      /**
       * Where the text came from. What became of each raw line (and the editor's decisions about them) is kept
       * in the import record, content/records/<slug>.yaml, which the post-build check compares the page with.
       */
      source: z.object({
        /** The raw text as imported, relative to the repository root (content/raw/<slug>.txt). */
        raw: z.string().regex(/^content\/raw\/[^/]+\.txt$/, 'Expected content/raw/<slug>.txt.'),
      }),
    })
    .superRefine((data, ctx) => {
      // Compared only once both dates are valid: an invalid one has its own error, and this would only repeat it.
      if (data.publishedReason || !isValidPartialDate(String(data.published)) || /\bTODO\b/.test(String(data.published))) return;
      const printed = data.printedDate === undefined ? undefined : parsePrintedDate(data.printedDate);
      if (printed !== data.published || data.publishedPrecision !== 'day') {
        ctx.addIssue({
          code: 'custom',
          path: ['publishedReason'],
          message:
            data.printedDate === undefined
              ? 'No date is printed on the page: say in a sentence how the publication date was established.'
              : `The printed date ("${data.printedDate}") is not the publication date given (${data.published}): say in a sentence why.`,
        });
      }
    });

export const outletSchema = (ref: RefFactory) =>
  z.object({
    /** The outlet's name as it styles itself. */
    name: z.string().min(2),
    /** Country where it is based. */
    country: z.string().min(2),
    /** What kind of outlet it is (news agency, analysis site, aggregator…), in a few words. */
    kind: z.string().min(3),
    /** Its stance or alignment, attributed to whoever describes it so. */
    stance: z.string().min(10),
    /** Home page. */
    website: z.url(),
    /** Where the description comes from. */
    sources: sourceList(ref),
  });

export const personSchema = (ref: RefFactory) =>
  z.object({
    ...entityFields(ref),
    /** Role at the time of the articles, e.g. "President of Azerbaijan (since 2003)". */
    role: z.string().min(3),
    /**
     * Whose voice they are: an official of Azerbaijan, of Armenia or of the Karabakh Armenian de facto
     * authorities, a third party (foreign officials, international bodies), or an analyst.
     */
    side: voiceSide,
  });

export const placeSchema = (ref: RefFactory) =>
  z.object({
    ...entityFields(ref),
    /** What sort of place: country, region, district, city, town, village, corridor, road, checkpoint, border area… */
    kind: z.string().min(3),
    /** Latitude and longitude in decimal degrees (WGS 84), approximate unless `exact` is true. */
    coordinates: z.object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      /** True when checked against a cited source; false for gazetteer values. Default: false. */
      exact: z.boolean().default(false),
    }),
  });

export const organizationSchema = (ref: RefFactory) =>
  z.object({
    ...entityFields(ref),
    /** What kind of body it is (military force, parliament, agency…). */
    kind: z.string().min(3),
    /** Whose voice it is when the articles report its statements (see people's `side`); omit for bodies that do not speak in them. */
    side: voiceSide.optional(),
  });

export const glossarySchema = (ref: RefFactory) =>
  z.object({
    ...entityFields(ref),
    /** What sort of term: military, legal, diplomatic, political, humanitarian or geographic. */
    category: z.enum(['military', 'legal', 'diplomatic', 'political', 'humanitarian', 'geographic']),
  });

export const sourceSchema = z.object({
  /** Short stable id cited elsewhere, e.g. "oc-media-2023-09-19". */
  id: slugId,
  /** Title of the page or document. */
  title: z.string().min(3),
  /** Who published it; for a copy, the original publisher and the site that carries the copy. */
  publisher: z.string().min(2),
  /** Where it can be read. */
  url: z.url(),
  /** Publication date, where known. */
  date: partialDate.optional(),
  /** Whose side it speaks for when that matters ("Azerbaijani government"), or what to keep in mind. */
  note: z.string().optional(),
});

export const eventSchema = (ref: RefFactory) =>
  z.object({
    /** Stable id, e.g. "2023-09-19-offensive". */
    id: slugId,
    /** When it happened (start, for a span). */
    date: partialDate,
    /** Last day, for events that span several days. */
    endDate: partialDate.optional(),
    /** How exact `date` is. Default: day. */
    precision: datePrecision.default('day'),
    /** A short label for the timeline chart, in neutral words of our own (at most 60 characters). */
    title: z.string().min(5).max(60),
    /** What happened, in neutral words of our own. */
    description: z.string().min(10),
    /**
     * The article passages about this event, as "<article-slug>#<passage-id>"; the timeline links to them and the
     * build fails when one does not exist. Default: none.
     */
    passages: z
      .array(z.string().regex(new RegExp(`${SLUG_PATTERN.source.slice(0, -1)}#[^\\s#]+$`), 'Expected "<article-slug>#<passage-id>".'))
      .default([]),
    /** Where the facts come from. */
    sources: sourceList(ref),
  });

/** Every collection's schema by name, for code that handles all of them alike (src/lib/content-check.ts). */
export const schemaFactories: Record<CollectionName, (ref: RefFactory) => z.ZodType> = {
  articles: articleSchema,
  outlets: outletSchema,
  people: personSchema,
  places: placeSchema,
  organizations: organizationSchema,
  glossary: glossarySchema,
  sources: () => sourceSchema,
  events: eventSchema,
};
