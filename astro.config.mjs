// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { afterBuild } from './src/integrations/after-build.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { siteBase } from './src/lib/site-base.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { contentSecurityPolicy } from './src/lib/publishing/csp.ts';
import { resolveSiteUrl } from './src/lib/publishing/site-url.ts';
import { rehypePlugins, remarkPlugins } from './src/plugins/index.ts';

// SITE_BASE lets the same site be built for a sub-path (e.g. SITE_BASE=/karabakh/ for example.org/karabakh/).
const base = siteBase();

export default defineConfig({
  base,
  // Absolute addresses (canonical, Open Graph, feed, sitemap): SITE_URL, required when SITE_ENV=production.
  site: resolveSiteUrl(process.env),
  trailingSlash: 'always',
  // Stylesheets go inline: a page then renders from its first round trip, with no request for CSS before it
  // (the article pages' first screen fits in ~14.6 KB gzip; measured by npm run bench, scripts/bench/first-screen.ts).
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: {
    // The publisher's text must reach the page character for character: no smart quotes or dashes.
    processor: unified({
      smartypants: false,
      // Nor any GFM rewriting: bare addresses would turn into links the publisher did not write.
      gfm: false,
      remarkPlugins: [...remarkPlugins],
      rehypePlugins: [...rehypePlugins],
    }),
    syntaxHighlight: false,
  },
  integrations: [
    contentCheck(),
    // optimize: the static parts of each article compile to one HTML string instead of a JSX call per element,
    // so there is less JavaScript to generate, bundle and run (measured with npm run bench; the HTML is the same).
    mdx({ optimize: true }),
    // The 404 page is shown at any missing address and is no page of its own.
    sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
    // Each page's policy narrowed to its own inline code, and dist/_headers written from the pages: the last change
    // to the pages, so it comes before the hooks that read them.
    securityHeaders(),
    // Last: the search index, and the post-build check of dist/ (scripts/check-dist.ts) beside it, on the pages as
    // they are published.
    afterBuild(),
  ],
  // A strict Content-Security-Policy in every page's <meta> (and, by securityHeaders, in dist/_headers).
  security: { csp: contentSecurityPolicy },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro wraps every content entry in a module starting with "use astro:head-inject", and Rolldown warns
          // about that directive once per article (1,000 warnings at 1,000 articles) although nothing is wrong:
          // https://github.com/withastro/astro/issues/18087. Drop exactly that warning; all others still show.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // No request may leave the site's origin: keep fonts and images local, and send nothing anywhere.
  devToolbar: { enabled: false },
});
