import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../../../src/lib/frontmatter.ts';
import { importArticle } from '../../../../src/lib/import/import-article.ts';
import { readRawFile } from '../../../../src/lib/import/raw-text.ts';
import { nodeTypes, rawTextErrorFrom, seed, tempDir } from '../../helpers.ts';

let root: string;
let removeRoot: () => void;

beforeEach(() => {
  ({ dir: root, remove: removeRoot } = tempDir('karabakh-import-'));
});
afterEach(() => removeRoot());

/** Writes a raw file into the temporary directory (outside content/) and returns its path. */
function writeRaw(name: string, data: string | Buffer): string {
  const dir = join(root, 'incoming');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Splits a written article into its frontmatter (parsed) and its body. */
function readArticle(path: string): { frontmatter: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(readFileSync(path, 'utf8'));
  if (!split) throw new Error(`${path} has no frontmatter`);
  return { frontmatter: parseYaml(split.yaml) as Record<string, unknown>, body: split.body };
}

function parseMdx(body: string): Root {
  const processor = unified().use(remarkParse).use(remarkMdx);
  return processor.runSync(processor.parse(body)) as Root;
}



const PROSE_1 = 'The first paragraph of the article is long enough to be prose, with more than eighty characters.';
const PROSE_2 = 'The last paragraph of the article is also long enough to be prose, with more than eighty characters.';

describe('importArticle with a seed article', () => {
  it('writes content/articles/<slug>.mdx, a byte-identical content/raw/<slug>.txt and the record', () => {
    const raw = seed('000');
    const result = importArticle({ rawPath: raw.path, root });
    expect(result.slug).toBe('azerbaijan-armenia-confrontation-will-there-be');
    expect(result.mdxPath).toBe(join(root, 'content', 'articles', `${result.slug}.mdx`));
    expect(result.rawCopyPath).toBe(join(root, 'content', 'raw', `${result.slug}.txt`));
    expect(readFileSync(result.rawCopyPath).equals(readFileSync(raw.path))).toBe(true);
    expect(readdirSync(join(root, 'content', 'articles'))).toEqual([`${result.slug}.mdx`]);
    expect(result.recordPath).toBe(join(root, 'content', 'records', `${result.slug}.yaml`));
    expect(existsSync(result.recordPath)).toBe(true);
  });

  it('fills the frontmatter from the page and leaves TODO placeholders for the editor', () => {
    const result = importArticle({ rawPath: seed('000').path, root, slug: 'playing-with-the-fire' });
    const { frontmatter } = readArticle(result.mdxPath);
    expect(frontmatter).toMatchObject({
      title: 'Azerbaijan-Armenia confrontation: Will there be a new escalation? Playing with the fire',
      printedDate: '01 September 2023 14:59',
      published: '2023-09-01',
      language: 'en',
      summarySources: ['TODO'],
      publishedSources: ['TODO'],
      source: { raw: 'content/raw/playing-with-the-fire.txt' },
    });
    expect(frontmatter.titleSource).toBeUndefined(); // the schema's default: printed on the page
    expect(frontmatter.publishedReason).toBeUndefined();
    for (const field of ['publisher', 'url', 'summary'] as const) expect(String(frontmatter[field])).toContain('TODO');
  });

  it('asks for a headline and a publication date when the page prints neither', () => {
    const result = importArticle({ rawPath: seed('003').path, root, slug: 'cargo' });
    const { frontmatter } = readArticle(result.mdxPath);
    expect(frontmatter.titleSource).toBe('editor');
    expect(String(frontmatter.title)).toContain('TODO');
    expect(String(frontmatter.published)).toContain('TODO');
    expect(String(frontmatter.publishedReason)).toContain('TODO');
    expect(frontmatter.printedDate).toBeUndefined();
  });

  it('records --title-line in the record and takes that line as the headline', () => {
    const raw = seed('001');
    const result = importArticle({ rawPath: raw.path, root, slug: 'tension', titleLine: 1 });
    const { frontmatter, body } = readArticle(result.mdxPath);
    expect(frontmatter.title).toBe(raw.line(1));
    expect(frontmatter.source).toEqual({ raw: 'content/raw/tension.txt' });
    expect(parseYaml(readFileSync(result.recordPath, 'utf8')).decisions).toEqual({ titleLine: 1, keep: [], remove: [] });
    expect(body).not.toContain(raw.line(1));
  });

  it('writes the body paragraphs so that MDX reads back exactly the raw lines', () => {
    const raw = seed('000');
    const result = importArticle({ rawPath: raw.path, root, slug: 'fire' });
    const tree = parseMdx(readArticle(result.mdxPath).body);
    expect(tree.children.every((n) => n.type === 'paragraph')).toBe(true);
    expect(tree.children.map((n) => toString(n))).toEqual(result.cleaned.paragraphs.map((p) => raw.line(p.line)));
    expect(tree.children).toHaveLength(14);
  });

  it('reports each removed line with its number and reason', () => {
    const result = importArticle({ rawPath: seed('000').path, root, slug: 'fire' });
    expect(result.report[0]).toBe(
      `Imported ${seed('000').path} as content/articles/fire.mdx (raw copy, byte for byte: content/raw/fire.txt; record of every line: content/records/fire.yaml).`,
    );
    expect(result.report).toContain('Kept 14 paragraph(s) of body text, verbatim.');
    expect(result.report).toContain(
      'Headline (line 24): Azerbaijan-Armenia confrontation: Will there be a new escalation? Playing with the fire',
    );
    expect(result.report).toContain('Printed date (line 26): 01 September 2023 14:59');
    expect(result.report).toContain('Removed 28 line(s) of site chrome:');
    expect(result.report).toContain('  line 1 (menu or share button): twitter');
    expect(result.report).toContain('  line 57 (view counter): Views: 489');
    expect(result.report).toContain('  line 64 ("follow us" line): Follow us on Telegram');
    expect(result.report).toContain('  line 65 ("follow us" line): Follow us on Telegram');
    // One report line per removed line.
    expect(result.report.filter((l) => /^ {2}line \d+ \(/.test(l))).toHaveLength(result.cleaned.removed.length);
    expect(result.report.at(-1)).toMatch(/complete every TODO/);
  });

  it('reports trimmed white space as trimmed, not as verbatim', () => {
    const path = writeRaw('spaces.txt', `Headline of the piece\n\n  ${PROSE_1}\t\n\n${PROSE_2}\n`);
    const result = importArticle({ rawPath: path, root, slug: 'spaces' });
    expect(result.report).toContain('Kept 2 paragraph(s) of body text, verbatim except: white space trimmed around 1 line(s).');
    expect(result.report).toContain('Trimmed white space around 1 line(s): 3 (the rest of each line is verbatim).');
  });

  it('reports short lines kept outside the body for review', () => {
    const path = writeRaw('x.txt', ['Headline here', '', PROSE_1, PROSE_2, 'Related stories'].join('\n'));
    const result = importArticle({ rawPath: path, root, slug: 'x-article' });
    expect(result.report.some((l) => l.startsWith('  line 5: Related stories\n    short line outside the body'))).toBe(true);
    expect(result.report.some((l) => l.startsWith('Review (kept in the article'))).toBe(true);
  });
});

describe('importArticle keeps MDX syntax in the publisher’s text literal', () => {
  const STRAY = [
    PROSE_1,
    'A stray { brace and a } closing one, and an {expression} too, all of them text.',
    '<script>alert("x")</script>',
    'export const minister = "said so"; and this line starts like module code but is prose.',
    'import the goods, the ministry said, through the Aghdam road rather than through Lachin.',
    '# 1 priority, said the minister, is the road; - and * and _ and ` are just characters.',
    '<Term id="x">not a component</Term>',
    PROSE_2,
  ];

  it('writes them so that MDX parses them as plain paragraphs equal to the raw lines', () => {
    const path = writeRaw('stray.txt', `${STRAY.join('\n\n')}\n`);
    const result = importArticle({ rawPath: path, root, slug: 'stray' });
    expect(result.cleaned.paragraphs.map((p) => p.text)).toEqual(STRAY);
    const tree = parseMdx(readArticle(result.mdxPath).body);
    expect(tree.children.map((n) => n.type)).toEqual(STRAY.map(() => 'paragraph'));
    expect(tree.children.map((n) => toString(n))).toEqual(STRAY);
    const types = nodeTypes(tree);
    for (const forbidden of ['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'heading', 'list', 'emphasis', 'inlineCode']) {
      expect(types).not.toContain(forbidden);
    }
  });
});

describe('importArticle refuses what it must not import', () => {
  it('never overwrites an existing article, and says which file is in the way', () => {
    const path = seed('002').path;
    const first = importArticle({ rawPath: path, root, slug: 'four-soldiers' });
    writeFileSync(first.mdxPath, 'edited by hand\n');
    const error = rawTextErrorFrom(() => importArticle({ rawPath: seed('004').path, root, slug: 'four-soldiers' }));
    expect(error.message).toContain('content/articles/four-soldiers.mdx already exists');
    expect(error.message).toMatch(/never overwrites/);
    expect(readFileSync(first.mdxPath, 'utf8')).toBe('edited by hand\n');
    expect(readFileSync(first.rawCopyPath).equals(readFileSync(path))).toBe(true);
  });

  it('refuses when only the raw copy exists, and writes no article', () => {
    mkdirSync(join(root, 'content', 'raw'), { recursive: true });
    writeFileSync(join(root, 'content', 'raw', 'lonely.txt'), 'keep me');
    const error = rawTextErrorFrom(() => importArticle({ rawPath: seed('004').path, root, slug: 'lonely' }));
    expect(error.message).toContain('content/raw/lonely.txt already exists');
    expect(existsSync(join(root, 'content', 'articles', 'lonely.mdx'))).toBe(false);
    expect(readFileSync(join(root, 'content', 'raw', 'lonely.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses a binary file (NUL bytes) and writes nothing', () => {
    const path = writeRaw('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const error = rawTextErrorFrom(() => importArticle({ rawPath: path, root, slug: 'image' }));
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/binary file/);
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('refuses invalid UTF-8 and writes nothing', () => {
    // "Café" saved as Windows-1252 on line 2: é is the single byte 0xE9.
    const path = writeRaw('latin.txt', Buffer.concat([Buffer.from(`${PROSE_1}\nAt the Caf`), Buffer.from([0xe9]), Buffer.from(` Roma.\n`)]));
    const error = rawTextErrorFrom(() => importArticle({ rawPath: path, root, slug: 'latin' }));
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid UTF-8 at byte 11 of line 2 \\(byte 0xE9`));
    expect(error.message).toMatch(/iconv -f WINDOWS-1252 -t UTF-8/);
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('refuses an empty file', () => {
    const path = writeRaw('empty.txt', '');
    expect(rawTextErrorFrom(() => importArticle({ rawPath: path, root, slug: 'empty' })).message).toMatch(/empty\.txt: the file is empty/);
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('refuses a file with no body left after cleaning', () => {
    const path = writeRaw('chrome.txt', 'twitter\nfacebook\nViews: 489\nComments (0)\nFollow us on Telegram\n');
    expect(rawTextErrorFrom(() => importArticle({ rawPath: path, root, slug: 'chrome' })).message).toMatch(
      /chrome\.txt: no article body is left after removing site chrome/,
    );
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('refuses a missing file', () => {
    const path = join(root, 'nope.txt');
    expect(rawTextErrorFrom(() => importArticle({ rawPath: path, root })).message).toBe(
      `${path}: no such file. Pass the path of a raw article text.`,
    );
  });

  it.each(['Has-Capitals', 'double--hyphen', 'with space', '../escape', 'ends-with/slash'])('refuses the slug %j', (slug) => {
    const error = rawTextErrorFrom(() => importArticle({ rawPath: seed('004').path, root, slug }));
    expect(error.message).toContain(`--slug "${slug}" is not usable in a URL`);
    expect(existsSync(join(root, 'content'))).toBe(false);
  });
});

describe('readRawFile', () => {
  it('reads UTF-8 text and keeps its bytes, byte-order mark included', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Qarabağ “x”')]);
    const path = writeRaw('bom.txt', bytes);
    expect(readRawFile(path).text).toBe('\uFEFFQarabağ “x”');
    expect(readRawFile(path).bytes.equals(bytes)).toBe(true);
  });
});
