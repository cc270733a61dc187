import { readJsonLdArticle } from './json-ld';

describe('readJsonLdArticle', () => {
  it('finds the article inside a @graph and reads its facts', () => {
    const block = JSON.stringify({
      '@graph': [
        { '@type': 'WebPage', name: 'Page' },
        {
          '@type': ['NewsArticle'],
          headline: 'Dam opens',
          datePublished: '2025-01-06T08:30:00+01:00',
          author: [{ '@type': 'Person', name: 'Lena Vogt' }, 'Omar Haddad'],
          publisher: { '@type': 'Organization', name: 'Example Daily' },
          articleSection: ['World', 'Europe'],
        },
      ],
    });
    expect(readJsonLdArticle([block])).toEqual({
      headline: 'Dam opens',
      datePublished: '2025-01-06T08:30:00+01:00',
      authorNames: ['Lena Vogt', 'Omar Haddad'],
      publisherName: 'Example Daily',
      section: 'World',
    });
  });

  it('skips broken JSON and returns null when no block describes an article', () => {
    expect(readJsonLdArticle(['{not json', JSON.stringify({ '@type': 'Organization', name: 'X' })])).toBeNull();
  });
});
