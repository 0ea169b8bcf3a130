import { describe, expect, it } from 'vitest';
import { knownCountry } from '../../../src/lib/outlets.ts';

describe('knownCountry', () => {
  it('gives the country where one is established', () => {
    expect(knownCountry('Azerbaijan')).toBe('Azerbaijan');
  });
  it('gives nothing where the outlet says it is not established, whatever the explanation after it', () => {
    expect(knownCountry('Not established')).toBeUndefined();
    expect(knownCountry('Not established (the site names no address)')).toBeUndefined();
  });
});
