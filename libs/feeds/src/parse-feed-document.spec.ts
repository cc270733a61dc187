import { articleIdFor, RawDocumentV1Schema, sha256Hex, UnprocessableDocumentError } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import { parseFeedDocument } from './parse-feed-document';
import type { SourceRef } from './source-ref';

const source: SourceRef = { id: 'wire-feed', kind: 'feed', uri: 'https://news.example.com/rss' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(xml: string, options: { contentType?: string; maxBytes?: number } = {}) {
  const result = parseFeedDocument(Buffer.from(xml, 'utf8'), { source, fetchedAt, ...options });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example Wire &amp; Co</title>
    <link>https://news.example.com/</link>
    <description>Latest</description>
    <item>
      <title>Minister visits Riyadh</title>
      <link>https://news.example.com/a/1</link>
      <guid isPermaLink="false">urn:example:1</guid>
      <description>Short &lt;b&gt;teaser&lt;/b&gt;</description>
      <content:encoded><![CDATA[<p>KUWAIT, Jan 6 (KUNA) -- The full story.</p>]]></content:encoded>
      <pubDate>Mon, 06 Jan 2025 10:15:00 +0300</pubDate>
      <author>desk@example.com (Jane Doe)</author>
      <category>Politics</category>
      <category domain="https://news.example.com/tags">Gulf</category>
    </item>
    <item>
      <title>No guid here</title>
      <link>https://news.example.com/a/2</link>
      <description>Only a description.</description>
      <dc:creator>John Roe</dc:creator>
      <dc:subject>Economy</dc:subject>
    </item>
    <item>
      <title>Bad date</title>
      <guid>https://news.example.com/a/3</guid>
      <description>Teaser</description>
      <pubDate>sometime last week</pubDate>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Agency &amp;amp; Partners</title>
  <id>urn:feed</id>
  <updated>2025-01-06T12:00:00Z</updated>
  <author><name>Feed Desk</name></author>
  <entry>
    <title>Quake hits coast</title>
    <id>tag:example.com,2025:entry-1</id>
    <link rel="alternate" type="text/html" href="/2025/quake"/>
    <link rel="enclosure" href="https://cdn.example.com/quake.jpg"/>
    <published>2025-01-06T08:30:00+09:00</published>
    <updated>2025-01-06T10:00:00+09:00</updated>
    <author><name>Kim Min-ji</name></author>
    <category term="disaster" label="Disasters"/>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;TOKYO -- A strong quake &amp;amp; aftershocks.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Text only</title>
    <id>tag:example.com,2025:entry-2</id>
    <updated>2025-01-07T00:00:00Z</updated>
    <summary>AT&amp;T &lt;says&gt; rates rise</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://rdf.example.com/">
    <title>RDF Wire</title>
    <link>https://rdf.example.com/</link>
    <description>d</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.com/1"/><rdf:li rdf:resource="https://rdf.example.com/2"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.com/1">
    <title>RDF story</title>
    <link>https://rdf.example.com/1</link>
    <description>Teaser</description>
    <content:encoded><![CDATA[<p>Full RDF body</p>]]></content:encoded>
    <dc:date>2006-01-03T04:02:09+09:00</dc:date>
    <dc:creator>elel</dc:creator>
    <dc:subject>Diary</dc:subject>
  </item>
  <item rdf:about="https://rdf.example.com/2">
    <title>Undated</title>
    <link>https://rdf.example.com/2</link>
    <description>No date at all</description>
  </item>
</rdf:RDF>`;

describe('parseFeedDocument: RSS 2.0', () => {
  const result = parse(RSS2);

  it('reports the format and the decoded channel title', () => {
    expect(result.format).toBe('rss');
    expect(result.title).toBe('Example Wire & Co');
    expect(result.documents).toHaveLength(3);
  });

  it('prefers content:encoded for the body and fills every feed-item field', () => {
    const [first] = result.documents;
    const body = '<p>KUWAIT, Jan 6 (KUNA) -- The full story.</p>';
    expect(first).toEqual({
      schemaVersion: 1,
      articleId: articleIdFor({ sourceId: 'wire-feed', guid: 'urn:example:1' }),
      source,
      documentUri: 'https://news.example.com/a/1',
      fetchedAt: '2026-01-06T09:00:00.000Z',
      format: 'feed-item',
      charset: 'utf-8',
      body,
      contentHash: sha256Hex(body),
      feedItem: {
        title: 'Minister visits Riyadh',
        link: 'https://news.example.com/a/1',
        guid: 'urn:example:1',
        publishedAt: '2025-01-06T07:15:00.000Z',
        author: 'Jane Doe',
        categories: ['Politics', 'Gulf'],
      },
    });
  });

  it('falls back to the description for the body and to the link for the article id when there is no guid', () => {
    const second = result.documents[1];
    expect(second.body).toBe('Only a description.');
    expect(second.feedItem?.guid).toBeNull();
    expect(second.articleId).toBe(articleIdFor({ sourceId: 'wire-feed', url: 'https://news.example.com/a/2' }));
    expect(second.feedItem?.publishedAt).toBeNull();
    expect(second.feedItem?.author).toBe('John Roe');
    expect(second.feedItem?.categories).toEqual(['Economy']);
  });

  it('gives a null date for an unparseable pubDate, and uses a permalink guid as the link', () => {
    const third = result.documents[2];
    expect(third.feedItem?.publishedAt).toBeNull();
    expect(third.feedItem?.link).toBe('https://news.example.com/a/3');
    expect(third.documentUri).toBe('https://news.example.com/a/3');
  });

  it('keeps the article id when the item is re-fetched with edited text, and changes the content hash', () => {
    const edited = parse(RSS2.replace('The full story.', 'The full story, updated.')).documents[0];
    expect(edited.articleId).toBe(result.documents[0].articleId);
    expect(edited.contentHash).not.toBe(result.documents[0].contentHash);
  });
});

describe('parseFeedDocument: Atom 1.0', () => {
  const result = parse(ATOM);

  it('reads the feed title as text and the entry content as HTML', () => {
    expect(result.format).toBe('atom');
    expect(result.title).toBe('Agency & Partners');
    const [first] = result.documents;
    expect(first.body).toBe('<p>TOKYO -- A strong quake &amp; aftershocks.</p>');
    expect(first.feedItem).toEqual({
      title: 'Quake hits coast',
      link: 'https://news.example.com/2025/quake',
      guid: 'tag:example.com,2025:entry-1',
      publishedAt: '2025-01-05T23:30:00.000Z',
      author: 'Kim Min-ji',
      categories: ['Disasters'],
    });
    expect(first.articleId).toBe(articleIdFor({ sourceId: 'wire-feed', guid: 'tag:example.com,2025:entry-1' }));
  });

  it('escapes a plain-text summary into HTML, dates the entry by <updated>, and inherits the feed author', () => {
    const second = result.documents[1];
    expect(second.body).toBe('AT&amp;T &lt;says&gt; rates rise');
    expect(second.feedItem?.publishedAt).toBe('2025-01-07T00:00:00.000Z');
    expect(second.feedItem?.author).toBe('Feed Desk');
    expect(second.feedItem?.link).toBeNull();
    expect(second.documentUri).toBe(`https://news.example.com/rss#${encodeURIComponent('tag:example.com,2025:entry-2')}`);
  });
});

