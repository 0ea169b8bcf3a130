/**
 * Astro integration: after the build, fits each page's <meta> Content-Security-Policy to the hashes of the
 * inline code that page has (Astro lists the whole site's on every page, and not is:inline elements), then writes
 * dist/_headers — the static
 * headers of public/_headers, then for each page a rule giving its policy as a header (plus frame-ancestors, which
 * only a header can carry). `npm start` (scripts/serve-static.ts) serves them.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase, siteFiles, urlPathForFile } from '../lib/dist-paths.ts';
import { headerPolicy, narrowPolicy } from '../lib/publishing/csp.ts';
import { formatHeadersFile, parseHeadersFile, type HeaderRule } from '../lib/publishing/headers-file.ts';

/** The hash-source of some inline code, as CSP writes it. */
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Narrows every page's policy and returns the rules for dist/: the static base, a long cache life for the hashed
 * bundles in _astro/, then one CSP rule per page.
 * Throws naming a page without a policy.
 */
export function headerRules(dist: string, base: string): HeaderRule[] {
  const baseFile = join(dist, '_headers');
  const rules = existsSync(baseFile) ? parseHeadersFile(readFileSync(baseFile, 'utf8'), 'public/_headers') : [];
  for (const rule of rules) {
    if (rule.headers.some(([name]) => name.toLowerCase() === 'content-security-policy')) {
      throw new Error(`public/_headers: rule "${rule.path}" sets Content-Security-Policy; the build sets it per page, so remove it there.`);
    }
  }
  // Astro's bundled files carry a hash of their content in their names: a browser may keep them for good.
  rules.push({ path: `${normaliseBase(base)}_astro/*`, headers: [['Cache-Control', 'public, max-age=31536000, immutable']] });
  for (const file of siteFiles(dist, ['.html'])) {
    const original = readFileSync(file, 'utf8');
    const { html, policy } = narrowPolicy(original, file, sha256);
    if (html !== original) writeFileSync(file, html);
    // The 404 page is served at addresses that are not its own; its <meta> policy covers it.
    if (file === join(dist, '404.html')) continue;
    rules.push({ path: urlPathForFile(dist, file, normaliseBase(base)), headers: [['Content-Security-Policy', headerPolicy(policy)]] });
  }
  return rules;
}

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const rules = headerRules(dist, base);
        writeFileSync(join(dist, '_headers'), formatHeadersFile(rules));
        logger.info(`wrote _headers: ${rules.length} rules`);
      },
    },
  };
}
