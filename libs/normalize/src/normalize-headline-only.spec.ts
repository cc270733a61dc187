import { sha256Hex, UnprocessableDocumentError, type DocumentFormat, type FeedItem, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

function document(format: DocumentFormat, body: string, item: Partial<FeedItem> | null): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: 'aabbccddeeff00112233445566778899',
    source: { id: 'rss', kind: 'feed', uri: 'https://wire.example.com/rss.xml' },
    documentUri: 'https://wire.example.com/stories/1234',
    fetchedAt: '2025-03-02T10:00:00.000Z',
    format,
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: item && { title: null, link: null, guid: null, publishedAt: null, author: null, categories: [], ...item },
  };
}

describe('headline-only items', () => {
  it('keep a feed item with a title and a link but no description, flagged bodyless, with its link', () => {
    const article = normalizeDocument(document('feed-item', '', { title: 'Central bank raises rates by half a point', link: 'https://wire.example.com/a/1', urgency: 1 }));
    expect(article).toMatchObject({
      headline: 'Central bank raises rates by half a point',
      canonicalUrl: 'https://wire.example.com/a/1',
      body: '',
      bodyless: true,
      urgency: 1,
      wordCount: 0,
      processingNotes: ['no body text: stored as a headline-only item'],
    });
    expect(article.nearDuplicate).toBeUndefined();
  });

  it('are refused when there is no headline either', () => {
    expect(() => normalizeDocument(document('feed-item', '  ', { link: 'https://wire.example.com/a/2' }))).toThrow(UnprocessableDocumentError);
    expect(() => normalizeDocument(document('feed-item', '<!-- nothing -->', { title: '   ' }))).toThrow(/no headline and no body text/);
  });

  it('are refused for a web page read on its own, whose title is not a headline', () => {
    const page = '<html><head><title>Gallery</title></head><body><nav><a href="/">Home</a></nav></body></html>';
    expect(() => normalizeDocument(document('html', page, null))).toThrow(UnprocessableDocumentError);
  });

  it('leave an ordinary story without the optional fields', () => {
    const article = normalizeDocument(document('feed-item', '<p>SEOUL, Jan 6 (Yonhap) -- Exports rose 5 percent in December, the ministry said.</p>', { title: 'Exports rise' }));
    expect(article.bodyless).toBeUndefined();
    expect(article.urgency).toBeUndefined();
    expect(article.processingNotes).toBeUndefined();
  });
});

describe('control characters', () => {
  it('are removed before reading, with a processing note', () => {
    const article = normalizeDocument(document('feed-item', 'SEOUL, Jan 6 (Yonhap) -- Exports\u0000 rose 5 percent in December, the ministry said\u0007.', { title: 'Exports\u0000 rise' }));
    expect(article.body).not.toContain('\u0000');
    expect(article.body).not.toContain('\u0007');
    expect(article.headline).toBe('Exports rise');
    expect(article.processingNotes).toEqual([expect.stringMatching(/^removed 3 control or invalid character\(s\)/)]);
  });

  it('read C1 controls as the windows-1252 characters a feed meant (U+0092 as ’), with a processing note', () => {
    const article = normalizeDocument(document('feed-item', 'SEOUL, Jan 6 (Yonhap) -- Exports rose 5 percent, the ministry\u0092s data showed\u0085', { title: 'Exports don\u0092t fall' }));
    expect(article.headline).toBe('Exports don’t fall');
    expect(article.body).toBe('Exports rose 5 percent, the ministry’s data showed');
    expect(article.processingNotes).toEqual([
      'read 2 C1 control character(s) as the windows-1252 characters they stand for',
      expect.stringMatching(/^removed 1 control or invalid character\(s\)/),
    ]);
  });
});

describe('a subheadline the wire format declares', () => {
  it('is kept on the article', () => {
    const article = normalizeDocument(document('feed-item', 'OSTERVIK, Jan 8 (Wire) - The harbour reopened on Wednesday after a week of storms.', { title: 'Harbour reopens', subheadline: 'Ships wait no longer' }));
    expect(article.subheadline).toBe('Ships wait no longer');
  });
});
