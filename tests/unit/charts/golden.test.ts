/**
 * Golden files for the chart functions: each folder tests/unit/charts/<chart>/<case>/ holds data.json (the
 * chart's arguments) and expected.json (the geometry it must produce). A new case is a new folder. After an
 * intended change, run `UPDATE_GOLDEN=1 npx vitest run tests/unit/charts` and review the diff of expected.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locatorMap } from '../../../src/charts/locator-map.ts';
import { whoAppearsWhere } from '../../../src/charts/matrix.ts';
import { timeline, timelineStrip } from '../../../src/charts/timeline.ts';
import { voices } from '../../../src/charts/voices.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

// Each chart takes its data.json's fields as its arguments, in this order.
const CHARTS: Record<string, (data: Record<string, unknown>) => unknown> = {
  timeline: (d) => timeline(d['events'] as never, d['articles'] as never, d['options'] as never),
  'timeline-strip': (d) => timelineStrip(d['events'] as never, d['articles'] as never, d['options'] as never),
  'locator-map': (d) => locatorMap(d['places'] as never, d['options'] as never),
  'who-appears-where': (d) => whoAppearsWhere(d['entities'] as never, d['articles'] as never, d['mentions'] as never, d['options'] as never),
  voices: (d) => voices(d['articles'] as never, d['claims'] as never, d['options'] as never),
};

for (const [chart, draw] of Object.entries(CHARTS)) {
  describe(`${chart} golden cases`, () => {
    const dir = join(HERE, chart);
    const cases = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
    it('has at least one case', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      it(name, () => {
        const data = JSON.parse(readFileSync(join(dir, name, 'data.json'), 'utf8')) as Record<string, unknown>;
        const actual = JSON.parse(JSON.stringify(draw(data))) as unknown;
        const expectedPath = join(dir, name, 'expected.json');
        if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 1)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      });
    }
  });
}
