import { UnprocessableDocumentError } from '@wirestream/contracts';
import { parseFeedDocument } from './parse-feed-document';

const source = { id: 'cut-feed', kind: 'feed' as const, uri: 'https://news.example.com/rss' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

// Invented feeds with what a cut can fall inside: CDATA, references, attributes, comments, sloppy markup.
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Cut &amp; Paste Wire</title>
    <!-- generated -->
    <item>
      <title>Harbour reopens after storm</title>
      <link>https://news.example.com/a/1?ref=rss&amp;x=1</link>
      <guid isPermaLink="false">urn:cut:1</guid>
      <description>Ships &lt;b&gt;move&lt;/b&gt; again &#8212; at last.</description>
      <content:encoded><![CDATA[<p>OSTERVIK -- The harbour <b>reopened</b> on Wednesday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Rates held at 4%</title>
      <link>https://news.example.com/a/2</link>
      <description>The bank <i>held</i> rates<br> for a third month.</description>
    </item>
    <item>
      <title>Café owners protest</title>
      <guid>https://news.example.com/a/3</guid>
      <description>Owners say rents &nbsp;doubled.</description>
    </item>
  </channel>
</rss>
`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Cut Atom</title>
  <entry>
    <title type="html">Quake &amp;amp; aftershocks</title>
    <id>tag:example.com,2026:1</id>
    <link rel="alternate" href="https://news.example.com/q/1"/>
    <content type="html">&lt;p&gt;TOKYO -- A strong quake hit the coast.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Power restored</title>
    <id>tag:example.com,2026:2</id>
    <summary>Most homes have power again.</summary>
  </entry>
</feed>
`;

type Reading = Array<[string | null | undefined, string | null | undefined, string]>;

function read(text: string): Reading | 'refused' {
  try {
    return parseFeedDocument(Buffer.from(text, 'utf8'), { source, fetchedAt }).documents.map((document) => [
      document.feedItem?.title,
      document.feedItem?.link ?? document.feedItem?.guid,
      document.body,
    ]);
  } catch (error) {
    if (error instanceof UnprocessableDocumentError) return 'refused';
    throw error;
  }
}

describe.each([
  ['RSS', RSS, '</item>'],
  ['Atom', ATOM, '</entry>'],
])('a %s feed cut off anywhere', (_format, feed, itemEnd) => {
  const whole = read(feed) as Reading;

  it('reads exactly the items whose end tag made it, each as in the whole feed', () => {
    expect(whole).toHaveLength(feed.split(itemEnd).length - 1);
    for (let length = 0; length <= feed.length; length++) {
      const cut = feed.slice(0, length);
      const reading = read(cut);
      const expected = whole.slice(0, cut.split(itemEnd).length - 1);
      // Refused only when no item ended before the cut.
      expect([length, reading === 'refused' ? [] : reading]).toEqual([length, expected]);
    }
  });
});
