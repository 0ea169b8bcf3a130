/** Page addresses as the <head> needs them: the route without the base, and its breadcrumb trail. */
import { url } from '../urls.ts';
import { absoluteUrl } from './site-url.ts';
import type { Crumb } from './structured-data.ts';

/** Names of the sections whose index pages head a breadcrumb trail. */
export const SECTION_NAMES: Record<string, string> = {
  articles: 'Articles',
  people: 'People',
  places: 'Places',
  organizations: 'Organizations',
  glossary: 'Glossary',
};

/** The page's path without the base, always with leading and trailing slash ("/articles/x/"). */
export function routePathOf(pathname: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  const trimmed = rest.replace(/(index\.html|\.html)$/, '').replace(/\/+$/, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Home › Section › Page, with absolute addresses; `title` names the last crumb. */
export function crumbsFor(routePath: string, title: string, site: string | URL, base: string): Crumb[] {
  const abs = (path: string) => absoluteUrl(url(path, base), site);
  const home: Crumb = { name: 'Home', item: abs('/') };
  if (routePath === '/') return [home];
  const segments = routePath.split('/').filter(Boolean);
  const crumbs: Crumb[] = [home];
  const section = segments[0];
  if (segments.length > 1 && section !== undefined && SECTION_NAMES[section]) {
    crumbs.push({ name: SECTION_NAMES[section], item: abs(`/${section}/`) });
  }
  crumbs.push({ name: title, item: abs(routePath) });
  return crumbs;
}

