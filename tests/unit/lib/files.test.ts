import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder, makeScratchDir, scratchFolder, statSignature } from '../../../src/lib/files.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-test-'));
  made.push(dir);
  return dir;
};

describe('scratchFolder', () => {
  it('uses the memory-backed candidate when it is writable and has room', () => {
    const candidate = tempDir();
    // A folder on the machine's disk has far more than a gigabyte free here, as /dev/shm would.
    expect(scratchFolder({}, candidate)).toBe(candidate);
  });

  it('falls back to the system temporary folder when the candidate does not exist', () => {
    expect(scratchFolder({}, join(tempDir(), 'no-such-folder'))).toBe(tmpdir());
  });

  it('falls back when the candidate cannot be written to', () => {
    const candidate = tempDir();
    chmodSync(candidate, 0o500);
    try {
      // root may write anywhere, so this case only tells something when the tests run as another user.
      const writable = process.getuid?.() === 0;
      expect(scratchFolder({}, candidate)).toBe(writable ? candidate : tmpdir());
    } finally {
      chmodSync(candidate, 0o700);
    }
  });

  it('keeps to TMPDIR when one is set', () => {
    expect(scratchFolder({ TMPDIR: '/somewhere' }, tempDir())).toBe(tmpdir());
  });

  it('makes a new empty folder each time', () => {
    const a = makeScratchDir('files-test-');
    const b = makeScratchDir('files-test-');
    made.push(a, b);
    expect(a).not.toBe(b);
    expect(statSync(a).isDirectory()).toBe(true);
    expect(filesUnder(a)).toEqual([]);
  });
});

describe('statSignature', () => {
  it('names a missing file as missing', () => {
    const missing = join(tempDir(), 'gone.txt');
    expect(existsSync(missing)).toBe(false);
    expect(statSignature([missing])).toBe(`${missing}:-`);
  });
});
