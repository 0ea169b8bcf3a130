/**
 * The one frontmatter reader: splits a Markdown/MDX file into its YAML block and its body, and says on which
 * line of the file each begins, so errors can point at the file's own lines.
 */
export interface FrontmatterSplit {
  /** The YAML between the --- lines. */
  yaml: string;
  /** Line of the file where the YAML starts (the line after the opening ---). */
  yamlLine: number;
  /** Everything after the closing --- line. */
  body: string;
  /** Character offset in the file where the body starts. */
  bodyOffset: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/;

/** The file's frontmatter and body, or undefined when it does not start with a --- block. */
export function splitFrontmatter(text: string): FrontmatterSplit | undefined {
  const match = FRONTMATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  const offset = text.startsWith('\uFEFF') ? 1 : 0;
  return { yaml: match[1] ?? '', yamlLine: 2, body: text.slice(offset + match[0].length), bodyOffset: offset + match[0].length };
}
