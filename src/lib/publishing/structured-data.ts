/**
 * Typed builders for the schema.org JSON-LD the site publishes, and its safe serialisation. Pure: pages hand in
 * plain data (see page-data.ts for where it comes from) and get back objects. tests/unit/lib/publishing tests
 * them; tests/e2e/publishing.spec.ts holds every built page's JSON-LD to the shapes in SHAPES below.
 */

export interface Thing {
  '@type': string;
  '@id'?: string;
  [key: string]: unknown;
}

export interface Crumb {
  name: string;
  /** Absolute address; omitted for the last crumb when the page has no canonical address (the 404 page). */
  item?: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): Thing {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      ...(crumb.item ? { item: crumb.item } : {}),
    })),
  };
}

export interface AlternateNameInput {
  name: string;
  latin?: string | undefined;
}

/** Every spelling a reader may search for: the name in its script and its Latin form, without repeats. */
function alternateNames(names: readonly AlternateNameInput[] | undefined, main: string): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  const all = names.flatMap((n) => (n.latin ? [n.name, n.latin] : [n.name])).filter((n) => n !== main);
  const unique = [...new Set(all)];
  return unique.length > 0 ? unique : undefined;
}

export interface NewsArticleInput {
  /** Our page's canonical address. */
  page: string;
  headline: string;
  /** Our summary. */
  description: string;
  language: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 allows the shorter forms). */
  datePublished: string;
  /** The original page's address, where known. */
  originalUrl?: string | undefined;
  publisher: { name: string; url: string };
  /** What the article rewrites, where we established it. */
  basedOn?: readonly { name: string; url: string; publisher: string; date?: string | undefined }[] | undefined;
  image: string;
  /** When we last reviewed our notes on it (YYYY-MM-DD). */
  reviewed?: string | undefined;
}

/**
 * The publisher's article, reproduced on our page: its headline, publisher, date and original address; our page
 * is the mainEntityOfPage, and what it rewrites is `isBasedOn`.
 */
export function newsArticle(input: NewsArticleInput): Thing {
  return {
    '@type': 'NewsArticle',
    '@id': `${input.page}#article`,
    headline: input.headline,
    description: input.description,
    inLanguage: input.language,
    datePublished: input.datePublished,
    ...(input.originalUrl ? { url: input.originalUrl } : {}),
    mainEntityOfPage: {
      '@type': 'WebPage',
      '@id': input.page,
      url: input.page,
      ...(input.reviewed ? { lastReviewed: input.reviewed } : {}),
    },
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: input.publisher.name,
      url: input.publisher.url,
    },
    image: input.image,
    isAccessibleForFree: true,
    ...(input.basedOn && input.basedOn.length > 0
      ? {
          isBasedOn: input.basedOn.map((source) => ({
            '@type': 'CreativeWork',
            name: source.name,
            url: source.url,
            publisher: { '@type': 'Organization', name: source.publisher },
            ...(source.date ? { datePublished: source.date } : {}),
          })),
        }
      : {}),
  };
}

export interface EntityInput {
  /** Our page's canonical address. */
  page: string;
  name: string;
  /** One line about it (the entry's `short`). */
  description: string;
  alternateNames?: readonly AlternateNameInput[] | undefined;
  image: string;
}

function entityBase(type: string, input: EntityInput): Thing {
  const alternateName = alternateNames(input.alternateNames, input.name);
  return {
    '@type': type,
    '@id': `${input.page}#entity`,
    name: input.name,
    description: input.description,
    url: input.page,
    image: input.image,
    ...(alternateName ? { alternateName } : {}),
  };
}

export function person(input: EntityInput & { jobTitle: string }): Thing {
  return { ...entityBase('Person', input), jobTitle: input.jobTitle };
}

export function place(input: EntityInput & { latitude: number; longitude: number }): Thing {
  return {
    ...entityBase('Place', input),
    geo: { '@type': 'GeoCoordinates', latitude: input.latitude, longitude: input.longitude },
  };
}

export function organization(input: EntityInput): Thing {
  return entityBase('Organization', input);
}

