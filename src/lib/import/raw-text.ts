/**
 * Reading a raw article file: the bytes are kept as they are (the raw copy is written byte for byte, BOM and
 * all), and the text is decoded as UTF-8 with a message naming the line and byte where it is not. How lines
 * are numbered lives here too, since the import, its record and the post-build check must count alike.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Raised for input that cannot be an article. The message says what is wrong and how to fix it. */
export class RawTextError extends Error {
  override name = 'RawTextError';
}

export interface RawFile {
  bytes: Buffer;
  /** The decoded text, a leading BOM included (rawLines drops it). */
  text: string;
}

/** The raw text's lines as the record numbers them (1-based by position): BOM dropped, any line ending. */
export function rawLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** UTF-16 announces itself with a byte-order mark, or, for mostly-Latin text, with a NUL beside every letter. */
export function utf16Kind(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const sample = bytes.subarray(0, 400);
  let evenNul = 0;
  let oddNul = 0;
  sample.forEach((b, i) => {
    if (b === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  });
  const pairs = sample.length / 2;
  if (pairs >= 4 && oddNul > pairs * 0.6) return 'little-endian';
  if (pairs >= 4 && evenNul > pairs * 0.6) return 'big-endian';
  return undefined;
}

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a raw file's bytes, refusing binary data, UTF-16 and invalid UTF-8 with a message that says what to do. */
export function decodeRawBytes(bytes: Buffer, name: string): string {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    throw new RawTextError(
      `${name}: this is UTF-16 (${utf16}) text; the import reads UTF-8. Convert it first, e.g. ` +
        `\`iconv -f UTF-16${utf16 === 'little-endian' ? 'LE' : 'BE'} -t UTF-8 ${name} > article.txt\`, and import article.txt.`,
    );
  }
  if (bytes.includes(0)) {
    throw new RawTextError(`${name}: this is a binary file (it contains NUL bytes). Pass a UTF-8 text file.`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const before = bytes.subarray(0, bad);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new RawTextError(
      `${name}:${line}: not valid UTF-8 at byte ${bad - lineStart + 1} of line ${line} (byte 0x${hex}, offset ${bad} in the file). ` +
        'The file is probably in another encoding (Windows-1252, Latin-1…): convert it, e.g. ' +
        `\`iconv -f WINDOWS-1252 -t UTF-8 ${name} > article.txt\`, check the result and import that.`,
    );
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Reads a raw article file, keeping its bytes for the verbatim copy. */
export function readRawFile(path: string): RawFile {
  if (!existsSync(path)) throw new RawTextError(`${path}: no such file. Pass the path of a raw article text.`);
  const bytes = readFileSync(path);
  return { bytes, text: decodeRawBytes(bytes, path) };
}
