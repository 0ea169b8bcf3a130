/**
 * Editorial notes on the built site: sidenotes on wide screens, markers opening them inline on narrow ones, note
 * permalinks (with and without JavaScript), keyboard use, print endnotes, the "About this text" box, /notes/.
 * The notes are the articles' own; the tests find them on the page rather than naming any one of them.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';
import { expect, isOnScreen, slugs, test } from './fixtures.ts';

const MARKED = 'rgb(255, 241, 184)'; // --mark in the light theme
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 800 };
/** The article with the most passages is long enough that arriving at a late note must scroll. */
const SLUG = 'playing-with-the-fire';

/** A passage with notes deep in the page, its paragraph and its first note. */
async function notedPassage(page: Page, which: 'first' | 'last' = 'last') {
  const passages = page.locator('.passage:has(.passage-notes)');
  expect(await passages.count()).toBeGreaterThan(0);
  const passage = which === 'first' ? passages.first() : passages.last();
  const note = passage.locator('aside.note').first();
  const id = await note.getAttribute('id');
  expect(id).toMatch(/^note-[a-z0-9-]+$/);
  return { passage, paragraph: passage.locator('> p'), note, id: id ?? '' };
}

test.describe('wide screens: sidenotes', () => {
  test.use({ viewport: WIDE });

  test('every note sits in the margin beside its passage, with its kind in words and sources, and the markers are hidden', async ({ page }) => {
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}/`);
      // One pass over the page's geometry (a locator per note would be slow on long pages).
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('.passage:has(.passage-notes)')].map((passage) => {
          const p = passage.querySelector(':scope > p')?.getBoundingClientRect();
          const notes = [...passage.querySelectorAll('aside.note')];
          const first = notes[0]?.getBoundingClientRect();
          const markers = passage.querySelector('.note-markers');
          return {
            id: passage.id,
            beside: !!p && !!first && first.left >= p.right && Math.abs(first.top - p.top) < 40,
            markersHidden: !!markers && getComputedStyle(markers).display === 'none',
            notes: notes.map((n) => ({
              kind: n.getAttribute('data-annotation'),
              label: n.querySelector('.note-kind')?.textContent?.toLowerCase(),
              visible: n.getBoundingClientRect().height > 0,
              sources: n.querySelectorAll('.note-sources li a[href^="http"]').length,
            })),
          };
        }),
      );
      expect(found.length, `${slug} has notes`).toBeGreaterThan(0);
      for (const passage of found) {
        expect(passage.beside, `${slug}#${passage.id}: first note beside the paragraph`).toBe(true);
        expect(passage.markersHidden, `${slug}#${passage.id}: markers hidden`).toBe(true);
        for (const note of passage.notes) {
          expect(['context', 'correction', 'claim', 'provenance']).toContain(note.kind);
          expect(note.label).toBe(note.kind);
          expect(note.visible).toBe(true);
          expect(note.sources).toBeGreaterThan(0);
        }
      }
    }
  });

  test('claim notes name who makes the claim; a marked phrase links to its note', async ({ page }) => {
    let claims = 0;
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}/`);
      for (const claim of await page.locator('aside.note[data-annotation="claim"]').all()) {
        claims += 1;
        await expect(claim.locator('.note-by')).toContainText('Claim made by');
      }
      for (const anchor of await page.locator('a.note-anchor').all()) {
        const href = (await anchor.getAttribute('href')) ?? '';
        await expect(page.locator(`aside.note[id="${href.slice(1)}"]`)).toHaveCount(1);
      }
    }
    expect(claims).toBeGreaterThan(0);
  });
});

test.describe('narrow screens: markers open notes inline', () => {
  test.use({ viewport: NARROW });

  test('notes are closed; a marker (a named link) opens its note below the paragraph, by keyboard', async ({ page }) => {
    await page.goto(`/articles/${SLUG}/`);
    const { passage, paragraph, note, id } = await notedPassage(page, 'first');
    await expect(note).toBeHidden();
    const marker = passage.locator(`a.note-marker[href="#${id}"]`);
    await expect(marker).toBeVisible();
    const number = await note.locator('.note-number').textContent();
    const kind = await note.locator('.note-kind').textContent();
    await expect(marker).toHaveAccessibleName(`Note ${number} ${kind}`);
    await marker.focus();
    await page.keyboard.press('Enter');
    await expect(note).toBeVisible();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    const p = await paragraph.boundingBox();
    const n = await note.boundingBox();
    expect(p && n && n.y >= p.y + p.height).toBe(true);
    // Inline: within the screen's width.
    expect(n && n.x >= 0 && n.x + n.width <= NARROW.width).toBe(true);
    // "Close" goes back to the passage and closes the note.
    await note.locator('.note-close a').click();
    await expect(note).toBeHidden();
  });

  test('on a 375 px phone the publisher’s text starts on the first screen, with the About box one tap away', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}/`);
      const first = await page.locator('.passage > p').first().boundingBox();
      expect(first && first.y < 700, `${slug}: first paragraph starts at ${first?.y}`).toBe(true);
      const box = page.locator('details.about-text');
      await expect(box).not.toHaveAttribute('open');
      await box.locator('summary').click();
      await expect(box.locator('.article-meta')).toBeVisible();
    }
  });

  for (const width of [320, 375]) {
    test(`nothing overflows ${width} px, with a note open and the About box open`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const slug of slugs) {
        await page.goto(`/articles/${slug}/`);
        const { id } = await notedPassage(page);
        await page.goto(`/articles/${slug}/#${id}`);
        await page.locator('details.about-text summary').click();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), slug).toBeLessThanOrEqual(width);
      }
      await page.goto('/notes/');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a note permalink arriving ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled });
    for (const viewport of [WIDE, NARROW]) {
      test(`shows the note and marks its passage (${viewport.width} px)`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(`/articles/${SLUG}/`);
        const { paragraph, note, id } = await notedPassage(page);
        await page.goto(`/articles/${SLUG}/#${id}`);
        await expect(note).toBeVisible();
        expect(await isOnScreen(page, `[id="${id}"]`)).toBe(true);
        await expect(paragraph).toHaveCSS('background-color', MARKED);
        await expect(note).toHaveCSS('background-color', MARKED);
      });
    }
  });
}

