// A file of its own: freezing is for the whole process (a render worker), and Vitest gives each file its own.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitySignature, freezeContentSignatures } from '../../../../src/lib/entities/entries.ts';
import { tempDir } from '../../helpers.ts';

describe('freezeContentSignatures', () => {
  it('follows changes until frozen, then keeps the signature it read', () => {
    const { dir, remove } = tempDir();
    try {
      mkdirSync(join(dir, 'content', 'people'), { recursive: true });
      const file = join(dir, 'content', 'people', 'a.md');
      writeFileSync(file, 'A');
      const first = entitySignature(dir);
      utimesSync(file, new Date(1000), new Date(1000));
      const second = entitySignature(dir);
      expect(second).not.toBe(first);
      freezeContentSignatures();
      const frozen = entitySignature(dir);
      expect(frozen).toBe(second);
      utimesSync(file, new Date(2000), new Date(2000));
      expect(entitySignature(dir)).toBe(frozen);
    } finally {
      remove();
    }
  });
});
