/** Internal links, prefixed with the site's base path so the site works under a sub-path too. */
export function url(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

export const articleUrl = (slug: string, base?: string): string => url(`/articles/${slug}/`, base);
