/**
 * Search, against the built site: passages found, landing marks the words, every name of a place finds the same
 * passages, filters in the address, keyboard flow, JavaScript off, hostile input, accessibility, loading budget.
 * Expected passages are computed from the raw texts (content/raw/), never from the index.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SUBPATH_PORT } from '../../playwright.config.ts';
import { expect, slugs, sourceOf, test } from './fixtures.ts';

/** Every passage (article slug + id) whose raw text matches `pattern`, read from the raw texts and the pages. */
async function passagesMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const slug of slugs) {
    const matching = sourceOf(slug)
      .cleaned.paragraphs.map((p, i) => (pattern.test(p.text) ? i : -1))
      .filter((i) => i >= 0);
    if (matching.length === 0) continue;
    await page.goto(`/articles/${slug}/`);
    const ids = await page.locator('.passage').evaluateAll((els) => els.map((el) => el.id));
    for (const i of matching) found.push(`/articles/${slug}/#${ids[i]}`);
  }
  return found.sort();
}

/** The passage links the search page shows, as /articles/<slug>/#<id> (the words-to-mark parameter left out). */
async function passageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#search-results a.search-passage').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(/\?[^#]*/, '')).sort();
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-status')).toContainText(/result|Nothing found/);
}

test('a query finds exactly the passages that contain the word', async ({ page }) => {
  // Many searches and page loads in one test: give it room on a shared, busy machine.
  test.slow();
  const expected = await passagesMatching(page, /\bshell(?:s|ed|ing)?\b/i);
  expect(expected.length).toBeGreaterThan(0);
  await searchFor(page, 'shelling');
  expect(await passageLinks(page)).toEqual(expected);
  // Each passage excerpt marks the word found.
  for (const passage of await page.locator('#search-results a.search-passage').all()) {
    await expect(passage.locator('mark').first()).toHaveText(/^shell/i);
  }
  // An article result shows its kind, outlet and date.
  await expect(page.locator('.search-result:has(a.search-passage) .search-meta').first()).toHaveText(/^Article · .+ · \d{1,2} \w+ \d{4}/);
});

