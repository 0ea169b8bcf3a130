/**
 * npm run ledger [dist-dir] — adds every passage and note id the built article pages carry to their ledgers
 * (content/ledger/<slug>.yaml), creating missing ledgers. It never removes an id or a mapping: a retired id is
 * mapped to its successor by hand, under `moved` (see src/lib/ledger.ts). Run it after a build that reported
 * new ids, and commit the ledgers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articlePaths, articleSlugs } from '../src/lib/content-paths.ts';
import { addToLedger, parseLedger } from '../src/lib/ledger.ts';
import { indexDist } from './checks/dist-index.ts';

function main(): number {
  const root = process.cwd();
  const distName = process.argv[2] ?? 'dist';
  const dist = join(root, distName);
  if (!existsSync(dist)) {
    console.error(`ledger: ${distName}/ does not exist; run npm run build first (its check lists the ids the ledgers lack).`);
    return 1;
  }
  const index = indexDist(root, dist, '/');
  let changed = 0;
  for (const slug of articleSlugs(root)) {
    const page = index.pageAt(`/articles/${slug}/`);
    if (!page) {
      console.error(`ledger: no page for ${slug} in ${distName}/; build first.`);
      return 1;
    }
    const file = articlePaths(slug).ledger;
    const path = join(root, file);
    const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const { ledger } = text === undefined ? { ledger: { ids: [], moved: {} } } : parseLedger(text, file);
    const known = new Set([...ledger.ids, ...Object.keys(ledger.moved)]);
    const added = page.ledgerIds.filter((id) => !known.has(id));
    if (added.length === 0 && text !== undefined) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, addToLedger(text, added));
    changed += 1;
    console.log(`ledger: ${file}: ${text === undefined ? 'created with' : 'added'} ${added.length} id(s)${added.length > 0 ? `: ${added.join(', ')}` : ''}`);
  }
  console.log(changed === 0 ? 'ledger: every published id is already listed.' : `ledger: ${changed} ledger(s) updated; commit them.`);
  return 0;
}

process.exitCode = main();
