import { UnprocessableDocumentError } from '@wirestream/contracts';
import { MalformedError, parseFeed } from 'feedsmith';
import { parseFeedDocument } from '../parse-feed-document';

// The feed parser's own XML parser rarely fails once our structure check has passed; this makes it
// fail on the document as fetched, to check what happens then.
jest.mock('feedsmith', () => {
  const actual = jest.requireActual<typeof import('feedsmith')>('feedsmith');
  return { ...actual, parseFeed: jest.fn(actual.parseFeed) };
});

const realParseFeed = jest.requireActual<typeof import('feedsmith')>('feedsmith').parseFeed;
const mockedParseFeed = parseFeed as jest.MockedFunction<typeof parseFeed>;
const source = { id: 'wire-feed', kind: 'feed' as const, uri: 'https://news.example.com/rss' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

/** Fails on text containing `marker` the way feedsmith does when fast-xml-parser throws. */
function failOn(marker: string): void {
  mockedParseFeed.mockImplementation((text, options) => {
    if (typeof text === 'string' && text.includes(marker)) {
      throw new MalformedError('Invalid feed format', { cause: new Error('Attribute value without quotes') });
    }
    return realParseFeed(text, options);
  });
}

afterEach(() => mockedParseFeed.mockImplementation(realParseFeed));

describe('parseFeedDocument when the feed parser finds the XML malformed', () => {
  it('reads the leniently re-serialized document and marks it recovered with the parser\'s reason', () => {
    // Recovery writes the attribute quoted, which the failing parser then accepts.
    failOn('flag>');
    const xml = '<rss version="2.0"><channel><title>M</title><item flag><title>Kept</title><guid>urn:m:1</guid></item></channel></rss>';
    const result = parseFeedDocument(Buffer.from(xml), { source, fetchedAt });
    expect(result).toMatchObject({ recovered: true, problem: 'feed parser refused the document: Attribute value without quotes' });
    expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['Kept']);
  });

  it('refuses with the parser\'s reason when the recovered document fails too', () => {
    failOn('<rss');
    const xml = '<rss version="2.0"><channel><title>M</title><item><title>Lost</title></item></channel></rss>';
    expect(() => parseFeedDocument(Buffer.from(xml), { source, fetchedAt })).toThrow(UnprocessableDocumentError);
    expect(() => parseFeedDocument(Buffer.from(xml), { source, fetchedAt })).toThrow(
      'feed https://news.example.com/rss: feed parser refused the document: Attribute value without quotes',
    );
  });
});
