/**
 * The schemas of every collection. src/content.config.ts wires them to Astro's loaders; scripts/check-content.ts
 * uses them to report bad input with file, line and field before Astro runs.
 */
import { z } from 'astro/zod';
import { parsePrintedDate } from '../lib/dates.ts';
import { datePrecision, entityFields, partialDate, sourceList, type CollectionName, type RefFactory } from './common.ts';

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
      /** The people, places, organizations and terms the article mentions. Default: none. */
      mentions: z
        .object({
          people: z.array(ref('people')).default([]),
          places: z.array(ref('places')).default([]),
          organizations: z.array(ref('organizations')).default([]),
          glossary: z.array(ref('glossary')).default([]),
        })
        .prefault({}),
      /** Where the text came from, so checks can compare the page with it. */
      source: z.object({
        /** The raw text as imported, relative to the repository root (content/raw/<slug>.txt). */
        raw: z.string().regex(/^content\/raw\/[^/]+\.txt$/, 'Expected content/raw/<slug>.txt.'),
        /** The raw line holding the headline, when the import was told (--title-line). */
        titleLine: z.number().int().positive().optional(),
        /** Raw lines an editor marked as site chrome that no import rule recognises. Default: none. */
        chromeLines: z.array(z.number().int().positive()).default([]),
      }),
    })
    .superRefine((data, ctx) => {
      if (data.publishedReason) return;
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
  });

export const placeSchema = (ref: RefFactory) =>
  z.object({
    ...entityFields(ref),
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
  });

export const glossarySchema = (ref: RefFactory) => z.object({ ...entityFields(ref) });

export const sourceSchema = z.object({
  /** Short stable id cited elsewhere, e.g. "oc-media-2023-09-19". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lowercase letters, digits and hyphens.'),
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
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected lowercase letters, digits and hyphens.'),
    /** When it happened (start, for a span). */
    date: partialDate,
    /** Last day, for events that span several days. */
    endDate: partialDate.optional(),
    /** How exact `date` is. Default: day. */
    precision: datePrecision.default('day'),
    /** What happened, in neutral words of our own. */
    description: z.string().min(10),
    /** Where the facts come from. */
    sources: sourceList(ref),
  });

/** Every collection's schema by name, for code that handles all of them alike (scripts/check-content). */
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
