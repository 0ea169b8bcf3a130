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
    // The page outside our own notes (which may quote a removed line to explain it).
    const body = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      for (const ours of copy.querySelectorAll('aside, [data-editorial], .passage-notes')) ours.remove();
      return copy.textContent ?? '';
    });
    for (const line of source.cleaned.removed) {
      expect(shown, `chrome line ${line.line}`).not.toContain(line.text);
      if (line.text.length >= 12) expect(body, `chrome line ${line.line}`).not.toContain(line.text);
    }
    // Marked as the publisher's text, with our material labelled as ours.
    await expect(page.getByRole('heading', { name: /The publisher's text/ })).toBeVisible();
    // Our summary is in the "About this text" box, one tap away.
    await page.locator('details.about-text summary').click();
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

test('an article page needs one response to render: it fetches no stylesheet, and its scripts wait for the HTML', async ({ page }) => {
  const fetched: { type: string; url: string }[] = [];
  page.on('request', (request) => fetched.push({ type: request.resourceType(), url: request.url() }));
  await page.goto(`/articles/${slugs[0]}/`, { waitUntil: 'load' });
  expect(fetched.filter((r) => r.type === 'stylesheet')).toEqual([]);
  // Styled all the same: the inlined CSS is in force.
  expect(await page.locator('main').evaluate((main) => getComputedStyle(main).display)).not.toBe('inline');
  const classicInHead = await page.locator('head script[src]:not([type="module"]):not([async]):not([defer])').count();
  expect(classicInHead).toBe(0);
});