describe('parseFeedDocument: RSS 1.0 / RDF', () => {
  const result = parse(RDF);

  it('reads items, content:encoded, dc:date, dc:creator and dc:subject', () => {
    expect(result.format).toBe('rdf');
    expect(result.title).toBe('RDF Wire');
    expect(result.documents).toHaveLength(2);
    const [first] = result.documents;
    expect(first.body).toBe('<p>Full RDF body</p>');
    expect(first.feedItem).toEqual({
      title: 'RDF story',
      link: 'https://rdf.example.com/1',
      guid: 'https://rdf.example.com/1',
      publishedAt: '2006-01-02T19:02:09.000Z',
      author: 'elel',
      categories: ['Diary'],
    });
  });

  it('gives a null date to an item without one', () => {
    expect(result.documents[1].feedItem?.publishedAt).toBeNull();
    expect(result.documents[1].body).toBe('No date at all');
  });
});

describe('parseFeedDocument: decoding and refusals', () => {
  it('decodes a feed in the charset its Content-Type names and records it', () => {
    const xml = RSS2.replace('Minister visits Riyadh', '대통령 신년 기자회견').replace('encoding="UTF-8"', '');
    const result = parseFeedDocument(iconv.encode(xml, 'euc-kr'), { source, fetchedAt, contentType: 'application/rss+xml; charset=euc-kr' });
    expect(result.documents[0].feedItem?.title).toBe('대통령 신년 기자회견');
    expect(result.documents[0].charset).toBe('euc-kr');
  });

  it('refuses a document larger than maxBytes before reading it', () => {
    expect(() => parse(RSS2, { maxBytes: 100 })).toThrow(UnprocessableDocumentError);
    expect(() => parse(RSS2, { maxBytes: 100 })).toThrow(/larger than the 100-byte limit/);
  });

  it('refuses an item whose body is longer than a raw document may carry', () => {
    const huge = RSS2.replace('Only a description.', 'x'.repeat(2_000_001));
    expect(() => parse(huge)).toThrow(/more than the 2000000 a raw document may carry/);
  });

  it('refuses a feed with an internal DTD subset before parsing it', () => {
    const withEntity = RSS2.replace('<rss ', '<!DOCTYPE rss [ <!ENTITY x "boom"> ]>\n<rss ').replace('Minister', '&x;');
    expect(() => parse(withEntity)).toThrow('feed https://news.example.com/rss refused: DTD/entity declarations are not allowed');
  });

  it('refuses a truncated feed with the element left open', () => {
    const truncated = RSS2.slice(0, RSS2.indexOf('<title>No guid here') + '<title>No guid here'.length);
    expect(() => parse(truncated)).toThrow(/malformed XML: unexpected end of document: <title> opened at line \d+ is not closed/);
  });

  it('refuses mis-nested XML with the reason', () => {
    expect(() => parse('<rss version="2.0"><channel><title>x</channel></rss>')).toThrow(/malformed XML: mismatched end tag <\/channel>/);
  });

  it('refuses XML that is not a feed, and text that is not XML', () => {
    expect(() => parse('<?xml version="1.0"?><nitf><body>x</body></nitf>')).toThrow(/not an RSS, Atom or RDF feed \(root <nitf>\)/);
    expect(() => parse('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Error 503</title></head><body><br></body></html>')).toThrow(
      'feed https://news.example.com/rss: not an RSS, Atom or RDF feed (root <html>)',
    );
    expect(() => parse('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}')).toThrow(/not an XML document/);
    expect(() => parse('')).toThrow(UnprocessableDocumentError);
  });

  it('returns no documents for a feed without items', () => {
    expect(parse('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')).toEqual({ title: 'Quiet', format: 'rss', documents: [] });
  });

  it('skips items with no guid, link or body, and keeps a headline-only item that has a link', () => {
    const xml = '<rss version="2.0"><channel><title>Q</title><item></item><item><title>Headline only</title></item>'
      + '<item><title>Flash</title><link>https://news.example.com/flash</link></item></channel></rss>';
    const { documents } = parse(xml);
    expect(documents).toHaveLength(1);
    expect(documents[0].feedItem?.title).toBe('Flash');
    expect(documents[0].body).toBe('');
  });
});
