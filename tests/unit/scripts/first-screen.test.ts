import { describe, expect, it } from 'vitest';
import { blockingResources, firstScreenLength } from '../../../scripts/bench/first-screen.ts';

describe('bench: what the first screen needs', () => {
  it('lists linked stylesheets and classic scripts in <head>, not modules, async, deferred or JSON', () => {
    const html =
      '<html><head><link rel="stylesheet" href="/a.css"><script src="/b.js"></script><script type="module" src="/c.js"></script>' +
      '<script async src="/d.js"></script><script type="application/ld+json">{}</script><style>p{}</style></head><body></body></html>';
    expect(blockingResources(html)).toEqual(['/a.css', '/b.js']);
  });

  // Nodes in document order: html, head, body, p, text "one", div, text "two", p, text "three".
  const html = '<html><head></head><body><p>one</p><div>two</div><p>three</p></body></html>';

  it('ends after the last element or text that shows on the screen', () => {
    // The first paragraph shows whole; nothing after it does.
    const shown = [2, 1, 2, 1, 1, 0, 0, 0, 0];
    expect(html.slice(0, firstScreenLength(html, shown))).toBe('<html><head></head><body><p>one</p>');
  });

  it('takes only the start tag of an element that runs on below the screen, and counts what shows after a gap', () => {
    const shown = [2, 1, 2, 1, 1, 0, 0, 2, 0];
    expect(html.slice(0, firstScreenLength(html, shown))).toBe('<html><head></head><body><p>one</p><div>two</div><p>');
  });

  it('says so when the browser and the parser disagree about the page', () => {
    expect(() => firstScreenLength(html, [1, 1])).toThrow(/the browser saw 2 elements and texts, the parser 9/);
  });
});
