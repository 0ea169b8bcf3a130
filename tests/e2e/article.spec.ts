import { expect, slugs, sourceOf, test } from './fixtures.ts';

for (const slug of slugs) {
  test(`${slug}: shows every paragraph verbatim and none of the site chrome`, async ({ page }) => {
    const source = sourceOf(slug);
    await page.goto(`/articles/${slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(source.title);
    const shown = await page.locator('.passage > p').evaluateAll((ps) => ps.map((p) => p.textContent));
    expect(shown).toEqual(source.cleaned.paragraphs.map((p) => p.text));
    const ids = await page.locator('.passage').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const line of source.cleaned.removed) {
      expect(shown, `chrome line ${line.line}`).not.toContain(line.text);
      if (line.text.length >= 12) expect(body, `chrome line ${line.line}`).not.toContain(line.text);
    }
    // Marked as the publisher's text, with our material labelled as ours.
    await expect(page.getByRole('heading', { name: /The publisher's text/ })).toBeVisible();
    await expect(page.getByText('Our summary', { exact: true })).toBeVisible();
    await expect(page.locator('.article-meta')).toContainText('Date printed');
  });
}

test('the printed date and the established date are both shown, with our reasoning', async ({ page }) => {
  await page.goto('/articles/four-armenian-soldiers-killed/');
  const meta = page.locator('.article-meta');
  await expect(meta).toContainText('September, Friday 20, 2024');
  await expect(meta).toContainText('about 13 February 2024');
  await expect(meta).toContainText('Our dating:');
});

test('the print stylesheet hides navigation and passage controls', async ({ page }) => {
  await page.goto(`/articles/${slugs[0]}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('.passage-link').first()).toBeHidden();
  await expect(page.locator('.passage > p').first()).toBeVisible();
});
