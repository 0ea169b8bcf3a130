/**
 * The meta tags of a page's <head>: full title, description, canonical address, Open Graph and Twitter card.
 * A page without a title or description fails the build here, naming the page.
 */
import { url } from '../urls.ts';
import { absoluteUrl } from './site-url.ts';
import { shareImageRoute } from './share-image-routes.ts';

export const SITE_NAME = 'Karabakh in the news';
/** Pixel size of every share image (see share-image/render.ts for why this size). */
export const SHARE_IMAGE_SIZE = { width: 600, height: 315 } as const;

export interface MetaInput {
  title: string | undefined;
  description: string | undefined;
  routePath: string;
  site: string | URL;
  base: string;
  /** The home page shows the site name alone. */
  home?: boolean;
  /** Pages that must not be indexed or given a canonical address (the 404 page, which any address can show). */
  noindex?: boolean;
}

export interface HeadMeta {
  title: string;
  /** The page's title without the site name, for og:title. */
  pageTitle: string;
  description: string;
  canonical: string | undefined;
  ogType: 'article' | 'website';
  image: string;
  imageAlt: string;
  feed: string;
  sitemap: string;
  noindex: boolean;
}

export function headMeta(input: MetaInput): HeadMeta {
  const title = input.title?.trim() ?? '';
  const description = input.description?.trim() ?? '';
  if (title === '') throw new Error(`Page ${input.routePath}: the title is missing or empty; give the layout a title.`);
  if (description === '') {
    throw new Error(`Page ${input.routePath}: the description is missing or empty; give the layout a one-sentence description.`);
  }
  const abs = (path: string) => absoluteUrl(url(path, input.base), input.site);
  const noindex = input.noindex ?? false;
  const section = input.routePath.split('/').filter(Boolean)[0];
  return {
    title: input.home ? SITE_NAME : `${title} · ${SITE_NAME}`,
    pageTitle: title,
    description,
    canonical: noindex ? undefined : abs(input.routePath),
    ogType: section === 'articles' && input.routePath !== '/articles/' ? 'article' : 'website',
    image: abs(shareImageRoute(input.routePath)),
    imageAlt: `${title} — ${SITE_NAME}`,
    feed: url('/rss.xml', input.base),
    sitemap: url('/sitemap-index.xml', input.base),
    noindex,
  };
}
