import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent, ContentError, formatProblem, type ContentProblem } from '../../../src/lib/content-check.ts';
import { REPO_ROOT, tempDir } from '../helpers.ts';

/**
 * A small, valid content tree. Line numbers matter to the tests: in content/articles/x.mdx the frontmatter starts
 * on line 2 (title), publisher is line 3, printedDate 5, published 6, summary 7, summarySources 8,
 * publishedSources 9, source.raw 14.
 */
const ARTICLE_LINES = [
  '---', // 1
  'title: A headline of the article', // 2
  'publisher: o', // 3
  'url: https://example.org/a', // 4
  'printedDate: 01 September 2023 14:59', // 5
  'published: 2023-09-01', // 6
  'summary: A summary of our own, long enough to pass the forty-character minimum.', // 7
  'summarySources: [s1]', // 8
  'publishedSources: [s1]', // 9
  '# (lines 10–12 keep the numbering of the tests below)', // 10
  '#', // 11
  '#', // 12
  'source:', // 13
  '  raw: content/raw/x.txt', // 14
  '---', // 15
  '', // 16
  "The publisher's first paragraph.", // 17
  '',
];

const VALID: Record<string, string> = {
  'content/articles/x.mdx': ARTICLE_LINES.join('\n'),
  'content/raw/x.txt': "A headline of the article\n\nThe publisher's first paragraph.\n",
  'content/outlets/o.md': [
    '---',
    'name: Outlet',
    'country: Azerbaijan',
    'kind: news site',
    'stance: Described as pro-government by Someone.',
    'website: https://example.org/',
    'sources: [s1]',
    '---',
    '',
  ].join('\n'),
  'content/people/p.md': [
    '---',
    'name: A Person',
    'forms: [A Person]',
    'short: A person the test article mentions.',
    'description: A person mentioned in the article, for the test.',
    'role: Minister of Things',
    'side: analyst',
    'sources: [s1]',
    '---',
    '',
  ].join('\n'),
  'content/sources.yaml': [
    '- id: s1', // 1
    '  title: Source one',
    '  publisher: Publisher',
    '  url: https://example.org/s1',
    '- id: s2', // 5
    '  title: Source two',
    '  publisher: Publisher',
    '  url: https://example.org/s2',
    '  date: 2023-09-19',
    '',
  ].join('\n'),
  'content/events.yaml': [
    '- id: 2023-09-19-offensive', // 1
    '  date: 2023-09-19',
    '  description: Something happened on that day.',
    '  sources: [s1, s2]', // 4
    '  title: Something happened',
    '',
  ].join('\n'),
};

let root: string;
let removeRoot: () => void;

beforeEach(() => {
  ({ dir: root, remove: removeRoot } = tempDir('karabakh-content-'));
});
afterEach(() => removeRoot());

