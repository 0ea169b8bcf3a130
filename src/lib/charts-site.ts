/**
 * The charts' data as pages read it: the collections and what the plugins recorded while rendering the articles
 * (src/lib/entities/site.ts renders each article once per build and caches it), turned into chart inputs by the
 * pure functions of src/lib/chart-data.ts.
 */
import { formatDate } from './dates.ts';
import { articlesInOrder } from './collections.ts';
import { mapPlaces, matrixInputs, voiceClaims, type ClaimNoteData } from './chart-data.ts';
import { allEntities, articleMentions, entitiesOfKind } from './entities/site.ts';
import { entityPath, type EntityRef } from './entities/types.ts';
import { articleUrl, url } from './urls.ts';
import type { MapPlaceInput } from '../charts/locator-map.ts';
import type { VoiceClaim, VoicesArticle } from '../charts/voices.ts';

const entityHref = (ref: string): string => url(entityPath(ref as EntityRef));

async function articleLabels(): Promise<Map<string, { column: string; label: string }>> {
  const articles = await articlesInOrder();
  const mentions = await articleMentions();
  const outlets = new Map(mentions.map((m) => [m.slug, m.outletName]));
  return new Map(
    articles.map((a, i) => [
      a.id,
      { column: String(i + 1), label: `${outlets.get(a.id) ?? a.id}, ${formatDate(a.data.published, a.data.publishedPrecision)}` },
    ]),
  );
}

export async function whoAppearsWhereData() {
  const entities = [...(await allEntities()).values()].map((e) => ({ ref: e.ref, kind: e.kind, name: e.entry.data.name }));
  const labels = await articleLabels();
  const articles = (await articleMentions()).map((a) => ({
    slug: a.slug,
    column: labels.get(a.slug)?.column ?? '?',
    label: labels.get(a.slug)?.label ?? a.slug,
    mentions: a.mentions.map((m) => ({ entity: m.ref, passage: m.passageId })),
  }));
  return matrixInputs(entities, articles, { entity: entityHref, passage: (slug, passage) => `${articleUrl(slug)}#${passage}` });
}

export async function voicesData(): Promise<{ articles: VoicesArticle[]; claims: VoiceClaim[] }> {
  const labels = await articleLabels();
  const mentions = await articleMentions();
  const notes: ClaimNoteData[] = mentions.flatMap((a) =>
    (a.notes ?? []).filter((n) => n.kind === 'claim').map((n) => ({ article: a.slug, note: n.id, by: n.by })),
  );
  const speakers = new Map(
    [...(await allEntities()).values()].map((e) => [
      e.ref as string,
      { name: e.entry.data.name, side: 'side' in e.entry.data ? (e.entry.data.side as string | undefined) : undefined, file: e.entry.filePath ?? e.ref },
    ]),
  );
  return {
    articles: mentions.map((a) => ({ slug: a.slug, label: labels.get(a.slug)?.label ?? a.slug, href: articleUrl(a.slug) })),
    claims: voiceClaims(notes, speakers),
  };
}

export async function mapData(): Promise<MapPlaceInput[]> {
  const places = (await entitiesOfKind('places')).map((e) => {
    const c = (e.entry.data as { coordinates: { lat: number; lon: number } }).coordinates;
    return { ref: e.ref as string, name: e.entry.data.name, lat: c.lat, lon: c.lon };
  });
  const counts = new Map<string, number>();
  for (const a of await articleMentions()) for (const m of a.mentions) counts.set(m.ref, (counts.get(m.ref) ?? 0) + 1);
  return mapPlaces(places, (ref) => counts.get(ref) ?? 0, entityHref);
}
