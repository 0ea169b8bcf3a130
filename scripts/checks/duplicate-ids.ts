/** No id may be used twice on a page: a permalink to it would be ambiguous. */
import type { Check } from './check.ts';

export const duplicateIds: Check = {
  name: 'unique ids',
  run: (index) =>
    index.pages.flatMap((page) => {
      const seen = new Set<string>();
      const reported = new Set<string>();
      return page.ids.flatMap((id) => {
        if (!seen.has(id)) {
          seen.add(id);
          return [];
        }
        if (reported.has(id)) return [];
        reported.add(id);
        return [`${page.file}: the id "${id}" is used more than once on the page.`];
      });
    }),
};
