/**
 * The locator map, as geometry: Armenia and Azerbaijan (Nakhchivan included) with their neighbours, from Natural
 * Earth's 1:50m country boundaries (the world-atlas package, bundled: nothing is fetched), and every place as a
 * linked point. Labels are placed greedily, most-mentioned places first, in the first of four positions around
 * the point that collides with nothing already placed (labels, points, country names) and stays inside the
 * frame; a place whose label cannot be placed keeps its point and its row in the list beside the map.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50 from 'world-atlas/countries-50m.json' with { type: 'json' };
import countries110 from 'world-atlas/countries-110m.json' with { type: 'json' };
import land110 from 'world-atlas/land-110m.json' with { type: 'json' };
import { overlaps, round, textWidth, type Box } from './text.ts';
import { ChartDataError } from './timeline.ts';

/** ISO 3166-1 numeric codes of the countries drawn, and where their names are written (lon, lat). */
const COUNTRIES: Record<string, { name: string; focus: boolean; label: [number, number] }> = {
  '051': { name: 'Armenia', focus: true, label: [44.55, 40.72] },
  '031': { name: 'Azerbaijan', focus: true, label: [48.3, 40.75] },
  '268': { name: 'Georgia', focus: false, label: [43.95, 41.9] },
  '364': { name: 'Iran', focus: false, label: [47.6, 38.45] },
  '792': { name: 'Turkey', focus: false, label: [43.75, 39.6] },
  '643': { name: 'Russia', focus: false, label: [47.3, 42.0] },
};

/** The region drawn: longitude and latitude bounds. */
export const REGION = { west: 43.3, east: 50.7, south: 38.2, north: 42.1 } as const;

export interface MapPlaceInput {
  id: string;
  name: string;
  lat: number;
  lon: number;
  href: string;
}

export interface MapOptions {
  width?: number;
  fontSize?: number;
  /** Places whose point is drawn larger and whose label goes first. */
  highlight?: readonly string[];
  /** Draw the highlighted places only (the small map on a place page). */
  labelHighlightedOnly?: boolean;
}

export interface MapLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface MapGeometry {
  width: number;
  height: number;
  /**
   * "region": the map of the two countries and their neighbours; "wide": for places beyond it, the land between
   * them and the two countries (outlined), at a smaller scale.
   */
  view: 'region' | 'wide';
  countries: { id: string; name: string; focus: boolean; d: string }[];
  countryLabels: MapLabel[];
  places: { id: string; name: string; x: number; y: number; href: string; highlighted: boolean; label?: MapLabel }[];
  /** Places beyond the frame, listed rather than drawn. */
  outside: { id: string; name: string; href: string }[];
}

type Countries = FeatureCollection<Geometry, { name: string }>;
let cache: { region: Countries; wide: Countries } | undefined;

/** The drawn countries, converted from TopoJSON once per build. */
function loadCountries(): { region: Countries; wide: Countries } {
  if (!cache) {
    const t50 = countries50 as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const t110 = countries110 as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const land = land110 as unknown as Topology<{ land: GeometryCollection }>;
    const all50 = feature(t50, t50.objects.countries) as Countries;
    const all110 = feature(t110, t110.objects.countries) as Countries;
    const focus = all110.features.filter((f) => COUNTRIES[String(f.id)]?.focus === true);
    const landFeatures = (feature(land, land.objects.land) as FeatureCollection).features.map(
      (f): Feature<Geometry, { name: string }> => ({ ...f, id: 'land', properties: { name: 'Land' } }),
    );
    cache = {
      region: { type: 'FeatureCollection', features: all50.features.filter((f) => String(f.id) in COUNTRIES) },
      wide: { type: 'FeatureCollection', features: [...landFeatures, ...focus] },
    };
  }
  return cache;
}

const inRegion = (p: { lat: number; lon: number }) =>
  p.lon >= REGION.west && p.lon <= REGION.east && p.lat >= REGION.south && p.lat <= REGION.north;

function regionProjection(width: number, height: number): GeoProjection {
  const corners: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [REGION.west, REGION.south],
      [REGION.east, REGION.north],
    ],
  };
  return geoMercator()
    .fitExtent([[0, 0], [width, height]], corners)
    .clipExtent([[0, 0], [width, height]]);
}

/** Height that keeps the region's proportions at the given width (Mercator at these latitudes). */
export function regionHeight(width: number): number {
  const p = geoMercator().scale(1).translate([0, 0]);
  const [x0, y0] = p([REGION.west, REGION.north]) ?? [0, 0];
  const [x1, y1] = p([REGION.east, REGION.south]) ?? [1, 1];
  return Math.round((width * (y1 - y0)) / (x1 - x0));
}

/** The countries' outlines of the region view, by width (see locatorMap). */
const regionOutlines = new Map<number, MapGeometry['countries']>();