export function definedTerm(input: EntityInput & { termSet: { name: string; url: string } }): Thing {
  return {
    ...entityBase('DefinedTerm', input),
    inDefinedTermSet: { '@type': 'DefinedTermSet', name: input.termSet.name, url: input.termSet.url },
  };
}

/** The page's JSON-LD document: every node in one @graph. */
export function graph(nodes: readonly Thing[]): { '@context': string; '@graph': readonly Thing[] } {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/**
 * JSON for a <script type="application/ld+json"> element. `<` is escaped so no text can close the element or
 * open a comment; `>` and `&` for good measure; U+2028/2029 because older parsers treat them as line ends.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The shapes the site uses: for each @type, its required properties and what each must be. The dist test holds
 * every built page's JSON-LD to these, recursively through nested nodes.
 */
type Check = 'string' | 'url' | 'date' | 'number' | 'node' | 'nodes' | 'strings' | 'boolean';
export const SHAPES: Record<string, Record<string, Check>> = {
  BreadcrumbList: { itemListElement: 'nodes' },
  ListItem: { position: 'number', name: 'string' },
  NewsArticle: { headline: 'string', description: 'string', datePublished: 'date', inLanguage: 'string', publisher: 'node', mainEntityOfPage: 'node', image: 'url' },
  WebPage: { url: 'url' },
  NewsMediaOrganization: { name: 'string', url: 'url' },
  Organization: { name: 'string' },
  CreativeWork: { name: 'string', url: 'url', publisher: 'node' },
  Person: { name: 'string', description: 'string', url: 'url', jobTitle: 'string' },
  Place: { name: 'string', description: 'string', url: 'url', geo: 'node' },
  GeoCoordinates: { latitude: 'number', longitude: 'number' },
  DefinedTerm: { name: 'string', description: 'string', url: 'url', inDefinedTermSet: 'node' },
  DefinedTermSet: { name: 'string', url: 'url' },
};
/** Optional properties that, when present, must still have the right kind. */
export const OPTIONAL: Record<string, Check> = {
  alternateName: 'strings',
  url: 'url',
  item: 'url',
  image: 'url',
  isBasedOn: 'nodes',
  lastReviewed: 'date',
  isAccessibleForFree: 'boolean',
};

function checkValue(kind: Check, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value.trim() !== '';
    case 'url':
      return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'node':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Thing)['@type'] === 'string';
    case 'nodes':
      return Array.isArray(value) && value.length > 0 && value.every((v) => checkValue('node', v));
    case 'strings':
      return Array.isArray(value) && value.length > 0 && value.every((v) => checkValue('string', v));
  }
}

/** Problems with a JSON-LD node and everything nested in it, as "path: what is wrong" lines; [] when valid. */
export function validateNode(node: unknown, path = '$'): string[] {
  if (!checkValue('node', node)) return [`${path}: expected an object with an @type`];
  const thing = node as Thing;
  const shape = SHAPES[thing['@type']];
  if (!shape) return [`${path}: @type ${thing['@type']} is not one the site uses (${Object.keys(SHAPES).join(', ')})`];
  const problems: string[] = [];
  for (const [prop, kind] of Object.entries(shape)) {
    if (!checkValue(kind, thing[prop])) problems.push(`${path}.${prop}: expected ${kind} on ${thing['@type']}, got ${JSON.stringify(thing[prop])}`);
  }
  for (const [prop, kind] of Object.entries(OPTIONAL)) {
    if (prop in thing && !(prop in shape) && !checkValue(kind, thing[prop])) {
      problems.push(`${path}.${prop}: expected ${kind}, got ${JSON.stringify(thing[prop])}`);
    }
  }
  for (const [prop, value] of Object.entries(thing)) {
    if (prop.startsWith('@')) continue;
    const children = Array.isArray(value) ? value : [value];
    children.forEach((child, i) => {
      if (typeof child === 'object' && child !== null && '@type' in child) {
        problems.push(...validateNode(child, Array.isArray(value) ? `${path}.${prop}[${i}]` : `${path}.${prop}`));
      }
    });
  }
  return problems;
}
