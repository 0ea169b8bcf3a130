/** robots.txt: everything may be crawled; the sitemap's absolute address (under the base, when there is one). */
import type { APIContext } from 'astro';
import { robotsTxt } from '../lib/publishing/robots.ts';

export function GET(context: APIContext): Response {
  if (!context.site) throw new Error('robots.txt: the site address is not set (astro.config.mjs sets it from SITE_URL).');
  return new Response(robotsTxt(context.site, import.meta.env.BASE_URL), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
