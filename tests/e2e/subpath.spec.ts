import { SUBPATH_PORT } from '../../playwright.config.ts';
import { expect, test } from './fixtures.ts';

// The same site built with SITE_BASE=/karabakh/ and served under that sub-path (see playwright.config.ts).
const BASE = `http://127.0.0.1:${SUBPATH_PORT}/karabakh/`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the site works when served under a sub-path', async ({ page }) => {
  await page.goto(BASE);
  await expect(page.getByTestId('article-list').locator('li')).toHaveCount(5);
  await page.getByTestId('article-list').locator('h3 a').first().click();
  await expect(page).toHaveURL(/\/karabakh\/articles\/[a-z0-9-]+\/$/);
  // The passage links copy once the page's module scripts have run, which is by the load event; a click before
  // that only follows the link (the likely reason this test once timed out reading a stale clipboard on CI).
  await page.waitForLoadState('load');
  // The stylesheet loaded: passages are laid out as a grid.
  await expect(page.locator('.passage').first()).toHaveCSS('display', 'grid');
  const first = page.locator('.passage').first();
  await first.locator('.passage-link').click();
  // The copy is asynchronous: wait for it, or the clipboard may still hold an earlier test's link.
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${SUBPATH_PORT}/karabakh/articles/[a-z0-9-]+/#[^#]+$`));
  await page.getByRole('link', { name: 'About this site' }).click();
  await expect(page).toHaveURL(`${BASE}about/`);
});
