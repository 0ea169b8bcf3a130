import { describe, expect, it } from 'vitest';
import { absoluteUrl, LOCAL_SITE_URL, resolveSiteUrl } from '../../../../src/lib/publishing/site-url.ts';

describe('resolveSiteUrl', () => {
  it('falls back to the local preview address outside production', () => {
    expect(resolveSiteUrl({})).toBe(LOCAL_SITE_URL);
    expect(resolveSiteUrl({ SITE_URL: '  ' })).toBe(LOCAL_SITE_URL);
  });
  it('fails a production build without SITE_URL, saying how to set it', () => {
    expect(() => resolveSiteUrl({ SITE_ENV: 'production' })).toThrow(/SITE_URL is not set.*SITE_URL=https:\/\/example.org npm run build:production/);
  });
  it('accepts an origin, with or without the trailing slash', () => {
    expect(resolveSiteUrl({ SITE_URL: 'https://example.org/', SITE_ENV: 'production' })).toBe('https://example.org');
    expect(resolveSiteUrl({ SITE_URL: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
  });
  it.each([
    ['example.org', /not a valid address/],
    ['ftp://example.org', /uses ftp:/],
    ['https://example.org/?x=1', /query, fragment or credentials/],
    ['https://example.org/karabakh/', /has a path \(\/karabakh\/\).*SITE_BASE/],
  ])('refuses %s with the value and what is expected', (value, message) => {
    expect(() => resolveSiteUrl({ SITE_URL: value })).toThrow(message);
    expect(() => resolveSiteUrl({ SITE_URL: value })).toThrow(`SITE_URL="${value}"`);
  });
});

describe('absoluteUrl', () => {
  it('keeps the base path the page address already has', () => {
    expect(absoluteUrl('/karabakh/articles/x/', 'https://example.org')).toBe('https://example.org/karabakh/articles/x/');
  });
});
