/** Where a page's share image lives: one per article and background page, one for the site for every other page. */
export const SHARE_IMAGE_SECTIONS = ['articles', 'people', 'places', 'organizations', 'glossary'] as const;
export type ShareImageSection = (typeof SHARE_IMAGE_SECTIONS)[number];

/** The image for the whole site, used by pages without their own. */
export const SITE_IMAGE = '/og/site.png';

export function isShareImageSection(value: string): value is ShareImageSection {
  return (SHARE_IMAGE_SECTIONS as readonly string[]).includes(value);
}

/** The route (without base) of the share image for a page route such as "/articles/x/". */
export function shareImageRoute(routePath: string): string {
  const [section, id, extra] = routePath.split('/').filter(Boolean);
  if (section !== undefined && id !== undefined && extra === undefined && isShareImageSection(section)) {
    return `/og/${section}/${id}.png`;
  }
  return SITE_IMAGE;
}
