import { articleIdFor, RawDocumentV1Schema, sha256Hex, UnprocessableDocumentError } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import { classifyDroppedFile, documentFromDroppedFile } from './dropped-file';
import { documentsFromDroppedFile } from './dropped-file-documents';
import type { SourceRef } from './source-ref';

const source: SourceRef = { id: 'drop-yonhap', kind: 'file-drop', uri: '/var/spool/wire/yonhap' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

const WIRE_COPY = 'SEOUL, Jan. 6 (Yonhap) -- South Korea\'s exports rose 6.6 percent in December, data showed Monday.\n\n(END)\n';
const HTML_PAGE = '<!DOCTYPE html>\n<html lang="en"><head><title>Exports rise</title></head><body><p>SEOUL, Jan. 6 (Yonhap) -- Exports rose.</p></body></html>';

function fromFile(bytes: Uint8Array, path: string, maxBytes?: number) {
  const document = documentFromDroppedFile(bytes, { source, path, fetchedAt, maxBytes });
  RawDocumentV1Schema.parse(document);
  return document;
}

describe('classifyDroppedFile', () => {
  it('tells wire text from HTML by content, not by name', () => {
    expect(classifyDroppedFile(Buffer.from(WIRE_COPY), 'story.html')).toBe('wire-text');
    expect(classifyDroppedFile(Buffer.from(HTML_PAGE), 'story.txt')).toBe('html');
    expect(classifyDroppedFile(Buffer.from('\n  <html><body>x</body></html>'), 'a')).toBe('html');
    expect(classifyDroppedFile(Buffer.from('<!-- saved from url -->\n<HTML><BODY>x</BODY></HTML>'), 'a')).toBe('html');
    expect(classifyDroppedFile(Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"/>'), 'a.xml')).toBe('html');
  });

  it('reads an HTML fragment as HTML, and wire copy opening with control codes as wire text', () => {
    expect(classifyDroppedFile(Buffer.from('<p>SEOUL -- Exports rose.</p>\n<p>More.</p>'), 'a.txt')).toBe('html');
    expect(classifyDroppedFile(Buffer.from('\u0001\u0002BC-Korea-Exports\r\nSEOUL -- Exports rose.\u0003'), 'a')).toBe('wire-text');
  });

  it('reports RSS, Atom and RDF feeds so the service can route them to parseFeedDocument', () => {
    expect(classifyDroppedFile(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), 'x')).toBe('feed');
    expect(classifyDroppedFile(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>'), 'x')).toBe('feed');
    expect(classifyDroppedFile(Buffer.from('<rdf:RDF xmlns:rdf="r" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>'), 'x')).toBe('feed');
  });

  it('recognises NITF and NewsML-G2, and reports other XML as unsupported', () => {
    expect(classifyDroppedFile(Buffer.from('<?xml version="1.0"?><nitf><head/><body/></nitf>'), 'story.xml')).toBe('nitf');
    expect(classifyDroppedFile(Buffer.from('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>'), 'm.xml')).toBe('newsml-g2');
    expect(classifyDroppedFile(Buffer.from('<?xml version="1.0"?><catalog><x/></catalog>'), 'c.xml')).toBe('xml-unsupported');
    expect(classifyDroppedFile(Buffer.from('<rdf:RDF xmlns:rdf="r"><rdf:Description/></rdf:RDF>'), 'x.rdf')).toBe('xml-unsupported');
  });

  it('refuses a file that is only an XML declaration and a comment, naming why, rather than storing the comment', () => {
    const onlyComment = Buffer.from('<?xml version="1.0"?>\n<!-- nothing here but a comment -->\n');
    expect(classifyDroppedFile(onlyComment, 'c.xml')).toBe('xml-unsupported');
    expect(() => documentFromDroppedFile(onlyComment, { source: { id: 'drop', kind: 'file-drop', uri: '/drop' }, path: '/drop/c.xml', fetchedAt: new Date() })).toThrow(
      /markup with no element: only a declaration, comments or processing instructions/,
    );
  });
});

describe('documentFromDroppedFile', () => {
  it('makes a wire-text raw document identified by its content hash', () => {
    const document = fromFile(Buffer.from(WIRE_COPY), '/var/spool/wire/yonhap/AKR20250106.txt');
    expect(document).toEqual({
      schemaVersion: 1,
      articleId: articleIdFor({ sourceId: 'drop-yonhap', contentHash: sha256Hex(WIRE_COPY) }),
      source,
      documentUri: '/var/spool/wire/yonhap/AKR20250106.txt',
      fetchedAt: '2026-01-06T09:00:00.000Z',
      format: 'wire-text',
      charset: 'utf-8',
      body: WIRE_COPY,
      contentHash: sha256Hex(WIRE_COPY),
      feedItem: null,
    });
  });

  it('gives the same bytes the same article id whatever the file is called', () => {
    const first = fromFile(Buffer.from(WIRE_COPY), '/drop/a.txt');
    const renamed = fromFile(Buffer.from(WIRE_COPY), '/drop/renamed-later.txt');
    expect(renamed.articleId).toBe(first.articleId);
    expect(renamed.documentUri).toBe('/drop/renamed-later.txt');
    expect(fromFile(Buffer.from(`${WIRE_COPY}Correction.\n`), '/drop/a.txt').articleId).not.toBe(first.articleId);
  });

  it('makes an HTML document from an EUC-KR page, decoded and recorded as such', () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body><p>서울 (연합뉴스) -- 수출이 늘었다.</p></body></html>';
    const document = fromFile(iconv.encode(page, 'euc-kr'), '/drop/page.htm');
    expect(document.format).toBe('html');
    expect(document.charset).toBe('euc-kr');
    expect(document.body).toBe(page);
    expect(document.contentHash).toBe(sha256Hex(page));
  });

  it('refuses a file over maxBytes', () => {
    expect(() => fromFile(Buffer.from(WIRE_COPY), '/drop/a.txt', 20)).toThrow(UnprocessableDocumentError);
    expect(() => fromFile(Buffer.from(WIRE_COPY), '/drop/a.txt', 20)).toThrow(`/drop/a.txt is ${Buffer.byteLength(WIRE_COPY)} bytes, larger than the 20-byte limit`);
  });

  it('refuses text longer than a raw document may carry, even under the byte limit', () => {
    const long = Buffer.from('x'.repeat(2_000_001));
    expect(() => fromFile(long, '/drop/long.txt')).toThrow(/body is 2000001 characters, more than the 2000000/);
  });

  it('refuses unsupported XML naming its root, and feeds and NITF, which have their own readers', () => {
    expect(() => fromFile(Buffer.from('<?xml version="1.0"?><catalog><x/></catalog>'), '/drop/c.xml')).toThrow('/drop/c.xml: unsupported XML document (root <catalog>)');
    expect(() => fromFile(Buffer.from('<?xml version="1.0"?><nitf><body/></nitf>'), '/drop/n.xml')).toThrow('is a nitf document (root <nitf>), which parseWireXmlDocument reads');
    expect(() => fromFile(Buffer.from('<rss version="2.0"><channel/></rss>'), '/drop/f.xml')).toThrow(/is a feed \(root <rss>\)/);
  });

  it('refuses a file whose declared charset cannot be decoded', () => {
    const page = Buffer.from('<html><head><meta charset="x-unknown-charset"></head><body>x</body></html>');
    expect(() => fromFile(page, '/drop/p.html')).toThrow(/unsupported charset "x-unknown-charset" declared in an HTML <meta> tag/);
  });
});

describe('documentsFromDroppedFile', () => {
  it('yields one document per item for a dropped feed, identified by guid', async () => {
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Drop</title>'
      + '<item><guid>g-1</guid><title>One</title><description>First</description></item>'
      + '<item><guid>g-2</guid><title>Two</title><description>Second</description></item></channel></rss>';
    const documents = await documentsFromDroppedFile(Buffer.from(feed), { source, path: '/drop/agency.xml', fetchedAt });
    expect(documents.map((document) => [document.format, document.articleId, document.body])).toEqual([
      ['feed-item', articleIdFor({ sourceId: 'drop-yonhap', guid: 'g-1' }), 'First'],
      ['feed-item', articleIdFor({ sourceId: 'drop-yonhap', guid: 'g-2' }), 'Second'],
    ]);
    for (const document of documents) RawDocumentV1Schema.parse(document);
  });

  it('yields the single document documentFromDroppedFile makes for wire copy and HTML', async () => {
    const options = { source, path: '/drop/story.txt', fetchedAt };
    expect(await documentsFromDroppedFile(Buffer.from(WIRE_COPY), options)).toEqual([documentFromDroppedFile(Buffer.from(WIRE_COPY), options)]);
    expect((await documentsFromDroppedFile(Buffer.from(HTML_PAGE), options))[0].format).toBe('html');
  });

  it('refuses oversize files before classifying them, and unsupported XML', async () => {
    await expect(documentsFromDroppedFile(Buffer.from(WIRE_COPY), { source, path: '/drop/a.txt', fetchedAt, maxBytes: 10 })).rejects.toThrow(/larger than the 10-byte limit/);
    await expect(documentsFromDroppedFile(Buffer.from('<?xml version="1.0"?><catalog/>'), { source, path: '/drop/c.xml', fetchedAt })).rejects.toThrow(
      'unsupported XML document (root <catalog>)',
    );
  });

  it('yields one document per NITF story and per NewsML-G2 item, identified by their guids', async () => {
    const nitf = '<nitf><head><docdata><doc-id id-string="N-1"/></docdata></head><body><body.head><hedline><hl1>Head</hl1></hedline></body.head><body.content><p>Copy.</p></body.content></body></nitf>';
    const [document] = await documentsFromDroppedFile(Buffer.from(nitf), { source, path: '/drop/story.nitf', fetchedAt });
    expect(document).toMatchObject({ format: 'feed-item', body: 'Copy.', articleId: articleIdFor({ sourceId: 'drop-yonhap', guid: 'N-1' }) });
    const g2 = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:g2:1"><contentSet><inlineData contenttype="text/plain">Copy two.</inlineData></contentSet></newsItem>';
    expect((await documentsFromDroppedFile(Buffer.from(g2), { source, path: '/drop/item.xml', fetchedAt }))[0].articleId).toBe(articleIdFor({ sourceId: 'drop-yonhap', guid: 'urn:g2:1' }));
  });

  it('yields one wire-text document per story of a multi-story file, each identified by its own text', async () => {
    const words = Array.from({ length: 30 }, (_, index) => `w${index}`).join(' ');
    const text = `LIMA (Wire) - ${words}\n-----\nPARIS (Wire) - ${words}\n`;
    const documents = await documentsFromDroppedFile(Buffer.from(text), { source, path: '/drop/batch.txt', fetchedAt });
    expect(documents.map((document) => [document.format, document.documentUri, document.body.slice(0, 5)])).toEqual([
      ['wire-text', '/drop/batch.txt#story-1', 'LIMA '],
      ['wire-text', '/drop/batch.txt#story-2', 'PARIS'],
    ]);
    expect(documents[0].articleId).toBe(articleIdFor({ sourceId: 'drop-yonhap', contentHash: documents[0].contentHash }));
  });
});
