/** Words the background pages show for codes in the data. */

const SIDE_LABEL: Record<string, string> = {
  'azerbaijani-official': 'Azerbaijani official',
  'armenian-official': 'Armenian official',
  'karabakh-armenian-official': 'Official of the Karabakh Armenian de facto authorities',
  'third-party': 'Third party',
  analyst: 'Analyst',
};

export const sideLabel = (side: string): string => SIDE_LABEL[side] ?? side;

const languages = new Intl.DisplayNames(['en'], { type: 'language' });

/** "hy" → "Armenian", "az-Latn" → "Azerbaijani (Latin)"; the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The A–Z heading a name files under: its first letter without accents (Azerbaijani Ə under E, as in the passage
 * ids), or "#" for digits and other scripts.
 */
export function indexLetter(name: string): string {
  const first = name.replace(/^[Əə]/, 'E').normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** "39.815° N, 46.752° E", with "(approximate)" unless the coordinates were checked against a source. */
export function formatCoordinates(c: { lat: number; lon: number; exact?: boolean }): string {
  const lat = `${Math.abs(c.lat).toFixed(3)}° ${c.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(c.lon).toFixed(3)}° ${c.lon >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}${c.exact ? '' : ' (approximate)'}`;
}

/** The short facts at the top of a background page, by kind: role and side, kind of place or body, category. */
export function entityFacts(kind: string, d: Record<string, unknown>): [string, string][] {
  const facts: [string, string][] = [];
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  const role = text('role');
  if (role) facts.push(['Role at the time of the articles', role]);
  const side = text('side');
  if (side) facts.push([kind === 'people' ? 'Speaks as' : 'Speaks for', sideLabel(side)]);
  const what = text('kind');
  if (what && kind === 'places') facts.push(['Kind of place', what]);
  if (what && kind === 'organizations') facts.push(['Kind of body', what]);
  const category = text('category');
  if (category) facts.push(['Kind of term', category]);
  const c = d['coordinates'] as { lat?: unknown; lon?: unknown; exact?: unknown } | undefined;
  if (c && typeof c.lat === 'number' && typeof c.lon === 'number') {
    facts.push(['Coordinates', formatCoordinates({ lat: c.lat, lon: c.lon, exact: c.exact === true })]);
  }
  return facts;
}
