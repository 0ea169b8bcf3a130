/**
 * Every page of dist/ under its Content-Security-Policy (served as a header by scripts/serve-static.ts, and as a
 * <meta>): no violation, no console error, no request to another origin (the last two by the shared fixtures).
 */
import type { Page } from '@playwright/test';
import { headerPolicy, metaPolicyOf } from '../../src/lib/publishing/csp.ts';
import { distPages } from './dist-pages.ts';
import { expect, test } from './fixtures.ts';

/** Collects violations the page reports; init scripts run outside the page's policy, so this one is not blocked. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => [...refused, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

for (const { path, html } of distPages()) {
  if (path === '/404.html') continue;
  test(`CSP: ${path} loads with no violation, under the same policy as header and meta`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path);
    const meta = metaPolicyOf(html());
    expect(meta, 'the page carries a <meta> policy').toBeTruthy();
    expect(response?.headers()['content-security-policy']).toBe(headerPolicy(meta ?? ''));
    expect(meta).not.toContain('unsafe-inline');
    expect(meta).not.toMatch(/'unsafe-eval'/);
    // Let late scripts (search boot, previews) run, and scroll so lazy work happens too.
    await page.mouse.wheel(0, 4000);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

test('CSP: the 404 page, at a missing address, has no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('CSP: search runs (Pagefind and its WebAssembly) with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/search/?q=Lachin');
  await expect(page.locator('main a[href*="/articles/"]').first()).toBeVisible({ timeout: 15_000 });
  await page.goto('/');
  await page.keyboard.press('/');
  await page.keyboard.type('Stepanakert');
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});

test('CSP: the static headers reach every response', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('CSP: an article in use — a note permalink, mention previews, a passage link, search marks — has no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/articles/playing-with-the-fire/');
  const note = page.locator('aside[data-annotation]').first();
  const noteId = await note.getAttribute('id');
  await page.goto(`/articles/playing-with-the-fire/#${noteId ?? ''}`);
  await expect(page.locator(`#${noteId ?? ''}`)).toBeVisible();
  const mention = page.locator('a.entity-link').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.hover();
  await mention.focus();
  await page.keyboard.press('Escape');
  const passage = page.locator('.passage').first();
  await passage.hover();
  // Arriving from a search result marks the searched words in the passage.
  const passageId = await passage.getAttribute('id');
  await page.goto(`/articles/playing-with-the-fire/?mark=Lachin#${passageId ?? ''}`);
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
});
