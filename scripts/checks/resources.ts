/** Nothing is loaded from another origin (no CDNs, fonts, analytics, embeds), and everything loaded exists. */
import type { Check } from './check.ts';

export const resources: Check = {
  name: 'same-origin resources',
  run: (index) => {
    const problems: string[] = [];
    for (const page of index.pages) {
      const pageUrl = new URL(page.url, 'http://site.invalid');
      for (const r of page.resources) {
        // Canonical and alternate links name addresses; they load nothing.
        if (r.tag === 'link' && /\b(canonical|alternate)\b/.test(r.rel)) continue;
        const target = new URL(r.value, pageUrl);
        if (target.origin !== pageUrl.origin) {
          problems.push(`${page.file}: <${r.tag}> loads ${r.value} from another origin; keep every resource on the site.`);
        } else if (!index.serves(target.pathname)) {
          problems.push(`${page.file}: <${r.tag}> points to ${target.pathname}, which is not in the build.`);
        }
      }
    }
    for (const css of index.stylesheets) {
      if (/url\(\s*['"]?(https?:)?\/\//i.test(css.text) || /@import\s+(url\()?['"]?https?:/i.test(css.text)) {
        problems.push(`${css.file}: the stylesheet loads something from another origin.`);
      }
    }
    return problems;
  },
};
