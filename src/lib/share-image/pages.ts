/**
 * The share images of the site: one per article and background entry, one for the site. Rendered all at once
 * on the first request of the build (render.ts draws them in sheets), then served one by one by
 * src/pages/og/[...image].png.ts.
 */
import { getCollection } from 'astro:content';
import { formatDate } from '../dates.ts';
import { outletOf } from '../collections.ts';
import { SITE_IMAGE, shareImageRoute } from '../publishing/share-image-routes.ts';
import type { ShareImageInput } from './layout.ts';
import { DEFAULT_CACHE_DIR, renderShareImages, type RenderReport } from './render.ts';

const GLOSSARY_CATEGORY: Record<string, string> = {
  military: 'Military term',
  legal: 'Legal term',
  diplomatic: 'Diplomatic term',
  political: 'Political term',
  humanitarian: 'Humanitarian term',
  geographic: 'Geographic term',
};

/** Every share image, keyed by its route without the base ("/og/articles/x.png"), with what it shows. */
export async function shareImageInputs(): Promise<Map<string, ShareImageInput>> {
  const inputs: ShareImageInput[] = [
    { page: '/', kind: 'Annotated news reports', detail: 'Armenia, Azerbaijan and Nagorno-Karabakh, 2023–2024', title: 'Five reports on Karabakh, read closely' },
  ];
  for (const a of await getCollection('articles')) {
    const outlet = await outletOf(a);
    inputs.push({ page: `/articles/${a.id}/`, kind: 'Article, annotated', detail: `${outlet.data.name} · ${formatDate(a.data.published, a.data.publishedPrecision)}`, title: a.data.title });
  }
  for (const e of await getCollection('people')) inputs.push({ page: `/people/${e.id}/`, kind: 'Person', detail: e.data.role, title: e.data.name });
  for (const e of await getCollection('places')) inputs.push({ page: `/places/${e.id}/`, kind: 'Place', detail: e.data.kind, title: e.data.name });
  for (const e of await getCollection('organizations')) inputs.push({ page: `/organizations/${e.id}/`, kind: 'Organization', detail: e.data.kind, title: e.data.name });
  for (const e of await getCollection('glossary')) {
    inputs.push({ page: `/glossary/${e.id}/`, kind: 'Glossary', detail: GLOSSARY_CATEGORY[e.data.category], title: e.data.name });
  }
  return new Map(inputs.map((input) => [input.page === '/' ? SITE_IMAGE : shareImageRoute(input.page), input]));
}

let rendering: Promise<{ byRoute: Map<string, Buffer>; report: RenderReport }> | undefined;

/** All images, rendered once per build (and taken from the cache where unchanged). */
export function renderedShareImages(): Promise<{ byRoute: Map<string, Buffer>; report: RenderReport }> {
  rendering ??= (async () => {
    const inputs = await shareImageInputs();
    const report = await renderShareImages([...inputs.values()], { cacheDir: DEFAULT_CACHE_DIR });
    const byRoute = new Map<string, Buffer>();
    for (const [route, input] of inputs) {
      const png = report.images.get(input.page);
      if (!png) throw new Error(`Share image for ${input.page} was not rendered.`);
      byRoute.set(route, png);
    }
    return { byRoute, report };
  })();
  return rendering;
}
