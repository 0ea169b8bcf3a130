import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { cleanRawArticle } from '../../../../src/lib/import/clean.ts';
import { expectationFrom, parseRecord, recordFromClean, RecordError, stringifyRecord } from '../../../../src/lib/import/record.ts';
import { REPO_ROOT, seed } from '../../helpers.ts';

const FILES = { record: 'content/records/x.yaml', raw: 'content/raw/x.txt', update: 'npm run import -- --update x' };

function recordOf(prefix: string, decisions = {}) {
  const raw = seed(prefix);
  return { raw, record: recordFromClean('content/raw/x.txt', cleanRawArticle(raw.text, decisions), raw.text, decisions) };
}

describe('the import record', () => {
  it('round-trips through its file, and the file is YAML an editor can read', () => {
    const { record } = recordOf('000');
    const text = stringifyRecord(record);
    expect(parseRecord(text, FILES.record).record).toEqual(record);
    const yaml = parseYaml(text);
    expect(yaml.lines[24]).toEqual({ text: 'Azerbaijan-Armenia confrontation: Will there be a new escalation? Playing with the fire', headline: true });
    expect(yaml.lines[1]).toEqual({ text: 'twitter', removed: 'menu or share button' });
  });

  it('reads a record an editor reformatted (block style, comments) the same way', () => {
    const { record } = recordOf('001', { titleLine: 1 });
    const yaml = parseYaml(stringifyRecord(record));
    const reformatted = `# edited by hand\n${stringify(yaml)}`;
    expect(parseRecord(reformatted, FILES.record).record).toEqual(record);
  });

  it('accounts for every non-blank raw line, and gives the paragraphs the page must show', () => {
    const { raw, record } = recordOf('000');
    const { expectation, problems } = expectationFrom(parseRecord(stringifyRecord(record), FILES.record), raw.text, FILES);
    expect(problems).toEqual([]);
    expect(expectation.headlineLine).toBe(24);
    expect(expectation.paragraphs.map((p) => p.text)).toEqual(readFileSync(join(REPO_ROOT, 'content', 'raw', 'playing-with-the-fire.txt'), 'utf8').split('\n').filter((_, i) => i >= 27 && i <= 53 && i % 2 === 1));
  });

  it('names the record line and the field of a malformed entry', () => {
    const text = stringifyRecord(recordOf('002').record).replace('"printedDate":true', '"printedDate":true,"removed":"x"');
    expect(() => parseRecord(text, FILES.record)).toThrow(RecordError);
    expect(() => parseRecord(text, FILES.record)).toThrow(/^content\/records\/x\.yaml:\d+: field "lines\.1": says printedDate and removed about the line/);
  });

  it('reports paragraphs numbered with a gap, naming the record line', () => {
    const { raw, record } = recordOf('003');
    const text = stringifyRecord(record).replace('"paragraph":2}', '"paragraph":9}');
    const { problems } = expectationFrom(parseRecord(text, FILES.record), raw.text, FILES);
    expect(problems).toEqual([expect.stringMatching(/^content\/records\/x\.yaml:\d+: paragraph 3 follows paragraph 1; number the paragraphs/)]);
  });
});
