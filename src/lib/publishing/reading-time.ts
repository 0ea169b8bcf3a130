/** Reading aids for an article page: how long the publisher's text takes to read. */

/** Words per minute of an adult reading news prose on screen (a common planning figure; readers vary widely). */
export const WORDS_PER_MINUTE = 230;

export function wordCount(texts: readonly string[]): number {
  return texts.reduce((n, text) => n + (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,:-]*/gu)?.length ?? 0), 0);
}

/** Whole minutes, at least one. */
export function readingMinutes(words: number, wpm = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wpm));
}

export function readingTimeLabel(texts: readonly string[]): { minutes: number; words: number; label: string } {
  const words = wordCount(texts);
  const minutes = readingMinutes(words);
  return { minutes, words, label: `About ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (${words.toLocaleString('en-GB')} words)` };
}
