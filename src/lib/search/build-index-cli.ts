/**
 * Builds the search index of a built site in a process of its own:
 *   node --import tsx src/lib/search/build-index-cli.ts <dist> <root>
 * Prints the report as JSON on its last line. The build runs it this way (src/integrations/search-index.ts) so
 * that reading 1,000 pages does not happen in Astro's process, whose large heap makes every collection slow.
 */
import { buildSearchIndex } from './build-index.ts';

const [dist, root] = process.argv.slice(2);
if (!dist || !root) {
  console.error('usage: node --import tsx src/lib/search/build-index-cli.ts <dist> <root>');
  process.exit(2);
}
const report = await buildSearchIndex(dist, root);
console.log(JSON.stringify(report));
