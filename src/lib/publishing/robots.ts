import { url } from '../urls.ts';
import { absoluteUrl } from './site-url.ts';

/** Allows everything except the 404 page, and names the sitemap index by its absolute address. */
export function robotsTxt(site: string | URL, base: string): string {
  return ['User-agent: *', `Disallow: ${url('/404.html', base)}`, '', `Sitemap: ${absoluteUrl(url('/sitemap-index.xml', base), site)}`, ''].join('\n');
}
