/**
 * The names of every background entry, for the search index (which runs after the build, outside Astro's
 * collections). Read through the entity code's one reader of content/people|places|organizations|glossary.
 */
import { readEntityEntries } from '../entities/entries.ts';
import type { EntityNames } from './names.ts';

export function readEntityNames(root: string): EntityNames[] {
  return readEntityEntries(root).map((e) => ({ ref: e.ref, name: e.name, alternateNames: e.alternateNames, forms: e.forms }));
}
