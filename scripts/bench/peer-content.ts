/**
 * The Starlight peer's articles, made the way the peer's make_content.py makes them: each raw text's lines longer
 * than 80 characters are its paragraphs; the five originals, then synthetic articles of 12 paragraphs drawn at
 * random (seeded, so every run builds the same text) from all of them, as MDX. `<` and `{` are written as
 * character references, as the script does, so MDX reads the text as text.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const escape = (p: string) => p.replaceAll('<', '&lt;').replaceAll('{', '&#123;');

/** A small seeded generator (mulberry32): the same sample on every run and machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: readonly T[], k: number, next: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < k && pool.length > 0) picked.push(...pool.splice(Math.floor(next() * pool.length), 1));
  return picked;
}

/** Writes `total` articles (the raw texts first, then synthetic ones) into `outDir`; returns how many. */
export function writePeerArticles(rawDir: string, outDir: string, total: number): number {
  mkdirSync(outDir, { recursive: true });
  const all: string[] = [];
  const raws = readdirSync(rawDir).filter((n) => n.endsWith('.txt')).sort();
  raws.forEach((name, i) => {
    const paras = readFileSync(join(rawDir, name), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 80);
    all.push(...paras);
    const title = (paras[0] ?? name).slice(0, 90).replace(/\.+$/, '').replaceAll('"', '');
    writeFileSync(join(outDir, `seed-${i}.mdx`), `---\ntitle: "${title}"\n---\n\n${paras.map(escape).join('\n\n')}\n`);
  });
  const next = random(7);
  for (let k = 0; k < total - raws.length; k++) {
    const body = sample(all, 12, next).map(escape).join('\n\n');
    writeFileSync(join(outDir, `synthetic-${String(k).padStart(5, '0')}.mdx`), `---\ntitle: "Synthetic article ${k}"\n---\n\n${body}\n`);
  }
  return Math.max(total, raws.length);
}
