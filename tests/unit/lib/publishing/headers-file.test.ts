import { describe, expect, it } from 'vitest';
import { formatHeadersFile, headersFor, parseHeadersFile } from '../../../../src/lib/publishing/headers-file.ts';
import { headerPolicy, metaPolicyOf } from '../../../../src/lib/publishing/csp.ts';

const file = `# comment
/*
  X-Content-Type-Options: nosniff

/articles/x/
  Content-Security-Policy: default-src 'self'
`;

describe('_headers', () => {
  it('parses, applies every matching rule and writes back the same rules', () => {
    const rules = parseHeadersFile(file);
    expect(headersFor(rules, '/articles/x/')).toEqual({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'self'" });
    expect(headersFor(rules, '/articles/y/')).toEqual({ 'x-content-type-options': 'nosniff' });
    expect(parseHeadersFile(formatHeadersFile(rules))).toEqual(rules);
  });
  it('joins a header two rules set, as hosts do (why page rules must not repeat the base rule)', () => {
    const rules = parseHeadersFile('/*\n  A: 1\n/x/\n  A: 2\n');
    expect(headersFor(rules, '/x/')).toEqual({ a: '1, 2' });
  });
  it('names the line of a header outside any rule', () => {
    expect(() => parseHeadersFile('\n  A: 1\n', 'public/_headers')).toThrow('public/_headers:2:');
  });
});

describe('CSP', () => {
  it('reads the <meta> policy from the head and adds what only a header can say', () => {
    const html = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'self' 'sha256-x='"></head><body></body></html>`;
    const meta = metaPolicyOf(html);
    expect(meta).toBe("default-src 'none'; script-src 'self' 'sha256-x='");
    expect(headerPolicy(meta ?? '')).toBe("default-src 'none'; script-src 'self' 'sha256-x='; frame-ancestors 'none'");
    expect(metaPolicyOf('<html><head></head></html>')).toBeUndefined();
  });
  it('reads the policy as a browser would: any case and quoting, entities decoded, not from inside a style or script, not from the body', () => {
    expect(metaPolicyOf(`<head><META HTTP-EQUIV=Content-Security-Policy CONTENT='a &amp; b'></head>`)).toBe('a & b');
    const hidden = `<head><style>/* <meta http-equiv="content-security-policy" content="x"> */</style><script>"<meta http-equiv='content-security-policy' content='y'>"</script>`;
    expect(metaPolicyOf(`${hidden}<meta http-equiv="content-security-policy" content="z"></head>`)).toBe('z');
    expect(metaPolicyOf(`${hidden}</head><body><meta http-equiv="content-security-policy" content="w"></body>`)).toBeUndefined();
    expect(metaPolicyOf(`<head><meta name="x" content="v"><meta http-equiv="content-security-policy" content="first"><meta http-equiv="content-security-policy" content="second"></head>`)).toBe('first');
  });
});

import { createHash } from 'node:crypto';
import { inlineCode, narrowPolicy } from '../../../../src/lib/publishing/csp.ts';

describe('narrowPolicy', () => {
  const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
  const page = (policy: string) =>
    `<html><head><meta http-equiv="content-security-policy" content="${policy}"><style>a{}</style><script type="application/ld+json">{"a":1}</script><script type="module" src="/x.js"></script></head><body><script type="module">go()</script></body></html>`;

  it('keeps only the hashes of the inline code the page has', () => {
    const policy = `default-src 'none'; script-src 'self' ${sha('go()')} ${sha('other()')}; style-src 'self' ${sha('a{}')} ${sha('b{}')}`;
    const out = narrowPolicy(page(policy), 'p.html', sha);
    expect(out.policy).toBe(`default-src 'none'; script-src 'self' ${sha('go()')}; style-src 'self' ${sha('a{}')}`);
    expect(metaPolicyOf(out.html)).toBe(out.policy);
  });
  it('adds the hash of inline code Astro did not list (is:inline elements)', () => {
    const out = narrowPolicy(page(`script-src 'self'; style-src 'self' ${sha('b{}')}`), 'p.html', sha);
    expect(out.policy).toBe(`script-src 'self' ${sha('go()')}; style-src 'self' ${sha('a{}')}`);
  });
  it('does not count data blocks or external scripts as inline code', () => {
    expect(inlineCode(page(''))).toEqual({ scripts: ['go()'], styles: ['a{}'] });
  });
});
