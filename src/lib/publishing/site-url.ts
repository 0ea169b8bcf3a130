/**
 * The site's absolute address (SITE_URL), from which canonical addresses, Open Graph URLs, the feed, the
 * sitemap and robots.txt are made. A production build is one run with SITE_ENV=production (what
 * `npm run build:production` sets): it must be told where the site lives, since every absolute address would
 * otherwise point at localhost. Any other build falls back to the local preview address.
 */
export const LOCAL_SITE_URL = 'http://localhost:4321';

export interface SiteEnv {
  SITE_URL?: string | undefined;
  SITE_ENV?: string | undefined;
}

const EXPECTED = 'an absolute http(s) address with no query or fragment, e.g. https://example.org (the sub-path goes in SITE_BASE)';

/** The site's origin-plus-root address, without a trailing slash. Throws with the value and what is expected. */
export function resolveSiteUrl(env: SiteEnv): string {
  const raw = env.SITE_URL?.trim();
  const production = env.SITE_ENV === 'production';
  if (raw === undefined || raw === '') {
    if (production) {
      throw new Error(
        `SITE_URL is not set, and a production build (SITE_ENV=production) needs it for canonical addresses, share previews, the feed and the sitemap. Run e.g. SITE_URL=https://example.org npm run build:production.`,
      );
    }
    return LOCAL_SITE_URL;
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`SITE_URL="${raw}" is not a valid address: expected ${EXPECTED}.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`SITE_URL="${raw}" uses ${parsed.protocol}: expected ${EXPECTED}.`);
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new Error(`SITE_URL="${raw}" carries a query, fragment or credentials: expected ${EXPECTED}.`);
  }
  if (parsed.pathname !== '/') {
    throw new Error(`SITE_URL="${raw}" has a path (${parsed.pathname}): expected ${EXPECTED}.`);
  }
  return parsed.origin;
}

/** An absolute address for a path that already includes the base (as Astro.url.pathname and url() give). */
export function absoluteUrl(pathWithBase: string, site: string | URL): string {
  return new URL(pathWithBase, site).href;
}
