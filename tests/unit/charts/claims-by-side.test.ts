import { describe, expect, it } from 'vitest';
import { claimsBySide, type VoiceClaim } from '../../../src/charts/voices.ts';

describe('claimsBySide', () => {
  it('gives each article and side its claims in their order, and none for others', () => {
    const claims: VoiceClaim[] = [
      { article: 'a', speaker: 'people/x', name: 'X', side: 'azerbaijani-official' },
      { article: 'b', speaker: 'people/y', name: 'Y', side: 'azerbaijani-official' },
      { article: 'a', speaker: 'people/z', name: 'Z', side: 'third-party' },
      { article: 'a', speaker: 'people/w', name: 'W', side: 'azerbaijani-official' },
    ];
    const of = claimsBySide(claims);
    expect(of('a', 'azerbaijani-official').map((c) => c.name)).toEqual(['X', 'W']);
    expect(of('a', 'third-party').map((c) => c.name)).toEqual(['Z']);
    expect(of('b', 'third-party')).toEqual([]);
    expect(of('c', 'analyst')).toEqual([]);
  });
});
