/** The RSS feed of the articles (linked from every page's <head>). */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articlesInOrder, outletOf } from '../lib/collections.ts';
import { SITE_NAME } from '../lib/publishing/meta.ts';
import { feedItems } from '../lib/publishing/feed.ts';

export async function GET(context: APIContext): Promise<Response> {
  const articles = await articlesInOrder();
  const withOutlets = await Promise.all(
    articles.map(async (a) => ({
      slug: a.id,
      title: a.data.title,
      summary: a.data.summary,
      published: a.data.published,
      outlet: (await outletOf(a)).data.name,
    })),
  );
  if (!context.site) throw new Error('rss.xml: the site address is not set (astro.config.mjs sets it from SITE_URL).');
  return rss({
    title: `${SITE_NAME}: articles`,
    description: 'News articles on the 2023–2024 Armenia–Azerbaijan conflict over Nagorno-Karabakh, reproduced verbatim with our notes.',
    // The channel's own link is the site's home, under the base; item links already carry the base.
    site: new URL(import.meta.env.BASE_URL, context.site).href,
    items: feedItems(withOutlets, import.meta.env.BASE_URL),
    customData: '<language>en</language>',
    trailingSlash: true,
  });
}
