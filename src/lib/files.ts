/** Listing and fingerprinting files: what the build, the checks and the bench each need of a folder. */
import { existsSync, readdirSync, statSync } from 'node:fs';
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
