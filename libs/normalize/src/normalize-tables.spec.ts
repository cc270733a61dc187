import { NormalizedArticleSchema, sha256Hex, type ArticleTable, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

/** Invented results and standings, as feeds, pages and wire readers deliver them. */
function rawDocument(format: RawDocumentV1['format'], body: string, extra: { title?: string; tables?: ArticleTable[] } = {}): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: 'aabbccddeeff00112233445566778899',
    source: { id: 'sports', kind: 'feed', uri: 'https://wire.example/sports.xml' },
    documentUri: 'https://wire.example/sports/standings',
    fetchedAt: '2026-01-05T22:00:00.000Z',
    format,
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: format === 'feed-item' ? { title: extra.title ?? null, link: null, guid: null, publishedAt: null, author: null, categories: [] } : null,
    ...(extra.tables ? { tables: extra.tables } : {}),
  };
}

const STANDINGS =
  '<table><caption>Coastal League</caption><thead><tr><th></th><th>W</th><th>L</th><th>Pct</th></tr></thead>' +
  '<tbody><tr><td>Harbor City</td><td>23</td><td>13</td><td>.639</td></tr><tr><td>Oster <b>Bay</b></td><td>19</td><td>17</td><td>.528</td></tr></tbody></table>';

describe('tables in normalized articles', () => {
  it('keeps an HTML table of a feed item as rows of cells, with its caption, and out of the body', () => {
    const article = normalizeDocument(
      rawDocument('feed-item', `<p>Harbor City beat Oster Bay 4-2 on Sunday and stay top of the Coastal League.</p>${STANDINGS}<p>The teams meet again on Friday.</p>`, {
        title: 'Harbor City stay top',
      }),
    );
    NormalizedArticleSchema.parse(article);
    expect(article.tables).toEqual([
      {
        caption: 'Coastal League',
        rows: [
          ['', 'W', 'L', 'Pct'],
          ['Harbor City', '23', '13', '.639'],
          ['Oster Bay', '19', '17', '.528'],
        ],
      },
    ]);
    expect(article.body).toBe('Harbor City beat Oster Bay 4-2 on Sunday and stay top of the Coastal League.\n\nThe teams meet again on Friday.');
    expect(article.body).not.toMatch(/\.639|Pct/);
  });

  it('keeps a layout table as text, and the data table of a page as rows', () => {
    const prose = 'Harbor City beat Oster Bay 4-2 on Sunday and stay top of the Coastal League after a late goal.';
    const boxed = normalizeDocument(rawDocument('feed-item', `<table><tr><td><p>${prose}</p></td></tr></table>`, { title: 'Harbor City stay top' }));
    expect(boxed.body).toBe(prose);
    expect(boxed.tables).toBeUndefined();

    const page = `<!doctype html><html><head><title>Standings</title></head><body><article><h1>Harbor City stay top</h1><div class="story-body"><p>${prose}</p><p>The teams meet again on Friday, when Oster Bay will be without their captain.</p>${STANDINGS}</div></article></body></html>`;
    const article = normalizeDocument(rawDocument('html', page));
    expect(article.body).toBe(`${prose}\n\nThe teams meet again on Friday, when Oster Bay will be without their captain.`);
    expect(article.tables?.map((table) => [table.caption, table.rows.length])).toEqual([['Coastal League', 3]]);
  });

  it('carries the tables a wire reader found (agate), without control characters', () => {
    const article = normalizeDocument(
      rawDocument('feed-item', 'PORT ALLEN (Wire) - Results of the Coastal League on Sunday:', {
        title: 'Coastal League results',
        tables: [{ rows: [['Harbor City', '4', 'Oster Bay', '2'], ['Port\u0007 Allen', '1', 'Tern Island', '0']] }],
      }),
    );
    expect(article.tables).toEqual([{ rows: [['Harbor City', '4', 'Oster Bay', '2'], ['Port Allen', '1', 'Tern Island', '0']] }]);
    expect(article.processingNotes?.join(' ')).toMatch(/removed 1 control/);
  });

  it('stores a story that is only a table: not refused, not headline-only, without a near-duplicate signature of an empty body', () => {
    const article = normalizeDocument(rawDocument('feed-item', '', { tables: [{ rows: [['Harbor City', '4'], ['Oster Bay', '2']] }] }));
    expect(article.body).toBe('');
    expect(article.bodyless).toBeUndefined();
    expect(article.nearDuplicate).toBeUndefined();
    expect(article.tables).toHaveLength(1);
  });

  it('leaves tables out of an article without any', () => {
    expect(normalizeDocument(rawDocument('feed-item', '<p>The pier opened on Monday after two years of work.</p>', { title: 'Pier opens' })).tables).toBeUndefined();
  });
});
