/**
 * Shared fixtures: every test fails if the page logs a console error, throws, or requests anything from
 * another origin (such requests are also blocked, so a leak cannot slip through on a slow network).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { articleSlugs, readArticleSource } from '../../src/lib/import/article-source.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const slugs = articleSlugs(root);
export const sourceOf = (slug: string) => readArticleSource(root, slug);

export const test = base.extend<{ guard: { foreign: string[]; errors: string[] } }>({
  guard: [
    async ({ context, page }, use) => {
      const foreign: string[] = [];
      const errors: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        foreign.push(url.href);
        return route.abort();
      });
      page.on('console', (message) => {
        // A 404 page served with status 404 is expected to log its own status; nothing else may log an error.
        const expected404 = /status of 404/.test(message.text()) && message.location().url.includes('/no-such-page/');
        if (message.type() === 'error' && !expected404) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use({ foreign, errors });
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** True when some part of the element is inside the viewport. */
export async function isOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

/** A passage far enough down its page that arriving at it must scroll. */
export function deepPassage(slug = 'playing-with-the-fire') {
  const source = sourceOf(slug);
  const index = source.cleaned.paragraphs.length - 2;
  return { slug, index, text: source.cleaned.paragraphs[index]?.text ?? '' };
}
