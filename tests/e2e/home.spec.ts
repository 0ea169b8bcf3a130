import { expect, slugs, sourceOf, test } from './fixtures.ts';

test('home introduces the topic and lists the five articles in date order', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const items = page.getByTestId('article-list').locator('li');
  await expect(items).toHaveCount(5);
  const dates = await items.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates).toEqual([...dates].sort());
  const titles = await items.locator('h3 a').allTextContents();
  expect(new Set(titles)).toEqual(new Set(slugs.map((s) => sourceOf(s).title)));
  for (const item of await items.all()) {
    await expect(item.locator('.meta')).toContainText(/·\s+\S/); // date · outlet
    expect((await item.locator('p').last().textContent())?.length ?? 0).toBeGreaterThan(60); // our summary
  }
});

test('every article is reachable from the home page', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.getByTestId('article-list').locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.sort()).toEqual(slugs.map((s) => `/articles/${s}/`).sort());
  await page.getByTestId('article-list').locator('h3 a').first().click();
  await expect(page.locator('.passage').first()).toBeVisible();
});

test('pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/', '/articles/', '/about/', `/articles/${slugs[0]}/`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
