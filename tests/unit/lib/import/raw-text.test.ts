import { describe, expect, it } from 'vitest';
import { cleanRawArticle, LOST_BREAKS_LENGTH } from '../../../../src/lib/import/clean.ts';
import { decodeRawBytes, firstInvalidUtf8, rawLines, utf16Kind } from '../../../../src/lib/import/raw-text.ts';
import { rawTextErrorFrom } from '../../helpers.ts';

const PROSE = 'The paragraph is long enough to count as running prose, with more than eighty characters in it.';

describe('decodeRawBytes', () => {
  it('names UTF-16 text as UTF-16 and says how to convert it, with or without a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')]);
    expect(utf16Kind(le)).toBe('little-endian');
    const message = rawTextErrorFrom(() => decodeRawBytes(le, 'a.txt')).message;
    expect(message).toBe(
      'a.txt: this is UTF-16 (little-endian) text; the import reads UTF-8. Convert it first, e.g. `iconv -f UTF-16LE -t UTF-8 a.txt > article.txt`, and import article.txt.',
    );
    expect(utf16Kind(Buffer.from(PROSE, 'utf16le'))).toBe('little-endian');
    const be = Buffer.from(PROSE, 'utf16le').swap16();
    expect(utf16Kind(be)).toBe('big-endian');
    expect(rawTextErrorFrom(() => decodeRawBytes(be, 'b.txt')).message).toMatch(/UTF-16 \(big-endian\).*UTF-16BE/);
  });

  it('gives the line and byte of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('first line\nsecond ça'), Buffer.from([0xc3, 0x28]), Buffer.from(' end\n')]);
    expect(firstInvalidUtf8(bytes)).toBe(21);
    expect(rawTextErrorFrom(() => decodeRawBytes(bytes, 'x.txt')).message).toMatch(/^x\.txt:2: not valid UTF-8 at byte 11 of line 2 \(byte 0xC3, offset 21 in the file\)/);
  });

  it('rejects overlong forms and surrogates, accepts every script and emoji', () => {
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('Ղարաբաղ Qarabağ Карабах 🌿'))).toBe(-1);
  });

  it('keeps a byte-order mark in the text (the raw copy is byte for byte); rawLines drops it', () => {
    const text = decodeRawBytes(Buffer.from(`\uFEFF${PROSE}\r\nline two`), 'bom.txt');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rawLines(text)).toEqual([PROSE, 'line two']);
  });
});

describe('a 200 KB single line', () => {
  it('is imported as one paragraph, with a warning that the line breaks look lost', () => {
    const line = `${PROSE} `.repeat(Math.ceil(200_000 / (PROSE.length + 1))).trim();
    expect(line.length).toBeGreaterThan(LOST_BREAKS_LENGTH);
    const result = cleanRawArticle(`${line}\n`);
    expect(result.paragraphs).toHaveLength(1);
    expect(result.paragraphs[0]?.text).toBe(line);
    expect(result.warnings).toEqual([expect.stringMatching(/^line 1 is 200 thousand characters long: the file's line breaks look lost/)]);
  });
});
