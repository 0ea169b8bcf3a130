/** Listing and fingerprinting files: what the build, the checks and the bench each need of a folder. */
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, statfsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every file under `dir`, recursively (none when it does not exist); folders `skip` returns true for are left out. */
export function filesUnder(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (!d.isDirectory()) return [path];
    return skip(path) ? [] : filesUnder(path, skip);
  });
}

/**
 * A string that changes when any of `files` is changed, created or deleted (one stat each: size and modification
 * time), for caches that must not outlive what they were read from.
 */
export function statSignature(files: readonly string[]): string {
  return files
    .map((f) => {
      if (!existsSync(f)) return `${f}:-`;
      const s = statSync(f);
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

/** Free space a memory-backed folder must have for scratchFolder to use it. */
const SCRATCH_MIN_FREE_BYTES = 1024 ** 3;

/**
 * Where short-lived files go that the build writes and reads back at once (the page copies the search index
 * reads): /dev/shm, a memory-backed folder on Linux, when it exists, is writable and has a gigabyte free, since
 * creating a thousand files there costs a tenth of what it costs on a disk (npm run bench: the copies at 1,000
 * articles took 1.7–1.8 s there against 2.6–4.0 s in /tmp). Otherwise, or when TMPDIR names a folder, the system's
 * temporary folder. `candidate` is for the tests.
 */
export function scratchFolder(env: NodeJS.ProcessEnv = process.env, candidate = '/dev/shm'): string {
  if (env['TMPDIR']) return tmpdir();
  try {
    accessSync(candidate, constants.W_OK);
    const fs = statfsSync(candidate);
    if (fs.bavail * fs.bsize >= SCRATCH_MIN_FREE_BYTES) return candidate;
  } catch {
    // No such folder, or not ours to write: the system's temporary folder serves.
  }
  return tmpdir();
}

/** A new empty folder under scratchFolder(), named `prefix` and a random suffix; the caller removes it. */
export function makeScratchDir(prefix: string): string {
  return mkdtempSync(join(scratchFolder(), prefix));
}
