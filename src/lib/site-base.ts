/**
 * The base path the site is built for: SITE_BASE (e.g. /karabakh/ for example.org/karabakh/), else "/".
 * astro.config.mjs and the Markdown plugins (which run outside Vite, where import.meta.env.BASE_URL is not set)
 * both read it here.
 */
export function siteBase(env: Record<string, string | undefined> = process.env): string {
  return env['SITE_BASE'] ?? '/';
}
