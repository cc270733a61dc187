import { RawDocumentV1Schema } from '@wirestream/contracts';
import { parseWireXmlDocument } from './parse-wire-xml-document';

/** Invented NITF and NewsML copy holding tables. */
const source = { id: 'agency-drop', kind: 'file-drop' as const, uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(xml: string) {
  const result = parseWireXmlDocument(Buffer.from(xml), { source, documentUri: '/drop/doc.xml', fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

const nitf = (content: string) =>
  `<nitf><head><docdata><doc-id id-string="results-1"/></docdata></head><body><body.head><hedline><hl1>Harbor City stay top</hl1></hedline></body.head><body.content>${content}</body.content></body></nitf>`;

describe('tables in NITF and NewsML copy', () => {
  it('keeps an NITF results table as rows of cells with its caption, and only the prose in the body', () => {
    const { stories, documents } = parse(
      nitf(
        '<p>Harbor City beat Oster Bay on Saturday.</p>' +
          '<table><caption>Coastal League</caption><thead><tr><th></th><th>W</th><th>L</th><th>Pts</th></tr></thead>' +
          '<tbody><tr><td>Harbor <em>City</em></td><td>23</td><td>13</td><td>46</td></tr><tr><td>Oster Bay</td><td>19</td><td>17</td><td>38</td></tr></tbody></table>' +
          '<p>The next round is on Sunday.</p>',
      ),
    );
    expect(stories[0].body).toBe('Harbor City beat Oster Bay on Saturday.\n\nThe next round is on Sunday.');
    expect(documents[0].tables).toEqual([
      {
        caption: 'Coastal League',
        rows: [
          ['', 'W', 'L', 'Pts'],
          ['Harbor City', '23', '13', '46'],
          ['Oster Bay', '19', '17', '38'],
        ],
      },
    ]);
    expect(documents[0].body).not.toMatch(/Oster Bay<|\b46\b|Pts/);
  });

  it('reads a layout table (one holding a table, or paragraphs in its cells) as copy, and a data table inside it as a table', () => {
    const long = 'The council met on Monday and agreed to build the new pier, after two years of talks with the harbour board and the fishermen, who had asked for a longer quay and a new crane for the market.';
    const { documents } = parse(nitf(`<table><tr><td><p>${long}</p></td></tr></table><table><tr><td><table><tr><td>A</td><td>B</td></tr></table></td></tr></table>`));
    expect(documents[0].tables).toEqual([{ rows: [['A', 'B']] }]);
    expect(documents[0].body).toBe(long);
  });

  it('keeps a table of escaped HTML in NewsML 1.2 DataContent', () => {
    const html = '&lt;p&gt;Results of the day.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Port Allen&lt;/td&gt;&lt;td&gt;2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tern Island&lt;/td&gt;&lt;td&gt;1&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;';
    const xml =
      '<NewsML><NewsEnvelope><DateAndTime>20260105T120000Z</DateAndTime></NewsEnvelope><NewsItem><Identification><NewsIdentifier><ProviderId>wire.example</ProviderId><DateId>20260105</DateId><NewsItemId>r1</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:wire.example:20260105:r1:1</PublicIdentifier></NewsIdentifier></Identification>' +
      `<NewsComponent><NewsLines><HeadLine>Results</HeadLine></NewsLines><ContentItem><MimeType FormalName="text/html"/><DataContent>${html}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`;
    const { documents } = parse(xml);
    expect(documents[0].body).toBe('Results of the day.');
    expect(documents[0].tables).toEqual([{ rows: [['Port Allen', '2'], ['Tern Island', '1']] }]);
  });
});
