/**
 * What the <head> of a page says about it, worked out from its address alone, so every page gets it through
 * Base.astro without passing anything: the breadcrumb trail, the share image, and the JSON-LD node for an
 * article or a background entry, read from its collection.
 */
import { getEntry } from 'astro:content';
import { url } from '../urls.ts';
import { absoluteUrl } from './site-url.ts';
import { crumbsFor } from './routes.ts';
import { breadcrumbList, definedTerm, newsArticle, organization, person, place, type Thing } from './structured-data.ts';
import { shareImageRoute } from './share-image-routes.ts';

export interface PageContext {
  routePath: string;
  title: string;
  site: string | URL;
  base: string;
}

/** The JSON-LD nodes of a page: its main entity when it is an article or background page, and its breadcrumbs. */
export async function structuredDataFor(ctx: PageContext): Promise<Thing[]> {
  const { routePath, site, base } = ctx;
  const abs = (path: string) => absoluteUrl(url(path, base), site);
  const page = abs(routePath);
  const image = abs(shareImageRoute(routePath));
  const nodes: Thing[] = [];
  const [section, id, extra] = routePath.split('/').filter(Boolean);
  if (section !== undefined && id !== undefined && extra === undefined) {
    const main = await mainEntity(section, id, page, image, site, base);
    if (main) nodes.push(main);
  }
  nodes.push(breadcrumbList(crumbsFor(routePath, ctx.title, site, base)));
  return nodes;
}

async function mainEntity(section: string, id: string, page: string, image: string, site: string | URL, base: string): Promise<Thing | undefined> {
  switch (section) {
    case 'articles': {
      const article = await getEntry('articles', id);
      if (!article) return undefined;
      const d = article.data;
      const outlet = await getEntry('outlets', d.publisher.id);
      if (!outlet) throw new Error(`${article.filePath}: field "publisher": no outlet "${d.publisher.id}" in content/outlets/.`);
      const basedOn = await Promise.all(
        d.basedOn.map(async ({ id: sourceId }) => {
          const source = await getEntry('sources', sourceId);
          if (!source) throw new Error(`${article.filePath}: field "basedOn": no source "${sourceId}" in content/sources.yaml.`);
          return { name: source.data.title, url: source.data.url, publisher: source.data.publisher, date: source.data.date };
        }),
      );
      return newsArticle({
        page,
        headline: d.title,
        description: d.summary,
        language: d.language,
        datePublished: d.published,
        originalUrl: d.url,
        publisher: { name: outlet.data.name, url: outlet.data.website },
        basedOn,
        image,
        reviewed: d.reviewed,
      });
    }
    case 'people': {
      const entry = await getEntry('people', id);
      return entry && person({ page, image, name: entry.data.name, description: entry.data.short, alternateNames: entry.data.alternateNames, jobTitle: entry.data.role });
    }
    case 'places': {
      const entry = await getEntry('places', id);
      return (
        entry &&
        place({
          page,
          image,
          name: entry.data.name,
          description: entry.data.short,
          alternateNames: entry.data.alternateNames,
          latitude: entry.data.coordinates.lat,
          longitude: entry.data.coordinates.lon,
        })
      );
    }
    case 'organizations': {
      const entry = await getEntry('organizations', id);
      return entry && organization({ page, image, name: entry.data.name, description: entry.data.short, alternateNames: entry.data.alternateNames });
    }
    case 'glossary': {
      const entry = await getEntry('glossary', id);
      return (
        entry &&
        definedTerm({
          page,
          image,
          name: entry.data.name,
          description: entry.data.short,
          alternateNames: entry.data.alternateNames,
          termSet: { name: 'Glossary · Karabakh in the news', url: absoluteUrl(url('/glossary/', base), site) },
        })
      );
    }
    default:
      return undefined;
  }
}