test('a sentence quoted on a background page is found in its article only, not again on the background page', async ({ page }) => {
  // "reignited" is only in the publishers' text; background pages quote such sentences under "Mentioned in".
  const expected = await passagesMatching(page, /\breignited\b/i);
  expect(expected.length).toBeGreaterThan(0);
  await searchFor(page, 'reignited');
  expect(await passageLinks(page)).toEqual(expected);
  const pages = await page.locator('#search-results .search-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(pages.filter((href) => /\/(people|places|organizations|glossary)\//.test(href))).toEqual([]);
});

test('clicking a passage lands on it with the searched words marked', async ({ page }) => {
  await searchFor(page, 'shelling');
  const link = page.locator('#search-results a.search-passage').first();
  const id = (await link.getAttribute('href'))?.split('#')[1] ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  const passage = page.locator(`[id="${id}"]`);
  await expect(passage).toHaveClass(/is-target/);
  await expect(passage.locator('mark.search-hit').first()).toHaveText(/^shelling$/i);
  await expect(passage).toBeInViewport();
  // The marks wrap the publisher's text without changing it.
  const source = sourceOf(new URL(page.url()).pathname.split('/')[2] ?? '');
  const shown = await passage.locator(':scope > p').textContent();
  expect(source.cleaned.paragraphs.map((p) => p.text)).toContain(shown);
});

test('every name of a place finds the same passages, and landing marks the name the text uses', async ({ page }) => {
  // Many searches and page loads in one test: give it room on a shared, busy machine.
  test.slow();
  // Stepanakert is called Khankendi (Xankəndi) by Azerbaijan: the raw texts use either.
  const expected = await passagesMatching(page, /Stepanakert|Khankendi|Khankandi/);
  expect(expected.length).toBeGreaterThan(1);
  for (const name of ['Stepanakert', 'Khankendi', 'Xankəndi', 'Xankendi', 'stepanakert', 'Ստեփանակերտ']) {
    await searchFor(page, name);
    expect(await passageLinks(page), `searching "${name}"`).toEqual(expected);
  }
  // A passage that says only "Khankendi", reached by searching "Stepanakert", marks "Khankendi".
  await searchFor(page, 'Stepanakert');
  const onlyKhankendi = page.locator('#search-results a.search-passage').filter({ hasNotText: 'Stepanakert' }).first();
  await onlyKhankendi.click();
  const id = new URL(page.url()).hash.slice(1);
  // (A mark may be in pieces where the text is split by a link: "Aghdam-" + "Khankendi".)
  await expect(page.locator(`[id="${id}"] mark.search-hit`).first()).toBeVisible();
  expect((await page.locator(`[id="${id}"] mark.search-hit`).allTextContents()).join('')).toContain('Khankendi');
});

test('a match under another name marks the whole mention or heading it stands for, never a word beside it', async ({ page }) => {
  // "Garabagh" is Azerbaijan's spelling of Karabakh: the glossary page's heading and the articles' mentions say
  // "Nagorno-Karabakh", and those words are what the excerpts mark.
  await searchFor(page, 'Garabagh');
  const term = page.locator('.search-result', { has: page.getByRole('link', { name: 'Nagorno-Karabakh conflict', exact: true }) });
  await expect(term.locator('mark').first()).toBeVisible();
  expect(await term.locator('mark').allTextContents()).toEqual(['Nagorno-Karabakh conflict']);
  const article = page.locator('.search-result', { has: page.locator('.search-meta', { hasText: 'ASB Media' }) });
  const first = article.locator('a.search-passage').first();
  expect(await first.locator('mark').allTextContents()).toContain('Nagorno-Karabakh');
  // Where the name stands for a mention of several words ("Armenian population": the Karabakh Armenians), all of
  // them are marked, in one stretch.
  const marks = await page.locator('#search-results mark').allTextContents();
  expect(marks.filter((m) => /\s/.test(m)).length).toBeGreaterThan(0);
});

test('a background page is found under each of its names, also without diacritics', async ({ page }) => {
  // Many searches and page loads in one test: give it room on a shared, busy machine.
  test.slow();
  await page.goto('/places/stepanakert/');
  const title = (await page.locator('main h1').textContent()) ?? '';
  const names = await page.locator('table.names td [lang]').allTextContents();
  expect(names.length).toBeGreaterThan(1);
  for (const name of [...names, 'Xankendi', 'Stepanakert']) {
    await searchFor(page, name);
    const place = page.locator('.search-result', { has: page.locator('.search-meta', { hasText: /^Place$/ }) });
    await expect(place.getByRole('link', { name: title }), `searching "${name}"`).toHaveAttribute('href', '/places/stepanakert/');
  }
});

test('our notes are found as notes, grouped by article, and link to their permalink', async ({ page }) => {
  await page.goto(`/articles/${slugs[0]}/`);
  const title = (await page.locator('main h1').first().textContent())?.trim() ?? '';
  const note = page.locator('aside[id^="note-"]').first();
  const id = (await note.getAttribute('id')) ?? '';
  const number = (await note.locator('.note-number').textContent())?.trim() ?? '';
  const text = (await note.locator(':scope > p:not(.note-close)').first().textContent()) ?? '';
  // The note's longest word, as a query only it is likely to answer.
  const word = text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
  expect(word.length).toBeGreaterThan(6);
  await searchFor(page, word);
  const result = page.locator(`.search-result:has(a[href="/articles/${slugs[0]}/#${id}"])`);
  await expect(result.locator('.search-meta')).toHaveText(/^Our notes/);
  // The result is the article's notes; its title links to the article, each note found to its permalink.
  await expect(result.locator('.search-title a')).toHaveText(`Our notes on “${title}”`);
  await expect(result.locator('.search-title a')).toHaveAttribute('href', `/articles/${slugs[0]}/`);
  const link = result.locator(`a[href="/articles/${slugs[0]}/#${id}"]`);
  await expect(link.locator('.search-passage-number')).toHaveText(new RegExp(`^Note ${number} · `));
  await expect(link.locator('mark').first()).toBeVisible();
  await expect(page.locator('#search-status')).toContainText(/of our notes/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeVisible();
});

test('filters narrow the results, combine, live in the address and survive a reload', async ({ page }) => {
  // Many searches and page loads in one test: give it room on a shared, busy machine.
  test.slow();
  await searchFor(page, 'Azerbaijan');
  const all = await page.locator('.search-result').count();
  expect(all).toBeGreaterThan(1);
  const outlet = page.locator('fieldset', { hasText: 'Outlet' }).locator('input[type=checkbox]').first();
  const outletName = (await outlet.getAttribute('value')) ?? '';
  await outlet.check();
  await expect(page).toHaveURL(new RegExp(`[?&]outlet=${encodeURIComponent(outletName).replace(/%20/g, '\\+')}`));
  await expect(page.locator('.search-result')).not.toHaveCount(all);
  // The boxes are updated in place, not redrawn: the one just used keeps keyboard focus.
  await expect(outlet).toBeFocused();
  for (const meta of await page.locator('.search-result .search-meta').allTextContents()) expect(meta).toContain(outletName);
  const narrowed = await page.locator('.search-result').count();
  // Beside the other outlets: how many results choosing them too would add, not (0) for all.
  const otherCounts = await page.locator('fieldset', { hasText: 'Outlet' }).locator('.search-count').allTextContents();
  expect(otherCounts.filter((c) => c !== ' (0)').length).toBeGreaterThan(1);
  // A second filter (kind) combines with the first.
  await page.getByRole('checkbox', { name: /^Article/ }).check();
  await expect(page).toHaveURL(/kind=article/);
  await expect(page.locator('.search-result')).toHaveCount(narrowed);
  await page.reload();
  await expect(page.locator('#search-q')).toHaveValue('Azerbaijan');
  await expect(page.locator(`input[name=outlet][value="${outletName}"]`)).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Article/ })).toBeChecked();
  await expect(page.locator('.search-result')).toHaveCount(narrowed);
  // Unchecking widens again.
  // Both in quick succession, without waiting for the first search: the second must not undo the first.
  await page.locator(`input[name=outlet][value="${outletName}"]`).uncheck();
  await page.getByRole('checkbox', { name: /^Article/ }).uncheck();
  await expect(page.locator('.search-result')).toHaveCount(all);
  await expect(page).not.toHaveURL(/outlet=|kind=/);
});

