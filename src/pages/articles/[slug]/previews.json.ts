/**
 * /articles/<slug>/previews.json: the preview cards' data for the entries linked on one article page (see
 * src/lib/entities/previews.ts). A separate small file rather than an island in the page, so the page's
 * render-blocking bytes stay within budget; src/client/entity-previews.ts fetches it on the first hover, focus or
 * tap of a mention.
 */
import type { APIRoute } from 'astro';
import { previewIsland } from '../../../lib/entities/previews.ts';
import { allEntities, articleMentions } from '../../../lib/entities/site.ts';

export async function getStaticPaths() {
  return (await articleMentions()).map((article) => ({ params: { slug: article.slug }, props: { mentions: article.mentions } }));
}

export const GET: APIRoute = async ({ props }) => {
  const entities = await allEntities();
  const island = previewIsland((props as { mentions: Parameters<typeof previewIsland>[0] }).mentions, (ref) => entities.get(ref)?.entry.data);
  return new Response(JSON.stringify(island), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
