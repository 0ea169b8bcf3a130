import { describe, expect, it } from 'vitest';
import { withBase } from '../../../src/plugins/remark-base-links.ts';

describe('withBase', () => {
  it('prefixes root-relative links with the base path', () => {
    expect(withBase('/places/karabakh/', '/karabakh/')).toBe('/karabakh/places/karabakh/');
    expect(withBase('/places/karabakh/', '/')).toBe('/places/karabakh/');
  });
  it('leaves absolute, protocol-relative, fragment and already-based links alone', () => {
    expect(withBase('https://example.org/a', '/karabakh/')).toBe('https://example.org/a');
    expect(withBase('//example.org/a', '/karabakh/')).toBe('//example.org/a');
    expect(withBase('#note-x', '/karabakh/')).toBe('#note-x');
    expect(withBase('/karabakh/places/x/', '/karabakh/')).toBe('/karabakh/places/x/');
  });
});
