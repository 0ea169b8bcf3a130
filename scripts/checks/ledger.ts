/**
 * Published ids stay published (src/lib/ledger.ts): every id in an article's ledger is on its page, or mapped
 * under `moved` to one that is, with an anchor for the old id inside it; and every passage or note id on the
 * page is in the ledger. Ids are recognised by what they are (a `.passage` element, an id starting "note-"),
 * so notes join the ledger without this check knowing about them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlePaths, articleSlugs } from '../../src/lib/content-paths.ts';
import { LedgerError, parseLedger, successorOf } from '../../src/lib/ledger.ts';
import type { Check } from './check.ts';
import type { DistIndex } from './dist-index.ts';

const HINT = 'Run `npm run ledger` to add it (it never removes ids)';

export function checkLedger(index: DistIndex, slug: string): string[] {
  const paths = articlePaths(slug);
  const page = index.pageAt(`${index.base}articles/${slug}/`);
  if (!page) return [];
  const file = join(index.root, paths.ledger);
  if (!existsSync(file)) {
    return [`${paths.ledger}: missing; ${page.url} publishes ${page.ledgerIds.length} passage and note id(s). Run \`npm run ledger\` to create it, and commit it.`];
  }
  let parsed;
  try {
    parsed = parseLedger(readFileSync(file, 'utf8'), paths.ledger);
  } catch (error) {
    if (error instanceof LedgerError) return [error.message];
    throw error;
  }
  const { ledger, lineOf } = parsed;
  const onPage = new Set(page.ledgerIds);
  const listed = new Set(ledger.ids);
  const unlisted = page.ledgerIds.filter((id) => !listed.has(id) && ledger.moved[id] === undefined);
  const problems: string[] = [];
  const at = (id: string, section: 'ids' | 'moved' = 'ids') => `${paths.ledger}${lineOf(id, section) === undefined ? '' : `:${lineOf(id, section)}`}`;
  for (const id of ledger.ids) {
    if (onPage.has(id)) continue;
    const successor = successorOf(ledger, id);
    if (successor === undefined) {
      const guess = unlisted.length > 0 ? ` (the page has new id(s) ${unlisted.map((u) => `"${u}"`).join(', ')})` : '';
      problems.push(
        `${at(id)}: the id "${id}" was published on ${page.url} but is gone from it (${paths.article})${guess}. Links to it ` +
          `would land nowhere: map it to its successor under moved: { ${id}: <new-id> }, or pin it back with {/* #${id} */}.`,
      );
    } else if (!onPage.has(successor)) {
      problems.push(`${at(id, 'moved')}: "${id}" is mapped to "${successor}", which is not on ${page.url} either: map it to an id the page has.`);
    } else if (!page.oldIds.some((o) => o.id === id && o.within === successor)) {
      problems.push(
        `${at(id, 'moved')}: "${id}" is mapped to "${successor}", but the page has no anchor with id "${id}" inside it, so old links ` +
          'would not land there. (Passage targets get one from rehype-passage-anchors; map to a passage id.)',
      );
    }
  }
  for (const id of unlisted) {
    problems.push(`${paths.ledger}: ${page.url} (${paths.article}) carries the id "${id}", which the ledger lacks. ${HINT}, or, if it replaces a listed id, map that one to it under moved.`);
  }
  return problems;
}

export const ledger: Check = {
  name: 'id ledger',
  run: (index) => articleSlugs(index.root).flatMap((slug) => checkLedger(index, slug)),
};
