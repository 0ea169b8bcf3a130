/**
 * A retired passage id, mapped in the article's ledger, keeps landing on its successor. The build puts an empty
 * anchor with the old id inside the new passage (rehype-passage-anchors; unit-tested with the ledger). No
 * published article has a retired id yet, so the page is served here with one such anchor added, exactly as
 * the plugin writes it.
 */
import { deepPassage, expect, isOnScreen, test } from './fixtures.ts';

const OLD = 'an-old-opening-of-this-passage';

test.beforeEach(async ({ page }) => {
  const { slug, index } = deepPassage();
  await page.route(`**/articles/${slug}/`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    let seen = -1;
    const withAnchor = html.replace(/<div class="passage"([^>]*)>/g, (tag) => {
      seen += 1;
      return seen === index ? `${tag}<span class="passage-old-id" id="${OLD}"></span>` : tag;
    });
    await route.fulfill({ response, body: withAnchor });
  });
});

test('an old id lands on the new passage and marks it', async ({ page }) => {
  const { slug, index } = deepPassage();
  await page.goto(`/articles/${slug}/#${OLD}`);
  const passage = page.locator('.passage').nth(index);
  await expect(passage).toHaveClass(/is-target/);
  expect(await isOnScreen(page, `#${OLD}`)).toBe(true);
});

test('an old id with a text fragment lands on the new passage, found text or not', async ({ page }) => {
  const { slug, index, text } = deepPassage();
  const passage = page.locator('.passage').nth(index);
  await page.goto(`/articles/${slug}/#${OLD}:~:text=${encodeURIComponent(text.split(' ').slice(2, 7).join(' '))}`);
  await expect(passage).toHaveClass(/is-target/);
  await page.goto('about:blank');
  await page.goto(`/articles/${slug}/#${OLD}:~:text=${encodeURIComponent('words that are not in the article')}`);
  await expect(passage).toHaveClass(/is-target/);
  await expect.poll(() => isOnScreen(page, '.passage.is-target')).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an old id still scrolls to the new passage', async ({ page }) => {
    const { slug, index } = deepPassage();
    await page.goto(`/articles/${slug}/#${OLD}`);
    const id = await page.locator('.passage').nth(index).getAttribute('id');
    expect(await isOnScreen(page, `[id="${id}"]`)).toBe(true);
  });
});
