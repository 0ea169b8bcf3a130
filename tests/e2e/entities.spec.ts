import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SUBPATH_PORT } from '../../playwright.config.ts';
import { expect, root, test } from './fixtures.ts';

const KINDS = ['people', 'places', 'organizations', 'glossary'] as const;
const firstEntry = (kind: string) => readdirSync(join(root, 'content', kind)).filter((n) => n.endsWith('.md')).sort()[0]?.slice(0, -3);
const entityPages = KINDS.flatMap((kind) => [`/${kind}/`, ...(firstEntry(kind) ? [`/${kind}/${firstEntry(kind)}/`] : [])]);
const newPages = [...entityPages, '/a-z/'];

// "Khankendi" in Caliber.Az's text is the city Armenians call Stepanakert: a mention under another name.
const ARTICLE = '/articles/playing-with-the-fire/';
const khankendi = (page: Page) => page.locator('.passage > p a.entity-link', { hasText: /^Khankendi$/ }).first();
const card = (page: Page) => page.locator('#entity-card');

async function boxesOverlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test.describe('mentions link to background pages', () => {
  test('a mention under another name links to the entry and lands on its page', async ({ page }) => {
    await page.goto(ARTICLE);
    const link = khankendi(page);
    await expect(link).toHaveAttribute('href', '/places/stepanakert/');
    await link.click();
    await expect(page).toHaveURL(/\/places\/stepanakert\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Khankendi');
    await expect(page.getByRole('heading', { name: 'Other names' })).toBeVisible();
  });

  test('each entry is linked once per passage, and the article says which naming it uses', async ({ page }) => {
    await page.goto(ARTICLE);
    const perPassage = await page.locator('.passage').evaluateAll((passages) =>
      passages.map((p) => [...p.querySelectorAll('a.entity-link')].map((a) => a.getAttribute('data-entity'))),
    );
    for (const refs of perPassage) expect(new Set(refs).size).toBe(refs.length);
    expect(perPassage.flat().length).toBeGreaterThan(0);
    await expect(page.locator('.naming')).toContainText(/Naming in this text: .*Khankendi/);
  });

  test('every page of the nav is reachable', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['People', 'Places', 'Organizations', 'Glossary', 'A–Z']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
    await nav.getByRole('link', { name: 'A–Z' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('A–Z');
    await expect(page.getByText('Khankendi: see')).toBeVisible();
  });
});

test('every backlink on a place page lands on a passage that mentions the place', async ({ page }) => {
  await page.goto('/places/stepanakert/');
  const section = page.locator('section[aria-labelledby="mentioned-in"]');
  const items = await section.locator('.backlinks ul li').evaluateAll((lis) =>
    lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', mark: li.querySelector('mark')?.textContent ?? '' })),
  );
  expect(items.length).toBeGreaterThan(0);
  for (const { href, mark } of items) {
    await page.goto(href);
    const id = decodeURIComponent(href.split('#')[1] ?? '');
    const passage = page.locator(`[id="${id}"]`);
    await expect(passage).toHaveClass(/passage/);
    await expect(passage).toBeInViewport();
    await expect(passage.locator(':scope > p')).toContainText(mark);
    await expect(passage.locator(':scope > p a.entity-link[data-entity="places/stepanakert"]')).toHaveCount(1);
  }
});

test.describe('previews', () => {
  test('by mouse: hovering shows the card below the line, leaving hides it', async ({ page }) => {
    await page.goto(ARTICLE);
    const link = khankendi(page);
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toContainText('Stepanakert / Khankendi');
    await expect(card(page)).toContainText('Also:');
    expect(await boxesOverlap(card(page), link)).toBe(false);
    await page.mouse.move(5, 5);
    await expect(card(page)).toBeHidden();
  });

  test('by keyboard: focus shows the card and describes the link; Escape closes it', async ({ page }) => {
    await page.goto(ARTICLE);
    const link = khankendi(page);
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await expect(card(page)).toBeVisible();
    await expect(link).toHaveAttribute('aria-describedby', 'entity-card');
    await page.keyboard.press('Escape');
    await expect(card(page)).toBeHidden();
    await expect(link).toBeFocused();
    await expect(link).not.toHaveAttribute('aria-describedby', /./);
  });

  test.describe('by touch', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 320, height: 640 } });
    test('the first tap shows the card, the second opens the page; the card stays inside 320 px', async ({ page }) => {
      await page.goto(ARTICLE);
      const link = khankendi(page);
      await link.scrollIntoViewIfNeeded();
      await link.tap();
      await expect(card(page)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
      const box = await card(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
      expect(await boxesOverlap(card(page), link)).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await link.tap();
      await expect(page).toHaveURL(/\/places\/stepanakert\/$/);
    });

    test('the link in the card opens the page', async ({ page }) => {
      await page.goto(ARTICLE);
      await khankendi(page).tap();
      await card(page).getByRole('link').tap();
      await expect(page).toHaveURL(/\/places\/stepanakert\/$/);
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('a mention is a plain link and no card appears', async ({ page }) => {
      await page.goto(ARTICLE);
      const link = khankendi(page);
      await link.hover();
      await expect(card(page)).toHaveCount(0);
      await link.click();
      await expect(page).toHaveURL(/\/places\/stepanakert\/$/);
    });
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of newPages) {
      test(`axe finds no violations on ${path}`, async ({ page }) => {
        // The index pages list every entry; axe needs more than the default time on a busy machine.
        test.slow();
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
    test('axe finds no violations on an article with a preview open', async ({ page }) => {
      await page.goto(ARTICLE);
      await khankendi(page).focus();
      await expect(card(page)).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of [...newPages, ARTICLE]) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});

test('under a sub-path, mentions, previews and backlinks keep the base', async ({ page }) => {
  const base = `http://127.0.0.1:${SUBPATH_PORT}/karabakh`;
  await page.goto(`${base}${ARTICLE}`);
  const link = khankendi(page);
  await expect(link).toHaveAttribute('href', '/karabakh/places/stepanakert/');
  await link.hover();
  await expect(card(page)).toContainText('Stepanakert / Khankendi');
  await link.click();
  const backlink = page.locator('.backlinks ul a').first();
  await expect(backlink).toHaveAttribute('href', /^\/karabakh\/articles\/[a-z0-9-]+\/#/);
  await backlink.click();
  await expect(page.locator('.passage.is-target, .passage:target')).toHaveCount(1);
});
