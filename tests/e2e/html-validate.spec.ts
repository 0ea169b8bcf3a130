/** Every built page passes html-validate with the rules in tests/html-validate.config.ts (read there why). */
import { HtmlValidate } from 'html-validate';
import { htmlValidateConfig } from '../html-validate.config.ts';
import { distPages } from './dist-pages.ts';
import { expect, test } from './fixtures.ts';

const validator = new HtmlValidate(htmlValidateConfig);

for (const page of distPages()) {
  test(`html-validate: ${page.path}`, async () => {
    const report = await validator.validateString(page.html(), page.file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${page.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
}
