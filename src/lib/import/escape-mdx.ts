/**
 * Escapes one paragraph of publisher's text so that MDX (with GFM) renders it back character for character.
 *
 * MDX reads `{`/`}` as JavaScript, `<` as JSX and `import`/`export` at the start of a line as module code; Markdown
 * reads `*`, `_`, `` ` ``, `[`, `]`, `~`, `\` and `&` inline and `#`, `>`, `-`, `+`, `1.` at the start of a line.
 * Backslash escapes (CommonMark allows one before any ASCII punctuation) cover all but the keywords, which are
 * written with a character reference for their first letter. The site's pipeline runs without GFM
 * (astro.config.mjs), so bare addresses stay text: no link appears that the publisher did not write.
 */
const INLINE_SPECIAL = /[\\`*_{}[\]<>~&|]/g;

export function escapeMdxText(text: string): string {
  if (/[\r\n]/.test(text)) {
    throw new Error('escapeMdxText takes one paragraph on one line; split the text into paragraphs first.');
  }
  let out = text.replace(INLINE_SPECIAL, (ch) => `\\${ch}`);
  // Block syntax at the start of the line: headings, lists, thematic breaks, block quotes (escaped above).
  out = out.replace(/^(#|-|\+|=)/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  // ESM: a line starting with `import` or `export` followed by white space or a brace is read as module code.
  out = out.replace(/^(i)(mport\b)|^(e)(xport\b)/, (_m, i, rest1, e, rest2) =>
    i ? `&#x${i.charCodeAt(0).toString(16)};${rest1}` : `&#x${e.charCodeAt(0).toString(16)};${rest2}`,
  );
  return out;
}