test.describe('keyboard and copy link', () => {
  test.use({ viewport: WIDE, permissions: ['clipboard-read', 'clipboard-write'] });

  test('a note’s own link is reachable by Tab, copies its permalink and says so', async ({ page, context }) => {
    await page.goto(`/articles/${SLUG}/`);
    const { passage, note, id } = await notedPassage(page);
    const link = note.locator('a.note-link');
    const number = await note.locator('.note-number').textContent();
    await expect(link).toHaveAccessibleName(`Link to note ${number}`);
    // From the passage's own link, Tab goes on into its notes: the marked phrases come first in the text.
    await passage.locator('a.passage-link').focus();
    for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    // The copy is asynchronous: wait for it, or the clipboard may still hold an earlier test's link.
    const copied = `http://127.0.0.1:${PORT}/articles/${SLUG}/#${id}`;
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
    await expect(page.locator('#copy-status')).toContainText(`Link to note ${number} copied`);
    await expect(passage).toHaveClass(/is-target/);
    const other = await context.newPage();
    await other.goto(copied);
    await expect(other.locator(`[id="${id}"]`)).toBeVisible();
  });
});

test.describe('print', () => {
  test('notes become numbered endnotes after the text, each with its permalink written out', async ({ page }) => {
    await page.goto(`/articles/${SLUG}/`);
    await page.emulateMedia({ media: 'print' });
    const lastParagraph = await page.locator('.passage > p').last().boundingBox();
    const notes = page.locator('aside.note');
    const count = await notes.count();
    expect(count).toBeGreaterThan(1);
    await expect(page.locator('.endnotes-label')).toBeVisible();
    let previous = -1;
    for (let i = 0; i < count; i++) {
      const note = notes.nth(i);
      await expect(note).toBeVisible();
      const box = await note.boundingBox();
      expect(box && lastParagraph && box.y > lastParagraph.y + lastParagraph.height).toBe(true);
      // In order, numbered 1, 2, 3…
      expect(box && box.y > previous).toBe(true);
      previous = box?.y ?? previous;
      await expect(note.locator('.note-number')).toHaveText(String(i + 1));
      const id = await note.getAttribute('id');
      const written = await note.locator('.note-link').evaluate((el) => getComputedStyle(el, '::after').content);
      // The page's absolute address (SITE_URL, else the local default http://localhost:4321), then the fragment.
      expect(written).toBe(`"http://localhost:4321/articles/${SLUG}/#${id}"`);
    }
    // The About box prints open.
    await expect(page.locator('details.about-text .article-meta')).toBeVisible();
  });
});

test.describe('About this text', () => {
  test('counts the notes by kind and links each to its note; lists the sources of the summary and dating', async ({ page }) => {
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}/`);
      await page.locator('details.about-text summary').click();
      const total = await page.locator('aside.note').count();
      const links = page.locator('.note-counts a');
      expect(await links.count(), slug).toBe(total);
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href')) ?? '';
        await expect(page.locator(`aside.note[id="${href.slice(1)}"]`)).toHaveCount(1);
      }
      await expect(page.locator('.about-text .sources', { hasText: 'The summary rests on' }).locator('li').first()).toBeVisible();
      await expect(page.locator('.about-text .sources', { hasText: 'The dating rests on' }).locator('li').first()).toBeVisible();
    }
  });
});

test.describe('/notes/', () => {
  test('lists every note of every article, linking to its permalink', async ({ page }) => {
    const expected: string[] = [];
    for (const slug of slugs) {
      await page.goto(`/articles/${slug}/`);
      for (const id of await page.locator('aside.note').evaluateAll((els) => els.map((el) => el.id))) expected.push(`/articles/${slug}/#${id}`);
    }
    await page.goto('/notes/');
    const listed = await page.locator('.note-list a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect([...listed].sort()).toEqual([...expected].sort());
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page');
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`filters by kind ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/notes/`);
      await expect(page.locator('.kind-section')).toHaveCount(4);
      await page.getByRole('navigation', { name: 'Kinds of note' }).getByRole('link', { name: /^Claims/ }).click();
      await expect(page.locator('#kind-claim')).toBeVisible();
      for (const other of ['context', 'correction', 'provenance']) await expect(page.locator(`#kind-${other}`)).toBeHidden();
      await page.getByRole('link', { name: 'All kinds' }).click();
      for (const kind of ['context', 'correction', 'claim', 'provenance']) await expect(page.locator(`#kind-${kind}`)).toBeVisible();
      await context.close();
    });
  }
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    // Long annotated pages take axe a while on a shared machine.
    test.slow();

    test('finds nothing on /notes/ filtered to one kind', async ({ page }) => {
      await page.goto('/notes/#kind-correction');
      expect(await axeViolations(page)).toEqual([]);
    });

    for (const viewport of [WIDE, NARROW]) {
      test(`finds nothing on an article with its box and a note open (${viewport.width} px)`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(`/articles/${SLUG}/`);
        const { id } = await notedPassage(page);
        await page.goto(`/articles/${SLUG}/#${id}`);
        await page.locator('details.about-text summary').click();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}
