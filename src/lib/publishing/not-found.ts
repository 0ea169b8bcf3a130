/** The words of a missing address, as a search query: the last meaningful path segment, hyphens as spaces. */
export function queryFromMissingPath(pathname: string, base = '/'): string {
  let path = pathname;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (path.startsWith(prefix)) path = path.slice(prefix.length);
  const segments = path
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .map((s) => s.replace(/\.html?$/, '').replace(/[-_+]+/g, ' ').trim())
    .filter((s) => s !== '' && s !== 'index');
  return (segments.at(-1) ?? '').slice(0, 80);
}
