/** The share images (Open Graph / Twitter card) as PNG files: /og/site.png, /og/<section>/<id>.png. */
import type { APIContext, GetStaticPaths } from 'astro';
import { renderedShareImages, shareImageInputs } from '../../lib/share-image/pages.ts';

export const getStaticPaths = (async () => {
  const routes = [...(await shareImageInputs()).keys()];
  return routes.map((route) => ({ params: { image: route.replace(/^\/og\//, '').replace(/\.png$/, '') } }));
}) satisfies GetStaticPaths;

export async function GET({ params }: APIContext): Promise<Response> {
  const route = `/og/${params['image'] ?? ''}.png`;
  const { byRoute } = await renderedShareImages();
  const png = byRoute.get(route);
  if (!png) throw new Error(`No share image for ${route}.`);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
