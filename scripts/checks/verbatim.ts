/**
 * Every article page shows exactly the publisher's paragraphs its import record lists, in order, each equal to
 * its raw lines (trimmed, joined by single spaces), and a heading equal to the title; the record itself must
 * account for every line of the raw file. The expectation comes from the record and the raw file only, never
 * from the cleaning rules (see src/lib/import/record.ts).
 */
import { articleSlugs, readArticleSource, type ArticleSource } from '../../src/lib/import/article-source.ts';
import type { Check } from './check.ts';
import type { DistIndex } from './dist-index.ts';

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

export function checkArticle(index: DistIndex, source: ArticleSource): string[] {
  const problems = [...source.problems];
  const url = `${index.base}articles/${source.slug}/`;
  const page = index.pageAt(url);
  if (!page) return [...problems, `${source.file}: no page was built for this article (expected ${url}).`];
  if (source.problems.length > 0) return problems;
  const expected = source.expectation.paragraphs;
  const shown = page.passages;
  for (let i = 0; i < Math.max(shown.length, expected.length); i++) {
    const want = expected[i];
    const got = shown[i];
    if (want === undefined) {
      problems.push(
        `${source.file}: passage ${i + 1} ("${clip(got?.text ?? '')}") is not in ${source.record}, which lists ${expected.length} ` +
          "paragraph(s). Only the publisher's paragraphs may be passages: our words go in <Note> elements.",
      );
      break;
    }
    const lines = `${source.raw}:${want.lines.length > 1 ? `${want.lines[0]}–${want.lines.at(-1)}` : want.lines[0]}`;
    if (got === undefined) {
      problems.push(`${source.file}: paragraph ${i + 1} of ${source.record} (${lines}) is missing from the page: "${clip(want.text)}". Restore it.`);
      break;
    }
    if (got.text !== want.text) {
      const at = firstDifference(got.text, want.text);
      problems.push(
        `${source.file}: passage ${i + 1} (#${got.id}) differs from ${lines} at character ${at + 1}: the page has ` +
          `"${clip(got.text.slice(Math.max(0, at - 20)))}", the raw text "${clip(want.text.slice(Math.max(0, at - 20)))}". ` +
          "Restore the publisher's text verbatim.",
      );
      break;
    }
  }
  if (page.h1.length !== 1 || page.h1[0] !== source.title) {
    problems.push(`${source.file}:${source.titleLine}: field "title": the page's heading ${JSON.stringify(page.h1)} is not the title "${source.title}".`);
  }
  const headline = source.expectation.headline;
  if (source.titleSource === 'page' && headline !== undefined && headline !== source.title) {
    problems.push(
      `${source.file}:${source.titleLine}: field "title" differs from the headline on ${source.raw}:${source.expectation.headlineLine}: ` +
        `"${headline}". Use the publisher's headline, or set titleSource.`,
    );
  }
  return problems;
}

export const verbatim: Check = {
  name: 'articles verbatim',
  run: (index) => articleSlugs(index.root).flatMap((slug) => checkArticle(index, readArticleSource(index.root, slug))),
};

