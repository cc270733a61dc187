import { sha256Hex, type FeedItem, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

function feedDocument(body: string, item: Partial<FeedItem>): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: 'aabbccddeeff00112233445566778899',
    source: { id: 'rss', kind: 'feed', uri: 'https://wire.example.com/rss.xml' },
    documentUri: 'https://wire.example.com/stories/1234',
    fetchedAt: '2025-03-02T10:00:00.000Z',
    format: 'feed-item',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: { title: null, link: null, guid: null, publishedAt: null, author: null, categories: [], ...item },
  };
}

describe('normalizeDocument on a feed item', () => {
  const content =
    '<p>HANOI, March 1 (Example) -- Vietnam raised its growth forecast for the year on Saturday, citing strong exports.</p>' +
    '<figure><img src="port.jpg"><figcaption>Containers at Hai Phong port. [EXAMPLE]</figcaption></figure>' +
    '<p>The government said manufacturing orders had <b>doubled</b> since the autumn. (END)</p>';
  const item: Partial<FeedItem> = {
    title: 'Vietnam raises growth forecast',
    link: 'https://wire.example.com/stories/vietnam-growth',
    publishedAt: '2025-03-01T04:15:00.000Z',
    author: 'jane.tran@example.com (Jane Tran)',
  };
  const article = normalizeDocument(feedDocument(content, item), { referenceDate: new Date('2025-03-02T00:00:00Z') });

  it('takes headline, link and author from the feed item', () => {
    expect(article.headline).toBe('Vietnam raises growth forecast');
    expect(article.canonicalUrl).toBe('https://wire.example.com/stories/vietnam-growth');
    expect(article.byline).toEqual({ text: 'jane.tran@example.com (Jane Tran)', names: ['Jane Tran'], emails: ['jane.tran@example.com'] });
  });

  it('dates the story from the feed item, ahead of its dateline', () => {
    expect(article.publishedAt).toBe('2025-03-01T04:15:00.000Z');
    expect(article.publishedAtSource).toBe('feed');
  });

  it('runs the item content through the same dateline, caption and end-mark rules as wire copy', () => {
    expect(article.dateline).toEqual({ place: 'HANOI', dateText: 'March 1', agency: 'Example' });
    expect(article.captions).toEqual(['Containers at Hai Phong port. [EXAMPLE]']);
    expect(article.body).toBe(
      'Vietnam raised its growth forecast for the year on Saturday, citing strong exports.\n\n' +
        'The government said manufacturing orders had doubled since the autumn.',
    );
  });

  it('falls back to the dateline and reference date when the feed item carries no date', () => {
    const undated = normalizeDocument(feedDocument(content, { ...item, publishedAt: null }), { referenceDate: new Date('2025-03-02T00:00:00Z') });
    expect(undated.publishedAt).toBe('2025-03-01');
    expect(undated.publishedAtSource).toBe('dateline');
  });

  it('reads plain-text item content, dropping a repeated title at its top', () => {
    const text = 'Vietnam raises growth forecast\n\nVietnam raised its growth forecast for the year on Saturday, citing strong exports.';
    const plain = normalizeDocument(feedDocument(text, { title: 'Vietnam raises growth forecast' }));
    expect(plain.headline).toBe('Vietnam raises growth forecast');
    expect(plain.body).toBe('Vietnam raised its growth forecast for the year on Saturday, citing strong exports.');
    expect(plain.canonicalUrl).toBeNull();
    expect(plain.byline).toBeNull();
    expect(plain.publishedAt).toBeNull();
  });
});
