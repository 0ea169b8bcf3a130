import { describe, expect, it } from 'vitest';
import { entityFacts, formatCoordinates, languageName, sideLabel } from '../../../../src/lib/entities/labels.ts';

describe('labels', () => {
  it('names languages and sides in words', () => {
    expect(languageName('hy')).toBe('Armenian');
    expect(languageName('az')).toBe('Azerbaijani');
    expect(languageName('not a code!')).toBe('not a code!');
    expect(sideLabel('karabakh-armenian-official')).toBe('Official of the Karabakh Armenian de facto authorities');
  });

  it('writes coordinates with hemispheres, approximate unless checked', () => {
    expect(formatCoordinates({ lat: 39.8153, lon: 46.7519 })).toBe('39.815° N, 46.752° E (approximate)');
    expect(formatCoordinates({ lat: -1, lon: -2.5, exact: true })).toBe('1.000° S, 2.500° W');
  });

  it('lists the facts each kind has', () => {
    expect(entityFacts('people', { role: 'President', side: 'azerbaijani-official' })).toEqual([
      ['Role at the time of the articles', 'President'],
      ['Speaks as', 'Azerbaijani official'],
    ]);
    expect(entityFacts('places', { kind: 'city', coordinates: { lat: 40, lon: 45, exact: true } })).toEqual([
      ['Kind of place', 'city'],
      ['Coordinates', '40.000° N, 45.000° E'],
    ]);
    expect(entityFacts('glossary', { category: 'legal' })).toEqual([['Kind of term', 'legal']]);
  });
});
