/**
 * Charts: static SVG that needs no script, links that land, no overflow at 320 px, and axe-clean in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, root, test } from './fixtures.ts';

const CHART_PAGES = ['/', '/timeline/', '/who-appears-where/', '/places/stepanakert/', '/articles/playing-with-the-fire/'];
const events = parse(readFileSync(join(root, 'content/events.yaml'), 'utf8')) as { id: string; title: string; passages?: string[] }[];

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of CHART_PAGES) {
    test(`the charts on ${path} are drawn and named`, async ({ page }) => {
      await page.goto(path);
      const charts = page.locator('figure.chart svg:visible [role="img"]');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const svg of await charts.all()) {
        await expect(svg).toHaveAccessibleName(/\S{5}/);
        const box = await svg.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(50);
      }
    });
  }

  test('every event of content/events.yaml is on the timeline, with its table row', async ({ page }) => {
    await page.goto('/timeline/');
    const labels = (await page.locator('#timeline svg .label.event').allTextContents()).join(' ');
    for (const e of events) {
      expect(labels.replace(/\s+/g, ' '), e.id).toContain(e.title.split(' ').slice(0, 3).join(' '));
      await expect(page.locator(`#event-${e.id} h3`)).toHaveText(e.title);
    }
  });
});

test('a link inside the timeline lands on the event, and the event links to its passage', async ({ page }) => {
  await page.goto('/timeline/');
  const withPassage = events.find((e) => (e.passages ?? []).length > 0);
  expect(withPassage).toBeDefined();
  if (!withPassage) return;
  await page.locator(`#timeline svg a[href$="#event-${withPassage.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`#event-${withPassage.id}$`));
  await expect(page.locator(`#event-${withPassage.id}`)).toBeInViewport();
  const [slug, passage] = (withPassage.passages?.[0] ?? '').split('#');
  await page.locator(`#event-${withPassage.id} .event-passages a`).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}/#${passage}$`));
  await expect(page.locator(`[id="${passage}"]`)).toBeInViewport();
});

test('the home timeline links each article to its page', async ({ page }) => {
  await page.goto('/');
  const articleLinks = page.locator('#home-timeline svg a.label.article');
  await expect(articleLinks).toHaveCount(5);
  await articleLinks.first().click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/);
});

test('a dot of the who-appears-where matrix leads to the passages that mention the entry', async ({ page }) => {
  await page.goto('/who-appears-where/');
  const cell = page.locator('#who-appears-where svg a.cell').first();
  const href = (await cell.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/(articles\/[a-z0-9-]+\/#[^#]+|(people|places|organizations|glossary)\/[a-z0-9-]+\/#in-[a-z0-9-]+)$/);
  await cell.click();
  const target = href.split('#')[1] ?? '';
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  if (target.startsWith('in-')) {
    // The entry's list of passages in that article, each a permalink.
    await expect(page.locator(`[id="${target}"] a[href*="/articles/"]`).first()).toBeVisible();
  }
});

test('the voices chart and its table name the same speakers', async ({ page }) => {
  await page.goto('/');
  const totals = await page.locator('#home-voices svg .total').allTextContents();
  const rows = page.locator('#home-voices .chart-data tbody tr');
  await expect(rows).toHaveCount(totals.length);
  for (const [i, row] of (await rows.all()).entries()) {
    const names = (await row.locator('td').allTextContents()).filter((t) => t !== '—').flatMap((t) => t.split(', '));
    expect(names.length, `row ${i + 1}`).toBe(Number(totals[i]));
  }
});

test('every place in the region is a point on the map linked to its page', async ({ page }) => {
  await page.goto('/');
  const links = page.locator('#home-map svg.chart-wide a.place');
  expect(await links.count()).toBeGreaterThan(0);
  const items = await page.locator('#home-map .chart-data li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const points = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of points) expect(items).toContain(href);
  await page.locator('#home-map svg.chart-wide a.place').first().dispatchEvent('click');
  await expect(page).toHaveURL(/\/places\/[a-z0-9-]+\/$/);
  await expect(page.locator('#place-map svg [role="img"]')).toHaveAccessibleName(/^Where /);
});

test('the chart data is reachable by keyboard as a table', async ({ page }) => {
  await page.goto('/timeline/');
  const summary = page.locator('#timeline .chart-data summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const rows = page.locator('#timeline .chart-data tbody tr');
  await expect(rows).toHaveCount(events.length + 5);
  await page.keyboard.press('Tab');
  await expect(page.locator('#timeline .chart-data tbody a').first()).toBeFocused();
});

test('chart pages fit 320 px without sideways scrolling, and the charts fit too', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of CHART_PAGES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    for (const svg of await page.locator('figure.chart svg:visible').all()) {
      const box = await svg.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), path).toBeLessThanOrEqual(320);
    }
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of CHART_PAGES) {
    test(`axe finds nothing on ${path} (charts) in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // Only the charts: the rest of each page has its own axe test.
      const results = await new AxeBuilder({ page })
        .include('figure.chart')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('charts print: the timeline stays, its disclosure does not', async ({ page }) => {
  await page.goto('/timeline/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#timeline svg')).toBeVisible();
  await expect(page.locator('#timeline .chart-data')).toBeHidden();
});