export function locatorMap(places: readonly MapPlaceInput[], options: MapOptions = {}): MapGeometry {
  const width = options.width ?? 640;
  const fontSize = options.fontSize ?? 13;
  const highlight = new Set(options.highlight ?? []);
  const focusPlaces = places.filter((p) => highlight.has(p.id));
  const view: MapGeometry['view'] = focusPlaces.length > 0 && focusPlaces.every((p) => !inRegion(p)) ? 'wide' : 'region';
  const { region, wide } = loadCountries();

  let height: number;
  let projection: GeoProjection;
  let drawn: Countries;
  if (view === 'region') {
    height = regionHeight(width);
    projection = regionProjection(width, height);
    drawn = region;
  } else {
    // Frame the highlighted places together with the region, so the reader sees where they lie from it.
    height = Math.round(width * 0.62);
    const frame: MultiPoint = {
      type: 'MultiPoint',
      coordinates: [[REGION.west, REGION.south], [REGION.east, REGION.north], ...focusPlaces.map((p) => [p.lon, p.lat])],
    };
    const pad = width * 0.08;
    projection = geoMercator()
      .fitExtent([[pad, pad], [width - pad, height - pad]], frame)
      .clipExtent([[0, 0], [width, height]]);
    drawn = wide;
  }
  const outline = () => {
    const path = geoPath(projection).digits(view === 'region' ? 1 : 0);
    return drawn.features.flatMap((f: Feature<Geometry, { name: string }>) => {
      const d = path(f);
      if (!d) return [];
      const known = COUNTRIES[String(f.id)];
      return [{ id: String(f.id), name: f.properties.name, focus: known?.focus ?? false, d }];
    });
  };
  // The region's outlines depend on the width alone: drawn once per width, not once per map (a place page has one).
  let countries: MapGeometry['countries'];
  if (view === 'region') {
    countries = regionOutlines.get(width) ?? outline();
    regionOutlines.set(width, countries);
  } else countries = outline();

  const obstacles: Box[] = [];
  const countryLabels: MapLabel[] = [];
  if (view === 'region') {
    for (const c of Object.values(COUNTRIES)) {
      const at = projection(c.label);
      if (!at) continue;
      const text = c.name.toUpperCase();
      const w = textWidth(text, fontSize * 0.85) * 1.15;
      // Kept inside the frame, whatever the width.
      const x = Math.min(Math.max(at[0], w / 2 + 2), width - w / 2 - 2);
      countryLabels.push({ text, x: round(x), y: round(at[1]), anchor: 'middle' });
      obstacles.push({ x: x - w / 2, y: at[1] - fontSize, width: w, height: fontSize * 1.2 });
    }
  }

  // The small map on a place page shows that place alone; the others are on the main map.
  const candidates = options.labelHighlightedOnly ? focusPlaces : places;
  const visible = view === 'region' ? candidates.filter(inRegion) : candidates;
  const outside = candidates.filter((p) => !visible.includes(p)).map(({ id, name, href }) => ({ id, name, href }));
  const projected = visible.flatMap((p) => {
    const at = projection([p.lon, p.lat]);
    return at ? [{ ...p, x: round(at[0]), y: round(at[1]), highlighted: highlight.has(p.id) }] : [];
  });
  const r = 4;
  for (const p of projected) obstacles.push({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });

  const order = [...projected].sort((a, b) => Number(b.highlighted) - Number(a.highlighted));
  const labels = new Map<string, MapLabel>();
  for (const p of order) {
    if (options.labelHighlightedOnly && !p.highlighted) continue;
    const size = p.highlighted ? fontSize * 1.05 : fontSize;
    const w = textWidth(p.name, size);
    const h = size * 1.2;
    const candidates: (MapLabel & { box: Box })[] = [
      { text: p.name, x: p.x + r + 3, y: p.y + size * 0.35, anchor: 'start', box: { x: p.x + r + 2, y: p.y - h / 2, width: w + 2, height: h } },
      { text: p.name, x: p.x - r - 3, y: p.y + size * 0.35, anchor: 'end', box: { x: p.x - r - 4 - w, y: p.y - h / 2, width: w + 2, height: h } },
      { text: p.name, x: p.x, y: p.y - r - 4, anchor: 'middle', box: { x: p.x - w / 2, y: p.y - r - 3 - h, width: w, height: h } },
      { text: p.name, x: p.x, y: p.y + r + size, anchor: 'middle', box: { x: p.x - w / 2, y: p.y + r + 1, width: w, height: h } },
    ];
    const own = { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r };
    const fit = candidates.find(
      (c) =>
        c.box.x >= 0 &&
        c.box.y >= 0 &&
        c.box.x + c.box.width <= width &&
        c.box.y + c.box.height <= height &&
        obstacles.every((o) => (o.x === own.x && o.y === own.y) || !overlaps(c.box, o, 1)),
    );
    if (!fit) continue;
    obstacles.push(fit.box);
    labels.set(p.id, { text: fit.text, x: round(fit.x), y: round(fit.y), anchor: fit.anchor });
  }

  if (projected.length === 0 && outside.length === 0) throw new ChartDataError('the map has no places to show.');
  return {
    width,
    height,
    view,
    countries,
    countryLabels,
    places: projected.map(({ id, name, x, y, href, highlighted }) => {
      const label = labels.get(id);
      return { id, name, x, y, href, highlighted, ...(label ? { label } : {}) };
    }),
    outside,
  };
}
