import { describe, expect, it } from 'vitest';
import { readingMinutes, readingTimeLabel, wordCount } from '../../../../src/lib/publishing/reading-time.ts';

describe('reading time', () => {
  it('counts words across paragraphs, with hyphens, apostrophes and numbers as one word each', () => {
    expect(wordCount(["Azerbaijan's 24-hour offensive", 'began on 19.09.2023 — at 13:00.'])).toBe(8);
  });
  it('rounds to whole minutes, never below one', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(230 * 4 + 100)).toBe(4);
    expect(readingTimeLabel(['word '.repeat(700)]).label).toBe('About 3 minutes (700 words)');
  });
});

import { queryFromMissingPath } from '../../../../src/lib/publishing/not-found.ts';

describe('404 search suggestion', () => {
  it('takes the last words of the missing address, under the base', () => {
    expect(queryFromMissingPath('/karabakh/people/ilham-aliev/', '/karabakh/')).toBe('ilham aliev');
    expect(queryFromMissingPath('/Stepanakert%20city.html')).toBe('Stepanakert city');
    expect(queryFromMissingPath('/')).toBe('');
  });
});
