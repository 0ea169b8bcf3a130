/**
 * The site's Content-Security-Policy. Astro writes it into every page as a <meta http-equiv>, adding the hashes
 * of the inline scripts and styles it emits itself; src/integrations/security-headers.ts repeats each page's
 * policy as a header in dist/_headers, plus frame-ancestors, which browsers ignore in a <meta>.
 *
 * Nothing foreign runs or loads: every fetch type is 'self'. Scripts: 'self' and Astro's hashes, plus
 * 'wasm-unsafe-eval', the one thing Pagefind needs (it compiles its WebAssembly search engine) — never
 * 'unsafe-inline' or 'unsafe-eval'. Styles: 'self' and hashes; style attributes are not allowed at all, so the
 * pages carry none (the charts size themselves with SVG attributes and CSS).
 */
import type { AstroUserConfig } from 'astro';
import { Parser } from 'htmlparser2';

export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
] as const;

export const contentSecurityPolicy: Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined> = {
  algorithm: 'SHA-256',
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

/** What only a header can say (a <meta> policy cannot forbid framing). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/**
 * The policy in a page's <meta http-equiv="content-security-policy">, or undefined when it has none. Only the
 * <head> is read, as a stream of tags (htmlparser2, with the page's inline <style> and <script> read as raw text
 * as a browser does): it is all that can hold the policy. Building a tree of each head, as this did, took 0.55 s
 * at 1,000 articles; the stream a tenth of that.
 */
export function metaPolicyOf(html: string): string | undefined {
  const end = html.search(/<\/head>/i);
  let policy: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (policy !== undefined || name !== 'meta' || attributes['http-equiv']?.toLowerCase() !== 'content-security-policy') return;
        policy = attributes['content'];
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(end === -1 ? html : html.slice(0, end));
  return policy;
}

/** The header form of a page's policy: the meta policy plus what only a header can carry. */
export function headerPolicy(metaPolicy: string): string {
  const directives = metaPolicy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  return [...directives, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

const SOURCE_HASH = /'sha(?:256|384|512)-[A-Za-z0-9+/=]+'/g;

/**
 * The inline scripts and styles of a page, by their text. Script and style are raw-text elements: their content
 * ends at the first `</script` or `</style`, which is what these patterns match, so they cannot be fooled by
 * markup-looking text inside. JSON data blocks (ld+json, application/json) are not scripts and need no hash.
 */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)]
    .filter(([, attrs = '']) => !/\bsrc=/i.test(attrs) && !/\btype=["']?application\/(?:ld\+)?json/i.test(attrs))
    .map(([, , text = '']) => text)
    .filter((text) => text !== '');
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style/gi)].map(([, text = '']) => text);
  return { scripts, styles };
}

/**
 * Fits a page's <meta> policy to the inline code that page has: the hashes of its own inline scripts and styles,
 * and no others. Astro lists every hash of the whole site on every page (some 20, ~1 KB of incompressible bytes per
 * page) and knows nothing of `is:inline` elements; a page needs only its own two or three. Every inline element
 * here was written by the build, so hashing it allows exactly what we published and nothing injected later.
 */
export function narrowPolicy(html: string, page: string, hash: (text: string) => string): { html: string; policy: string } {
  const policy = metaPolicyOf(html);
  if (policy === undefined) throw new Error(`${page}: the page has no Content-Security-Policy <meta>; it must be built through Base.astro.`);
  const { scripts, styles } = inlineCode(html);
  const need: Record<string, string[]> = { 'script-src': [...new Set(scripts.map(hash))], 'style-src': [...new Set(styles.map(hash))] };
  const narrowed = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((directive) => {
      const wanted = need[directive.split(/\s+/)[0] ?? ''];
      if (!wanted) return directive;
      return [directive.replace(SOURCE_HASH, '').replace(/\s+/g, ' ').trim(), ...wanted].join(' ');
    })
    .join('; ');
  const tag = /<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i;
  const escaped = narrowed.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return { html: html.replace(tag, `<meta http-equiv="content-security-policy" content="${escaped}">`), policy: narrowed };
}
