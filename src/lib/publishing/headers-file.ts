/**
 * The `_headers` file static hosts (Netlify, Cloudflare Pages and others) read: a path pattern on its own line,
 * then its headers indented below it. `*` in a pattern matches any run of characters. Where several rules match a
 * path, their headers all apply (a header named twice is joined with ", "), so a rule for one page must never
 * repeat a header a wider rule sets: two policies would both be enforced.
 */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

/** Reads a _headers file; errors name the line. */
export function parseHeadersFile(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const current = rules.at(-1);
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(line);
    if (!current || !m) {
      throw new Error(`${file}:${i + 1}: expected "  Header-Name: value" indented under a path line, got "${line.trim()}".`);
    }
    const [, name = '', value = ''] = m;
    current.headers.push([name, value]);
  });
  return rules;
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  return rules.map((rule) => [rule.path, ...rule.headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n')).join('\n\n') + '\n';
}

function patternMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(path);
}

/** The headers a path gets: every matching rule's, a repeated name joined with ", " (as Cloudflare Pages does). */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}
