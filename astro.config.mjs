// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { rehypePlugins, remarkPlugins } from './src/plugins/index.ts';

// SITE_BASE lets the same site be built for a sub-path (e.g. SITE_BASE=/karabakh/ for example.org/karabakh/).
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  base,
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
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
  integrations: [contentCheck(), mdx({ optimize: false })],
  // No request may leave the site's origin: keep fonts and images local, and send nothing anywhere.
  devToolbar: { enabled: false },
});
