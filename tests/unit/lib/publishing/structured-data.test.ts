import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  definedTerm,
  graph,
  newsArticle,
  organization,
  person,
  place,
  serialiseJsonLd,
  validateNode,
} from '../../../../src/lib/publishing/structured-data.ts';

const page = 'https://example.org/articles/x/';
const image = 'https://example.org/og/articles/x.png';

describe('builders', () => {
  const article = newsArticle({
    page,
    headline: 'Headline',
    description: 'Our summary.',
    language: 'en',
    datePublished: '2023-03',
    originalUrl: 'https://outlet.example/x',
    publisher: { name: 'Outlet', url: 'https://outlet.example/' },
    basedOn: [{ name: 'Original report', url: 'https://source.example/r', publisher: 'Eurasianet', date: '2023-03' }],
    image,
    reviewed: '2026-11-23',
  });

  it('NewsArticle names the original publisher, address, date and what it rewrites', () => {
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      url: 'https://outlet.example/x',
      datePublished: '2023-03',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Outlet' },
      mainEntityOfPage: { '@type': 'WebPage', url: page, lastReviewed: '2026-11-23' },
      isBasedOn: [{ '@type': 'CreativeWork', url: 'https://source.example/r', publisher: { name: 'Eurasianet' } }],
    });
    expect(validateNode(article)).toEqual([]);
  });

  it('leaves out what is not known rather than writing it empty', () => {
    const bare = newsArticle({ page, headline: 'H', description: 'D', language: 'en', datePublished: '2023-09-01', publisher: { name: 'O', url: 'https://o.example/' }, image });
    expect(bare).not.toHaveProperty('url');
    expect(bare).not.toHaveProperty('isBasedOn');
    expect(validateNode(bare)).toEqual([]);
  });

  it('background entries carry their kind, alternate names (script and Latin) and, for places, coordinates', () => {
    const names = [{ name: 'Ստեփանակերտ', latin: 'Stepanakert' }, { name: 'Xankəndi' }, { name: 'Stepanakert' }];
    const p = place({ page, image, name: 'Stepanakert', description: 'City.', alternateNames: names, latitude: 39.8, longitude: 46.75 });
    expect(p).toMatchObject({ '@type': 'Place', alternateName: ['Ստեփանակերտ', 'Xankəndi'], geo: { '@type': 'GeoCoordinates', latitude: 39.8 } });
    for (const node of [
      p,
      person({ page, image, name: 'A', description: 'B.', jobTitle: 'President' }),
      organization({ page, image, name: 'O', description: 'An organization.' }),
      definedTerm({ page, image, name: 'T', description: 'A term.', termSet: { name: 'Glossary', url: 'https://example.org/glossary/' } }),
    ]) {
      expect(validateNode(node)).toEqual([]);
    }
  });

  it('BreadcrumbList numbers its items from 1', () => {
    const list = breadcrumbList([{ name: 'Home', item: 'https://example.org/' }, { name: 'Articles', item: 'https://example.org/articles/' }]);
    expect(list['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'Articles', item: 'https://example.org/articles/' },
    ]);
  });
});

describe('validateNode', () => {
  it('reports missing and mistyped required properties with their path', () => {
    const bad = { '@type': 'Place', name: 'X', description: '', url: 'not a url', geo: { '@type': 'GeoCoordinates', latitude: '39' } };
    expect(validateNode(bad)).toEqual([
      '$.description: expected string on Place, got ""',
      '$.url: expected url on Place, got "not a url"',
      '$.geo.latitude: expected number on GeoCoordinates, got "39"',
      '$.geo.longitude: expected number on GeoCoordinates, got undefined',
    ]);
  });
  it('refuses types the site does not use', () => {
    expect(validateNode({ '@type': 'Recipe' })[0]).toMatch(/Recipe is not one the site uses/);
  });
});

describe('serialiseJsonLd', () => {
  it('cannot close its script element or open a comment, and parses back to the same value', () => {
    const value = graph([{ '@type': 'Thing', name: '</script><!-- & \u2028' }]);
    const json = serialiseJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
