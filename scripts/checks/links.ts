/**
 * Every internal link resolves to a page of the build, and every #fragment to an id on it. A text fragment
 * (`#id:~:text=…`) must name an existing id too: the passage id is what lands the reader when the text is gone.
 */
import { splitFragment } from '../../src/lib/text-fragment.ts';
import type { Check } from './check.ts';

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

export const links: Check = {
  name: 'links and fragments',
  run: (index) => {
    const problems: string[] = [];
    const idSets = new Map<string, Set<string>>();
    const idsOf = (url: string): Set<string> | undefined => {
      let ids = idSets.get(url);
      if (!ids) {
        const page = index.pageAt(url);
        if (!page) return undefined;
        ids = new Set(page.ids);
        idSets.set(url, ids);
      }
      return ids;
    };
    for (const page of index.pages) {
      const pageUrl = new URL(page.url, 'http://site.invalid');
      for (const href of page.links) {
        if (EXTERNAL.test(href)) continue;
        const target = new URL(href, pageUrl);
        if (!index.serves(target.pathname)) {
          const hint = target.pathname.startsWith(index.base) ? '' : `; links must start with the base ${index.base}`;
          problems.push(`${page.file}: broken link ${href} (no page at ${target.pathname}${hint}).`);
          continue;
        }
        if (target.hash.length <= 1) continue;
        const { id } = splitFragment(target.hash);
        const ids = idsOf(target.pathname);
        if (id && ids && !ids.has(id)) problems.push(`${page.file}: link ${href} names #${id}, which is not on ${target.pathname}.`);
      }
    }
    return problems;
  },
};

/** How many internal links and fragments were followed, for the summary. */
export function countLinks(pages: readonly { links: string[] }[]): { links: number; fragments: number } {
  let linkCount = 0;
  let fragments = 0;
  for (const page of pages) {
    for (const href of page.links) {
      if (EXTERNAL.test(href)) continue;
      linkCount += 1;
      if (/#./.test(href)) fragments += 1;
    }
  }
  return { links: linkCount, fragments };
}