/** Writes the valid tree with some files replaced (a string) or removed (null). */
function writeTree(changes: Record<string, string | null> = {}): void {
  const files = { ...VALID, ...changes };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The article with line `n` (1-based) replaced, or removed when `text` is null. */
function articleWith(n: number, text: string | null): string {
  const lines = [...ARTICLE_LINES];
  if (text === null) lines.splice(n - 1, 1);
  else lines[n - 1] = text;
  return lines.join('\n');
}

/** The article with `text` inserted as a new line before line `n`. */
function articleInserting(n: number, text: string): string {
  const lines = [...ARTICLE_LINES];
  lines.splice(n - 1, 0, text);
  return lines.join('\n');
}

function check(changes: Record<string, string | null> = {}): ContentProblem[] {
  writeTree(changes);
  return checkContent(root);
}

/** The one problem about `field` (fails with the whole list when there is not exactly one). */
function problemAbout(problems: ContentProblem[], field: string): ContentProblem {
  const matching = problems.filter((p) => p.field === field);
  expect(matching, problems.map(formatProblem).join('\n')).toHaveLength(1);
  return matching[0] as ContentProblem;
}

describe('checkContent on fixture trees', () => {
  it('finds no problem in a valid tree', () => {
    expect(check().map(formatProblem)).toEqual([]);
  });

  it('finds no problem in an empty repository (no content/ yet)', () => {
    expect(checkContent(root)).toEqual([]);
  });

  it('reports a missing field with file, line and field', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(7, null) });
    const p = problemAbout(problems, 'summary');
    expect(p.file).toBe('content/articles/x.mdx');
    // A missing field has no line of its own: the start of the frontmatter is reported.
    expect(p.line).toBe(2);
    expect(problems).toHaveLength(1);
  });

  it('reports an impossible date (2023-02-30) on its line', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(6, 'published: 2023-02-30') });
    const p = problemAbout(problems, 'published');
    expect(p).toMatchObject({ file: 'content/articles/x.mdx', line: 6 });
    expect(p.message).toMatch(/real date written YYYY-MM-DD/);
    expect(formatProblem(p)).toMatch(/^content\/articles\/x\.mdx:6: field "published": Expected a real date/);
  });

  it('reports an unknown outlet, saying how to fix it', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(3, 'publisher: bbc') });
    const p = problemAbout(problems, 'publisher');
    expect(p).toMatchObject({ file: 'content/articles/x.mdx', line: 3 });
    expect(p.message).toContain('unknown outlets entry "bbc"');
    expect(p.message).toContain('Add content/outlets/bbc.md or use an existing id (o)');
    expect(problems).toHaveLength(1);
  });

  it('reports an unknown source cited by an event, in the YAML file and on its line', () => {
    const events = VALID['content/events.yaml']?.replace('[s1, s2]', '[s1, s9]') ?? '';
    const p = problemAbout(check({ 'content/events.yaml': events }), 'sources.1');
    expect(p).toMatchObject({ file: 'content/events.yaml', line: 4 });
    expect(p.message).toContain('unknown sources entry "s9"');
    expect(p.message).toContain('an entry in content/sources.yaml');
  });

  it('reports a TODO placeholder left by the import', () => {
    const problems = check({
      'content/articles/x.mdx': articleWith(7, 'summary: "TODO: two or three sentences of our own on what the article says."'),
    });
    const p = problemAbout(problems, 'summary');
    expect(p).toMatchObject({ file: 'content/articles/x.mdx', line: 7 });
    expect(p.message).toMatch(/still a placeholder/);
    expect(p.message).toMatch(/complete it before publishing/);
  });

  it('reports every placeholder of a freshly imported article', () => {
    const problems = check({
      'content/articles/x.mdx': articleWith(3, 'publisher: TODO-outlet-id').replace(
        'url: https://example.org/a',
        'url: https://TODO.example/original-article-address',
      ),
    });
    const placeholders = problems.filter((p) => /placeholder/.test(p.message)).map((p) => [p.field, p.line]);
    expect(placeholders).toEqual([
      ['publisher', 3],
      ['url', 4],
    ]);
    // One problem per field: the placeholder is not also an unknown outlet to create as TODO-outlet-id.md.
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toBe(
      'still a placeholder ("TODO-outlet-id"): put the id of one of the outlets here (o), or add content/outlets/<id>.md.',
    );
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/TODO-outlet-id\.md/);
  });

  it('reports an invalid publication date once, without the follow-on "say why" error', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(6, 'published: 2023-13-01') });
    expect(problems).toEqual([
      { file: 'content/articles/x.mdx', line: 6, field: 'published', message: expect.stringMatching(/^Expected a real date/) },
    ]);
  });

  it('reports a duplicate id in sources.yaml, naming both places', () => {
    const sources = VALID['content/sources.yaml']?.replace('- id: s2', '- id: s1') ?? '';
    const problems = check({ 'content/sources.yaml': sources });
    const p = problemAbout(problems, 'id');
    expect(p).toMatchObject({ file: 'content/sources.yaml', line: 5 });
    expect(p.message).toContain('duplicate id "s1" (first used at content/sources.yaml:1)');
  });

  it('reports a missing raw file', () => {
    const p = problemAbout(check({ 'content/raw/x.txt': null }), 'source.raw');
    expect(p).toMatchObject({ file: 'content/articles/x.mdx', line: 14 });
    expect(p.message).toContain('content/raw/x.txt does not exist');
  });

  it('reports a printed date that differs from published when no reason is given', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(6, 'published: 2023-09-02') });
    const p = problemAbout(problems, 'publishedReason');
    // publishedReason is missing, so the start of the frontmatter is reported.
    expect(p).toMatchObject({ file: 'content/articles/x.mdx', line: 2 });
    expect(p.message).toContain('"01 September 2023 14:59"');
    expect(p.message).toContain('2023-09-02');
    expect(p.message).toMatch(/say in a sentence why/);
  });

  it('accepts a differing printed date once a reason is given', () => {
    const changed = articleInserting(7, 'publishedReason: The page shows the time of its last update, not of publication.');
    expect(check({ 'content/articles/x.mdx': changed.replace('published: 2023-09-01', 'published: 2023-08-31') })).toEqual([]);
  });

  it('asks for a reason when no date is printed', () => {
    const p = problemAbout(check({ 'content/articles/x.mdx': articleWith(5, null) }), 'publishedReason');
    expect(p.message).toMatch(/No date is printed on the page/);
  });

  it('reports YAML syntax errors in frontmatter with the file line', () => {
    const problems = check({ 'content/articles/x.mdx': articleWith(4, 'url: [unclosed') });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.file).toBe('content/articles/x.mdx');
    expect(problems[0]?.message).toMatch(/^YAML syntax/);
    // The parser notices the unclosed bracket on the next line.
    expect(problems[0]?.line).toBe(5);
  });

  // KNOWN BUG (src/lib/content-check.ts, parseFrontmatterFile): the first line of the yaml library's message is
  // kept, and it cites the line within the frontmatter ("at line 4"), one less than the file line reported (5).
  // Remove `.fails` once fixed.
  it('does not cite a different line number inside a YAML syntax message', () => {
    const [p] = check({ 'content/articles/x.mdx': articleWith(4, 'url: [unclosed') });
    const cited = /at line (\d+)/.exec(p?.message ?? '')?.[1];
    expect(cited === undefined || Number(cited) === p?.line).toBe(true);
  });

  it('reports a file without frontmatter on line 1', () => {
    const problems = check({ 'content/people/p.md': 'Just text.\n' });
    expect(problems.find((p) => p.file === 'content/people/p.md')).toMatchObject({ line: 1, message: expect.stringMatching(/no frontmatter/) });
  });

  it('reports an article with no text after its frontmatter', () => {
    const problems = check({ 'content/articles/x.mdx': ARTICLE_LINES.slice(0, 15).join('\n') + '\n\n' });
    expect(problems.map(formatProblem)).toEqual([
      "content/articles/x.mdx: the article has no text after its frontmatter: import the publisher's text with npm run import.",
    ]);
  });

  it('reports file names that cannot be ids, and files with the wrong extension', () => {
    const problems = check({ 'content/outlets/Big Outlet.md': VALID['content/outlets/o.md'] ?? '', 'content/people/q.mdx': 'x' });
    expect(problems.find((p) => p.file === 'content/outlets/Big Outlet.md')?.message).toMatch(/rename it to lowercase/);
    expect(problems.find((p) => p.file === 'content/people/q.mdx')?.message).toMatch(/must end in \.md/);
  });

  it('reports a place with out-of-range coordinates', () => {
    const place = [
      '---',
      'name: Somewhere',
      'description: A place named in the article, for the test.',
      'coordinates:',
      '  lat: 139.8',
      '  lon: 46.7',
      'sources: [s1]',
      '---',
      '',
    ].join('\n');
    const p = problemAbout(check({ 'content/places/somewhere.md': place }), 'coordinates.lat');
    expect(p).toMatchObject({ file: 'content/places/somewhere.md', line: 5 });
  });
});

describe('formatProblem and ContentError', () => {
  it('formats a problem as file:line: field "x": message', () => {
    expect(formatProblem({ file: 'a.md', line: 3, field: 'title', message: 'too short.' })).toBe('a.md:3: field "title": too short.');
    expect(formatProblem({ file: 'a.md', message: 'bad name.' })).toBe('a.md: bad name.');
  });

  it('lists every problem in its message', () => {
    const error = new ContentError([
      { file: 'a.md', line: 3, field: 'title', message: 'too short.' },
      { file: 'b.md', message: 'bad name.' },
    ]);
    expect(error.name).toBe('ContentError');
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe('2 problem(s) in content/:\n  - a.md:3: field "title": too short.\n  - b.md: bad name.');
  });
});

describe('checkContent on the real content/', () => {
  // Must pass once every article, outlet and entity is complete (no TODO left): the build refuses otherwise.
  // Reads every file under content/: allow for a slow, shared machine.
  it('finds no problem', { timeout: 60_000 }, () => {
    expect(checkContent(REPO_ROOT).map(formatProblem)).toEqual([]);
  });
});