test('the header panel says its passage and note counts are of the results it lists', async ({ page }) => {
  await page.goto(`/articles/${slugs[0]}/`);
  await page.locator('#site-search-q').fill('Azerbaijan');
  const panel = page.locator('#site-search-panel');
  const status = panel.getByRole('status');
  await expect(status).toContainText('results for “Azerbaijan”');
  const total = Number(/^(\d+) results/.exec((await status.textContent()) ?? '')?.[1]);
  // Every article names Azerbaijan: far more pages than the panel's five.
  expect(total).toBeGreaterThan(5);
  await expect(panel.locator('.search-results > li')).toHaveCount(5);
  // Any passages and notes counted are those of the five listed, and the sentence says so.
  await expect(status).toHaveText(/^\d+ results for “Azerbaijan”\. The first 5 are shown(, with [^.]+)?\.$/);
});

test('keyboard only: / and Ctrl-K open the search, arrows move through results, Escape closes, Enter goes to all results', async ({ page }) => {
  await page.goto(`/articles/${slugs[0]}/`);
  const box = page.locator('#site-search-q');
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('Khankendi');
  const panel = page.locator('#site-search-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('result');
  const links = panel.locator('a[data-result-link]');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();
  await expect(panel).toBeHidden();
  // Ctrl-K from anywhere on the page.
  await page.locator('main').focus();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Khankendi$/);
  await expect(page.locator('#search-status')).toContainText('result');
  // On the search page, / goes to the page's own box; Enter on a focused result follows it.
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(page.locator('#search-q')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const first = page.locator('#search-results a[data-result-link]').first();
  await expect(first).toBeFocused();
  const href = (await first.getAttribute('href')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says search needs JavaScript and points to an index', async ({ page }) => {
    await page.goto('/search/?q=Lachin');
    const message = page.locator('.search-nojs');
    await expect(message).toBeVisible();
    await expect(message).toContainText('Search needs JavaScript');
    await expect(message.getByRole('link', { name: 'A–Z index' })).toHaveAttribute('href', '/a-z/');
    await expect(page.locator('#search-form')).toBeHidden();
    // The header box still submits to the search page.
    await page.goto(`/articles/${slugs[0]}/`);
    await page.locator('#site-search-q').fill('Lachin');
    await page.locator('#site-search-q').press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=Lachin$/);
  });
});

test('hostile and odd input is handled calmly and nothing in it runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)>';
  await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
  await expect(page.locator('#search-status')).toContainText(/result|Nothing found/);
  await expect(page.locator('#search-results img, #search-status img')).toHaveCount(0);
  await expect(page.locator('#search-q')).toHaveValue(hostile);

  await page.goto(`/search/?q=${encodeURIComponent('?!.,;:—…')}`);
  await expect(page.locator('#search-status')).toContainText('has no letters or digits');
  await expect(page.locator('.search-result')).toHaveCount(0);

  await page.goto(`/search/?q=${'Lachin '.repeat(72).trim().slice(0, 500)}`);
  await expect(page.locator('#search-status')).toContainText('Only the beginning of the query was searched');

  await page.goto('/search/?q=Lachin&kind=bogus&year=1066');
  await expect(page.locator('#search-status')).toContainText('No page has the kind “bogus”; that filter was left out.');
  await expect(page.locator('#search-status')).toContainText('No page has the year “1066”');
  await expect(page.locator('.search-result').first()).toBeVisible();

  await page.goto(`/articles/${slugs[0]}/?mark=${encodeURIComponent(hostile)}#x"><img src=x onerror=alert(2)>`);
  await expect(page.locator('main h1')).toBeVisible();
  expect(dialogs).toBe(0);
});

test('an article page loads nothing of the search until the reader types', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/articles/${slugs[0]}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.includes('/pagefind/') || /header-search|render|search\.[\w-]+\.css/.test(p))).toEqual([]);
  await page.locator('#site-search-q').fill('Lachin');
  await expect(page.locator('#site-search-panel')).toBeVisible();
  expect(requested.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
});

test('search works under a sub-path', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${SUBPATH_PORT}/karabakh/search/?q=Khankendi`);
  await expect(page.locator('#search-status')).toContainText('result');
  const href = (await page.locator('#search-results a.search-passage').first().getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/karabakh\/articles\/[a-z0-9-]+\/\?mark=[^#]+#.+$/);
  await page.locator('#search-results a.search-passage').first().click();
  await expect(page.locator('mark.search-hit').first()).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test('axe finds no violations on /search/ with results and in the header panel', async ({ page }) => {
      await searchFor(page, 'Stepanakert');
      const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const violations = (r: Awaited<ReturnType<typeof axe>>) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations(await axe())).toEqual([]);
      await page.locator('#site-search-q').fill('Lachin');
      await expect(page.locator('#site-search-panel')).toBeVisible();
      expect(violations(await axe())).toEqual([]);
    });
  });
}
