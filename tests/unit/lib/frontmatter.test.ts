import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('splits the YAML from the body and says where the body starts', () => {
    const text = '---\ntitle: A\nsource:\n  raw: x\n---\n\nBody line.\n';
    const split = splitFrontmatter(text);
    expect(split).toEqual({ yaml: 'title: A\nsource:\n  raw: x', yamlLine: 2, body: '\nBody line.\n', bodyOffset: text.indexOf('\nBody') });
  });

  it('reads Windows line endings, a byte-order mark and an empty block', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nBody')?.body).toBe('Body');
    expect(splitFrontmatter('---\n---\nBody')?.yaml).toBe('');
  });

  it('is undefined for a file without frontmatter', () => {
    expect(splitFrontmatter('Body only\n---\n')).toBeUndefined();
  });
});
