/**
 * The three kinds of raw text the import used to get wrong, end to end: import (no hand edits), render the
 * article with the site's passage plugins, and run the post-build checks on the page. Every paragraph must be
 * whole and verbatim, every raw line accounted for, and no id duplicated.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArticle } from '../../../../src/lib/import/import-article.ts';
import { indexDist } from '../../../../scripts/checks/dist-index.ts';
import { checkArticle } from '../../../../scripts/checks/verbatim.ts';
import { readArticleSource } from '../../../../src/lib/import/article-source.ts';
import { RAW_FIXTURES_DIR, seed, tempDir } from '../../helpers.ts';
import { renderArticlePage } from '../../render.ts';

let root: string;
let removeRoot: () => void;
beforeEach(() => {
  ({ dir: root, remove: removeRoot } = tempDir('karabakh-cases-'));
});
afterEach(() => removeRoot());

function importAndCheck(fixture: string, slug: string) {
  const rawPath = join(root, `${slug}-incoming.txt`);
  copyFileSync(join(RAW_FIXTURES_DIR, fixture), rawPath);
  const result = importArticle({ rawPath, root, slug });
  renderArticlePage(root, slug);
  const index = indexDist(root, join(root, 'dist'), '/');
  const problems = checkArticle(index, readArticleSource(root, slug));
  const page = index.pageAt(`/articles/${slug}/`);
  return { result, problems, passages: page?.passages ?? [], ids: page?.ids ?? [] };
}

describe('a hard-wrapped article (72 columns, blank lines between paragraphs)', () => {
  it('is re-joined into its 16 paragraphs, each equal to the unwrapped original', () => {
    const { result, problems, passages } = importAndCheck('hard-wrapped.txt', 'wrapped');
    expect(problems).toEqual([]);
    const original = seed('004').text.split('\n').slice(0, 16);
    expect(passages.map((p) => p.text)).toEqual(original);
    expect(result.cleaned.paragraphs.every((p) => p.lines.length > 1)).toBe(true);
    expect(result.report.filter((l) => l.startsWith('Re-joined lines'))).toHaveLength(16);
    expect(result.report).toContain('Kept 16 paragraph(s) of body text, verbatim except: 16 re-joined from hard-wrapped lines (line breaks become single spaces).');
  });

  it('takes the headline ending in a full stop, not the menu item above it, and removes the counter', () => {
    const { result } = importAndCheck('hard-wrapped.txt', 'wrapped');
    expect(result.cleaned.title?.text).toBe('Azerbaijan launches military action in Nagorno-Karabakh.');
    expect(result.cleaned.printedDate?.text).toBe('19 September 2023');
    expect(result.cleaned.removed.map((r) => r.text)).toEqual(['All news', 'Comments (0)']);
  });
});

describe('an article whose body sentences contain chrome-like words', () => {
  it('keeps every body sentence, lists the keyword matches for review, and removes the real chrome', () => {
    const { result, problems, passages } = importAndCheck('chrome-words.txt', 'chrome-words');
    expect(problems).toEqual([]);
    const raw = readFileSync(join(RAW_FIXTURES_DIR, 'chrome-words.txt'), 'utf8').split('\n');
    expect(passages.map((p) => p.text)).toEqual([raw[6], raw[8], raw[10], raw[12]]);
    expect(result.cleaned.review.map((r) => r.line)).toEqual([7, 9]);
    expect(result.cleaned.review[0]?.reason).toMatch(/copyright line.*reads as prose inside the body/);
    expect(result.cleaned.removed.map((r) => [r.line, r.reason])).toEqual([
      [1, 'copyright line'],
      [15, 'share prompt'],
      [17, 'view counter'],
    ]);
    expect(result.cleaned.removed.map((r) => r.text)).not.toContain(raw[6]);
  });
});

describe('an article with letterless separator lines', () => {
  it('keeps the separators as paragraphs and pins distinct ids where their openings collide', () => {
    const { result, problems, passages, ids } = importAndCheck('separators.txt', 'separators');
    expect(problems).toEqual([]);
    expect(passages.map((p) => p.text)).toContain('* * *');
    expect(passages.map((p) => p.text)).toContain('---');
    expect(passages.map((p) => p.text)).toContain('🌿');
    expect(passages).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(passages.filter((p) => p.id.startsWith('passage')).map((p) => p.id)).toEqual(['passage', 'passage-2', 'passage-3']);
    expect(result.report.filter((l) => l.startsWith('Pinned #passage-'))).toHaveLength(2);
  });
});
