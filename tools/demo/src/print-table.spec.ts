import type { ArticleSummary } from '@wirestream/harness';
import { formatArticleTable } from './print-table';

const article = (articleId: string, headline: string): ArticleSummary => ({
  articleId,
  headline,
  lede: '',
  dateline: 'LIMA, March 3 (Andina)',
  byline: null,
  publisher: 'Example Wire',
  originatingAgency: null,
  entityCounts: { PLACE: 1 },
  topEntities: ['Lima (2)'],
  traceId: 'a'.repeat(32),
});

describe('formatArticleTable', () => {
  const articles = [article('one', 'Harbour reopens after storm'), article('two', 'Port strike ends')];

  it('has no Trace column unless trace links are given', () => {
    const table = formatArticleTable(articles);
    expect(table.split('\n')[0]).not.toContain('Trace');
    expect(table).toContain('Harbour reopens after storm');
  });

  it('gives each row its own trace link, in the order of the articles', () => {
    const lines = formatArticleTable(articles, ['http://viewer/traces/1', 'http://viewer/traces/2']).split('\n');
    expect(lines[0]).toMatch(/│ Trace\s*$/);
    expect(lines[2]).toContain('Harbour reopens');
    expect(lines[2]).toMatch(/http:\/\/viewer\/traces\/1\s*$/);
    expect(lines[3]).toMatch(/http:\/\/viewer\/traces\/2\s*$/);
  });
});
