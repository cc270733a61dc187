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

  it('refuses a feed cut off inside its first item', () => {
    const truncated = RSS2.slice(0, RSS2.indexOf('<title>Minister visits') + '<title>Minister visits'.length);
    expect(() => parse(truncated)).toThrow(/malformed XML: unexpected end of document: <title> opened at line \d+ is not closed$/);
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

  it('skips items with no title, guid, link or body, and keeps headline-only items with or without a link', () => {
    const xml = '<rss version="2.0"><channel><title>Q</title><item></item><item><title>Headline only</title></item>'
      + '<item><title>Flash</title><link>https://news.example.com/flash</link></item><item><category>x</category></item></channel></rss>';
    const { documents } = parse(xml);
    expect(documents.map((document) => document.feedItem?.title)).toEqual(['Headline only', 'Flash']);
    expect(documents.map((document) => document.body)).toEqual(['', '']);
  });
});

describe('parseFeedDocument: feed shapes the Universal Feed Parser reads', () => {
  describe('items without a channel', () => {
    it('reads RSS 2.0 items right under <rss>, and a <title> there as the feed title', () => {
      const xml = `<?xml version="1.0"?>
<rss version="2.0">
  <title>Loose Wire</title>
  <item><title>Port reopens</title><link>https://news.example.com/port</link><description>Ships move again.</description></item>
  <item><title>Rates held</title><guid isPermaLink="false">urn:loose:2</guid><pubDate>Tue, 07 Jan 2025 08:00:00 GMT</pubDate></item>
</rss>`;
      const result = parse(xml);
      expect(result).toMatchObject({ title: 'Loose Wire', format: 'rss' });
      expect(result.recovered).toBeUndefined();
      expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['Port reopens', 'Rates held']);
      expect(result.documents[0]).toMatchObject({ documentUri: 'https://news.example.com/port', body: 'Ships move again.' });
      expect(result.documents[1].feedItem).toMatchObject({ guid: 'urn:loose:2', publishedAt: '2025-01-07T08:00:00.000Z' });
    });

    it('reads RSS 0.91 (with its external DOCTYPE) and 0.92 items outside the channel', () => {
      const rss091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><item><title>Old wire</title><link>http://old.example.com/1</link><description>Ninety-one.</description></item></rss>`;
      expect(parse(rss091).documents.map((document) => document.feedItem?.link)).toEqual(['http://old.example.com/1']);

      const rss092 = '<rss version="0.92"><channel><title>Split</title></channel>'
        + '<item><title>After the channel</title><link>http://old.example.com/2</link></item></rss>';
      const result = parse(rss092);
      expect(result.title).toBe('Split');
      expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['After the channel']);
    });

    it('reads RSS 0.90 (RDF with the Netscape namespace, items beside the channel)', () => {
      const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Ninety</title><link>http://old.example.com/</link><description>d</description></channel>
  <item><title>First</title><link>http://old.example.com/90/1</link></item>
</rdf:RDF>`;
      const result = parse(xml);
      expect(result).toMatchObject({ title: 'Ninety', format: 'rdf' });
      expect(result.documents.map((document) => document.feedItem?.link)).toEqual(['http://old.example.com/90/1']);
    });
  });

  describe('content only in XHTML', () => {
    it("takes an RSS item's XHTML <body> as its content, written as HTML", () => {
      const xml = `<rss version="2.0"><channel><title>X</title>
  <item><title>Body only</title><link>https://news.example.com/x/1</link><description>Teaser.</description>
    <body xmlns="http://www.w3.org/1999/xhtml"><p>Full <b>story</b><br/>&amp; more <a name="end"/>text.</p><![CDATA[ 1 < 2 ]]></body></item>
</channel></rss>`;
      const [document] = parse(xml).documents;
      expect(document.body).toBe('<p>Full <b>story</b><br>&amp; more <a name="end"></a>text.</p> 1 &lt; 2');
    });

    it('takes an <xhtml:body> likewise, without its prefixes; content:encoded still comes first', () => {
      const xml = `<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>X</title>
  <item><guid>urn:x:2</guid><xhtml:body><xhtml:div class="lead"><xhtml:p xml:lang="en">Prefixed.</xhtml:p></xhtml:div></xhtml:body></item>
  <item><guid>urn:x:3</guid><content:encoded><![CDATA[<p>Encoded wins.</p>]]></content:encoded><xhtml:body><xhtml:p>Second.</xhtml:p></xhtml:body></item>
</channel></rss>`;
      const documents = parse(xml).documents;
      expect(documents.map((document) => document.body)).toEqual(['<div class="lead"><p lang="en">Prefixed.</p></div>', '<p>Encoded wins.</p>']);
    });

    it('keeps an item whose only content is its XHTML body', () => {
      const xml = '<rss version="2.0"><channel><title>X</title><item><body xmlns="http://www.w3.org/1999/xhtml"><p>Nothing else.</p></body></item></channel></rss>';
      const { documents } = parse(xml);
      expect(documents).toHaveLength(1);
      expect(documents[0]).toMatchObject({ body: '<p>Nothing else.</p>', feedItem: { title: null, link: null, guid: null } });
    });

    it('writes Atom type="xhtml" content as HTML without its <div> wrapper or namespace prefixes', () => {
      const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:h="http://www.w3.org/1999/xhtml"><title>A</title><id>urn:a</id>
  <entry><title>Plain div</title><id>urn:a:1</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a name="top"/>there &amp; you</p><img src="/p.jpg"/></div></content></entry>
  <entry><title>Prefixed</title><id>urn:a:2</id>
    <summary type="xhtml"><h:div><h:p>One<h:br/>two <h:em>three</h:em></h:p></h:div></summary></entry>
</feed>`;
      const documents = parse(xml).documents;
      expect(documents.map((document) => document.body)).toEqual([
        '<p>Hi <a name="top"></a>there &amp; you</p><img src="/p.jpg">',
        '<p>One<br>two <em>three</em></p>',
      ]);
    });
  });

  describe('titles and text in other elements', () => {
    it('takes Dublin Core title and description when an RSS or RSS 1.0 item has no title or description of its own', () => {
      const rss = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>D</title>
  <item><dc:title>Only in Dublin Core</dc:title><dc:description>Its text too.</dc:description></item>
  <item><title>Own title</title><dc:title>Not this one</dc:title><description>Own text.</description><dc:description>Nor this.</dc:description></item>
</channel></rss>`;
      expect(parse(rss).documents.map((document) => [document.feedItem?.title, document.body])).toEqual([
        ['Only in Dublin Core', 'Its text too.'],
        ['Own title', 'Own text.'],
      ]);
      const rdf = RDF.replace(/<title>[^<]*<\/title>(\s*<link>https:\/\/rdf\.example\.com\/1)/, '<dc:title>From dc</dc:title>$1');
      expect(parse(rdf).documents[0].feedItem?.title).toBe('From dc');
    });

    it("gives an Atom entry's html title as the HTML it is, and an xhtml title written as HTML, for the normalizer to read", () => {
      const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Feed &lt;b&gt;bold&lt;/b&gt;&lt;script&gt;x()&lt;/script&gt;</title>
  <entry><id>urn:t:1</id><title type="html">safe&lt;script&gt;location.href='x'&lt;/script&gt; title</title></entry>
  <entry><id>urn:t:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">History of the &lt;blink&gt; <b>tag</b></div></title></entry>
  <entry><id>urn:t:3</id><title>AT&amp;T</title></entry>
</feed>`;
      const result = parse(xml);
      expect(result.title).toBe('Feed bold');
      expect(result.documents.map((document) => document.feedItem?.title)).toEqual([
        "safe<script>location.href='x'</script> title",
        'History of the &lt;blink&gt; <b>tag</b>',
        'AT&T',
      ]);
    });
  });

  describe('Atom 0.3', () => {
    it('decodes base64 content (mode="base64") instead of storing its letters', () => {
      const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
  <entry><id>urn:o:1</id><title mode="base64">${base64('Café reopens')}</title>
    <content type="text/html" mode="base64">${base64('<p>The café <b>reopened</b> today.</p>')}</content></entry>
</feed>`;
      const [document] = parse(xml).documents;
      expect(document.feedItem?.title).toBe('Café reopens');
      expect(document.body).toBe('<p>The café <b>reopened</b> today.</p>');
    });
  });

  describe('Atom content of other media types', () => {
    it('decodes base64 content of a media type neither text nor XML when it is UTF-8 text, and stores no letters of binary media', () => {
      const base64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64');
      const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>M</title>
  <entry><id>urn:m:1</id><title>Text</title><content type="application/octet-stream">\n  ${base64('Port <reopens> today')}\n</content></entry>
  <entry><id>urn:m:2</id><title>Picture</title><content type="image/png">${base64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))}</content><summary>A chart.</summary></entry>
  <entry><id>urn:m:3</id><title>Markup</title><content type="application/rss+xml">Ships &amp; ports</content></entry>
</feed>`;
      expect(parse(xml).documents.map((document) => document.body)).toEqual(['Port &lt;reopens&gt; today', 'A chart.', 'Ships &amp; ports']);
    });
  });

  describe('double-encoded UTF-8 in character references', () => {
    it('repairs it in titles and bodies when the evidence is clear, and leaves legitimate Latin-1 alone', () => {
      const xml = `<rss version="2.0"><channel><title>R</title>
  <item><guid>urn:r:1</guid><title>Caf&#195;&#169; reopens</title><description>Wait&#226;&#128;&#166; it&#226;&#128;&#153;s back</description></item>
  <item><guid>urn:r:2</guid><title>S&#227;o Tom&#233; stra&#223;e</title><description>Heat at 30&#194;&#176;C</description></item>
</channel></rss>`;
      expect(parse(xml).documents.map((document) => [document.feedItem?.title, document.body])).toEqual([
        ['Café reopens', 'Wait… it’s back'],
        ['São Tomé straße', 'Heat at 30°C'],
      ]);
    });
  });

  describe('headline-only items', () => {
    it('keeps items with only a title, each with its own article id derived from its headline', () => {
      const xml = '<rss version="2.0"><channel><title>Flash</title>'
        + '<item><title>QUAKE HITS COAST</title></item><item><title>MARKETS CLOSED</title></item><item><description>   </description></item>'
        + '</channel></rss>';
      const { documents } = parse(xml);
      expect(documents.map((document) => document.feedItem?.title)).toEqual(['QUAKE HITS COAST', 'MARKETS CLOSED']);
      expect(documents[0].articleId).not.toBe(documents[1].articleId);
      expect(documents[0].articleId).toBe(articleIdFor({ sourceId: 'wire-feed', contentHash: sha256Hex('headline-only\nQUAKE HITS COAST') }));
      expect(documents.map((document) => document.documentUri)).toEqual([`${source.uri}#item-1`, `${source.uri}#item-2`]);
      expect(parse(xml).documents.map((document) => document.articleId)).toEqual(documents.map((document) => document.articleId));
    });

    it('keeps a title-only Atom entry', () => {
      const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Only a headline</title></entry></feed>';
      expect(parse(xml).documents.map((document) => document.feedItem?.title)).toEqual(['Only a headline']);
    });
  });

  describe('feeds without items', () => {
    it.each([
      ['an RSS channel with no elements', '<rss version="2.0"><channel></channel></rss>', 'rss'],
      ['an RSS channel with only whitespace', '<rss version="2.0">\n  <channel>\n  </channel>\n</rss>', 'rss'],
      ['an empty <rss/>', '<?xml version="1.0"?><rss version="2.0"/>', 'rss'],
      ['an <rss> without version or channel', '<rss></rss>', 'rss'],
      ['an Atom feed without entries', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
      ['an Atom feed with metadata only', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Q</title><id>urn:q</id></feed>', 'atom'],
      [
        'an RSS 1.0 channel without items',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://rdf.example.com/"></channel></rdf:RDF>',
        'rdf',
      ],
    ])('%s is a feed with no documents', (_name, xml, format) => {
      const result = parse(xml);
      expect(result.format).toBe(format);
      expect(result.documents).toEqual([]);
    });

    it('refuses, with the reason, an RDF document that is not RSS 1.0', () => {
      const foaf = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/"><foaf:Person/></rdf:RDF>';
      expect(() => parse(foaf)).toThrow(/not an RSS 1\.0 feed/);
    });
  });

  describe('lenient recovery of ill-formed XML', () => {
    it('recovers a mis-nested <b><i></b></i> description, marking the result recovered with its problem', () => {
      const xml = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Sloppy</title>
  <item><title>Mis-nested</title><link>https://news.example.com/s/1</link><description><b><i>Breaking</b></i> news</description></item>
  <item><title>Fine</title><link>https://news.example.com/s/2</link><description>All good.</description></item>
</channel></rss>`;
      const result = parse(xml);
      expect(result.recovered).toBe(true);
      expect(result.problem).toMatch(/^malformed XML: mismatched end tag <\/b> at line 3: <i> opened at line 3 is still open$/);
      expect(result.documents.map((document) => document.body)).toEqual(['<b><i>Breaking</i></b> news', 'All good.']);
      expect(result.documents[0].articleId).toBe(articleIdFor({ sourceId: 'wire-feed', url: 'https://news.example.com/s/1' }));
    });

    it('recovers raw <br> and <img> left open in a description', () => {
      const xml = '<rss version="2.0"><channel><title>S</title><item><title>Lines</title><guid>urn:s:3</guid>'
        + '<description>Line one<br>line two <img src="https://img.example.com/a.jpg">after</description></item></channel></rss>';
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/mismatched end tag <\/description>/) });
      expect(result.documents[0].body).toBe('Line one<br/>line two <img src="https://img.example.com/a.jpg"/>after');
    });

    it('does not mark a well-formed feed as recovered', () => {
      expect(parse(RSS2)).not.toHaveProperty('recovered');
      expect(parse(RSS2)).not.toHaveProperty('problem');
    });

    it('reads the items before a cut, drops the item the download was cut inside, and says so', () => {
      const sloppy = RSS2.replace('Short &lt;b&gt;teaser&lt;/b&gt;', '<b><i>Short</b></i> teaser');
      const truncated = sloppy.slice(0, sloppy.indexOf('<title>No guid here') + '<title>No guid here'.length);
      const result = parse(truncated);
      expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/^malformed XML: mismatched end tag <\/b> at line \d+.*; the item cut off there is dropped$/) });
      expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['Minister visits Riyadh']);
      expect(result.documents[0].body).toBe('<p>KUWAIT, Jan 6 (KUNA) -- The full story.</p>');
    });

    it('reads a feed missing only its end tags, every item whole, as recovered', () => {
      const titles = ['Minister visits Riyadh', 'No guid here', 'Bad date'];
      for (const cut of [RSS2.slice(0, RSS2.indexOf('</channel>')), RSS2.slice(0, RSS2.indexOf('</rss>')), RSS2.slice(0, -1)]) {
        const result = parse(cut);
        expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/^malformed XML: (unexpected end of document: <(channel|rss)>|malformed end tag)/) });
        expect(result.problem).not.toMatch(/dropped/);
        expect(result.documents.map((document) => document.feedItem?.title)).toEqual(titles);
      }
    });

    it('reads an Atom feed cut inside an entry without that entry', () => {
      const result = parse(ATOM.slice(0, ATOM.indexOf('rates rise')));
      expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/<summary> opened at line \d+ is not closed; the item cut off there is dropped$/) });
      expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['Quake hits coast']);
    });

    it('reads a "<" that starts no tag as text', () => {
      const xml = '<rss version="2.0"><channel><title>L</title><item><title>Rates: 5 < 6, <3 and x<=y</title><guid>urn:l:1</guid></item></channel></rss>';
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: "malformed XML: '<' not followed by a tag name at line 1" });
      expect(result.documents[0].feedItem?.title).toBe('Rates: 5 < 6, <3 and x<=y');
    });

    it('reads a tag-like word left open in a title as the element a browser makes of it', () => {
      const xml = '<rss version="2.0"><channel><title>L</title><item><title>AT&amp;T <rocks></title><guid>urn:l:2</guid></item></channel></rss>';
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/^malformed XML: mismatched end tag <\/title> at line 1: <rocks>/) });
      expect(result.documents[0].feedItem?.title).toBe('AT&T <rocks/>');
    });

    it('ends a comment never terminated at its first ">", keeping the items after it', () => {
      const xml = `<rss version="2.0"><channel><title>C</title>
  <item><title>A</title><guid>urn:c:1</guid><!-- note -- ></item>
  <item><title>B</title><guid>urn:c:2</guid><!-- open comment </item>
  <item><title>C</title><guid>urn:c:3</guid></item>
</channel></rss>`;
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: 'malformed XML: unterminated comment at line 2' });
      expect(result.documents.map((document) => [document.feedItem?.title, document.feedItem?.guid])).toEqual([['A', 'urn:c:1'], ['B', 'urn:c:2'], ['C', 'urn:c:3']]);
    });

    it('reads HTML entities and bare ampersands, marking the feed recovered', () => {
      const xml = `<rss version="2.0"><channel><title>E</title>
  <item><title>Caf&eacute;&nbsp;society &hellip; Q&A</title><link>https://news.example.com/e?a=1&b=2</link><description>Fish & chips &mdash; &bogus; too</description></item>
</channel></rss>`;
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: 'malformed XML: undefined entity &eacute; at line 2' });
      expect(result.documents[0].feedItem).toMatchObject({ title: 'Café society … Q&A', link: 'https://news.example.com/e?a=1&b=2' });
      expect(result.documents[0].body).toBe('Fish & chips \u2014 &bogus; too');
      const escaped = '<rss version="2.0"><channel><item><title>Caf&#233; Q&amp;A</title><link>https://news.example.com/e?a=1&amp;b=2</link></item></channel></rss>';
      expect(parse(escaped)).not.toHaveProperty('recovered');
    });

    it('ends an item left open at the start of the next one', () => {
      const xml = '<rss version="2.0"><channel><title>U</title><item><title>One</title><guid>urn:u:1</guid><item><title>Two</title><guid>urn:u:2</guid></channel></rss>';
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: expect.stringMatching(/^malformed XML: mismatched end tag <\/channel>/) });
      expect(result.documents.map((document) => document.feedItem?.guid)).toEqual(['urn:u:1', 'urn:u:2']);
    });

    it('ignores what follows the root element (a host\'s appended warning or script)', () => {
      const xml = '<rss version="2.0"><channel><title>J</title><item><title>Kept</title><guid>urn:j:1</guid></item></channel></rss>\n<br />\n<b>Warning</b>: mysql_close()<script>track()</script>';
      const result = parse(xml);
      expect(result).toMatchObject({ recovered: true, problem: 'malformed XML: element <br> after the end of the root element at line 2' });
      expect(result.documents.map((document) => document.feedItem?.guid)).toEqual(['urn:j:1']);
    });

    it('reads an ill-formed feed without items as recovered with no documents', () => {
      expect(parse('<rss version="2.0"><channel><title>x</channel></rss>')).toEqual({
        title: 'x',
        format: 'rss',
        documents: [],
        recovered: true,
        problem: 'malformed XML: mismatched end tag </channel> at line 1: <title> opened at line 1 is still open',
      });
      expect(parse('<rss version="2.0"><channel><title>Caf&eacute;</title></channel></rss')).toMatchObject({ title: 'Café', documents: [], recovered: true });
    });

    it('refuses deeply nested documents instead of recovering them', () => {
      const depth = 200_000;
      const misNested = `<rss version="2.0"><channel><item><title>Deep</title><description>${'<b>'.repeat(depth)}x</description></item></channel></rss>`;
      expect(() => parse(misNested)).toThrow(/malformed XML: mismatched end tag <\/description>/);
      const wellFormed = `<rss version="2.0"><channel><item><title>Deep</title><body xmlns="http://www.w3.org/1999/xhtml">${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></item></channel></rss>`;
      expect(() => parse(wellFormed)).toThrow(/feed parser refused the document: Maximum nested tags exceeded/);
      const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Deep</title><content type="xhtml">${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</content></entry></feed>`;
      expect(() => parse(atom)).not.toThrow(RangeError);
    });

    it('still refuses DTD and entity declarations before anything else, ill-formed or not', () => {
      const hostile = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaa">]><rss version="2.0"><channel><item><title><b>&a;</title></item></channel></rss>';
      expect(() => parse(hostile)).toThrow('feed https://news.example.com/rss refused: DTD/entity declarations are not allowed');
    });
  });

  describe('CDF and other refusals', () => {
    it('refuses CDF (Channel Definition Format) by name', () => {
      const cdf = `<?xml version="1.0"?>
<CHANNEL HREF="http://cdf.example.com/" BASE="http://cdf.example.com/">
  <TITLE>Active Channel</TITLE>
  <ITEM HREF="http://cdf.example.com/1.htm"><TITLE>Story</TITLE><ABSTRACT>Abstract</ABSTRACT></ITEM>
</CHANNEL>`;
      expect(() => parse(cdf)).toThrow('feed https://news.example.com/rss: CDF is not supported (root <CHANNEL>: Microsoft\'s Channel Definition Format), only RSS, Atom and RDF feeds');
    });

    it('names the reason in every refusal (never a bare "Invalid feed format")', () => {
      const refused = [
        '<feed><foo/></feed>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
        '<channel><title>x</title></channel>',
        '<rss version="2.0"><channel><item><title>x',
        '<opml version="2.0"><body/></opml>',
      ];
      for (const xml of refused) {
        let message = '';
        try {
          parse(xml);
        } catch (error) {
          message = (error as Error).message;
        }
        expect([xml, message]).toEqual([xml, expect.stringMatching(/^feed https:\/\/news\.example\.com\/rss:? \S.*\w/)]);
        expect(message).not.toMatch(/Invalid feed format/);
        expect(message).not.toMatch(/: $/);
      }
    });
  });
});
