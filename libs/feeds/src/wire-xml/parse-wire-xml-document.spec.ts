import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, RawDocumentV1Schema, UnprocessableDocumentError } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import type { SourceRef } from '../source-ref';
import { parseWireXmlDocument, type ParsedWireXmlDocument } from './parse-wire-xml-document';

// Real NITF and NewsML-G2 samples shared with the project, read in place: see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const source: SourceRef = { id: 'agency-drop', kind: 'file-drop', uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(bytes: Uint8Array, documentUri = '/drop/doc.xml'): ParsedWireXmlDocument {
  const result = parseWireXmlDocument(bytes, { source, documentUri, fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

function parseShared(relative: string): ParsedWireXmlDocument {
  return parse(readFileSync(path.join(WIRE_DATA, relative)), `/drop/${path.basename(relative)}`);
}

describe('IPTC NITF', () => {
  it('reads the AP NITF story: headline, byline with title, dateline, issue date, body paragraphs', () => {
    const result = parseShared('nitf/ap-nitf.xml');
    expect(result.format).toBe('nitf');
    const [story] = result.stories;
    expect(story.headline).toBe('Can trading pollution like stocks help fight climate change?');
    expect(story.subheadline).toBeNull(); // its hl2 repeats the headline
    expect(story.byline).toBe('By BERNARD CONDON, AP Business Writer');
    expect(story.dateline).toBe('NEW YORK');
    expect(story.publishedAt).toBe('2015-12-10T19:10:44.000Z');
    expect(story.body.startsWith('NEW YORK (AP) — The gas produced by hog manure')).toBe(true);
    expect(story.body.split('\n\n').length).toBeGreaterThan(10);
    const [document] = result.documents;
    expect(document.format).toBe('feed-item');
    expect(document.feedItem).toMatchObject({ title: story.headline, author: story.byline, dateline: 'NEW YORK', publishedAt: story.publishedAt });
    // No doc-id: identified by its content.
    expect(document.articleId).toBe(articleIdFor({ sourceId: source.id, contentHash: document.contentHash }));
  });

  it('identifies an EFE story by its doc-id, dates it from date.issue and keeps its hl2', () => {
    const [document] = parseShared('nitf/efe_nitf.xml').documents;
    expect(document.articleId).toBe(articleIdFor({ sourceId: source.id, guid: '22751909' }));
    expect(document.feedItem).toMatchObject({ guid: '22751909', title: 'Honduran president announces Cabinet changes', publishedAt: '2017-01-02T22:28:00.000Z', categories: ['HONDURAS GOVERNMENT'] });
    expect(document.body).toBe('Tegucigalpa, Jan 2 (EFE).- Test body.');
  });

  it('decodes the ISO-8859-1 PA story and keeps inline entity markup as running text', () => {
    const result = parseShared('nitf/pa1.xml');
    expect(result.charset).toBe('iso-8859-1');
    expect(result.documents[0].charset).toBe('iso-8859-1');
    expect(result.stories[0].body).toContain('1996: Mark Bosnich, then of Aston Villa, was charged with misconduct by the Football Association after');
    expect(result.stories[0].publishedAt).toBe('2015-10-14T03:30:01.000Z');
  });

  it('joins AAP copy hard-wrapped with <br/> into whole paragraphs, dropping empty ones', () => {
    const [story] = parseShared('nitf/aap.xml').stories;
    expect(story.dateline).toBe('Sydney');
    expect(story.body).toContain('the fire situation is likely to get worse with a massive fire front spanning a huge area of NSW.');
    expect(story.body).not.toMatch(/\n\n\n/);
  });

  it('reads a windows-1252 NITF of our own, with a dated dateline, body.end tagline and character references', () => {
    const nitf =
      '<?xml version="1.0" encoding="windows-1252"?>\n<nitf baselang="fr"><head><title>Ignored title</title><docdata><doc-id id-string="AFP-1"/>' +
      '<date.issue norm="20250106T081500+0100"/><key-list><keyword key="Politique"/><keyword key="Politique"/></key-list></docdata></head>' +
      '<body><body.head><hedline><hl1>Le “budget” adopté</hl1><hl2>Vote à l&apos;Assemblée</hl2></hedline><byline>Par Zoé Müller</byline>' +
      '<dateline><location>PARIS</location><story.date norm="20250106T081500+0100">6 janv.</story.date></dateline></body.head>' +
      '<body.content><p>PARIS, 6 janv. (AFP) &#8212; Le budget a été adopté.</p><media media-type="image"><media-caption>Not copy</media-caption></media><p>Suite &amp; fin.</p></body.content>' +
      '<body.end><tagline>afp/zm</tagline></body.end></body></nitf>';
    const result = parse(iconv.encode(nitf, 'windows-1252'));
    expect(result.charset).toBe('windows-1252');
    expect(result.stories).toEqual([
      {
        guid: 'AFP-1',
        version: null,
        headline: 'Le “budget” adopté',
        subheadline: "Vote à l'Assemblée",
        byline: 'Par Zoé Müller',
        dateline: 'PARIS, 6 janv.',
        publishedAt: '2025-01-06T07:15:00.000Z',
        updatedAt: null,
        language: 'fr',
        keywords: ['Politique'],
        body: 'PARIS, 6 janv. (AFP) — Le budget a été adopté.\n\nSuite & fin.\n\nafp/zm',
        urgency: null,
      },
    ]);
  });

  it('keeps a headline-only FLASH with its urgency, told apart from another by its headline', () => {
    const flash = (headline: string) =>
      Buffer.from(`<nitf><head><docdata><urgency ed-urg="1"/></docdata></head><body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content/></body></nitf>`);
    const first = parse(flash('Earthquake of magnitude 7.1 off northern Japan'));
    const second = parse(flash('Tsunami warning issued for northern Japan'));
    expect(first.skipped).toEqual([]);
    expect(first.stories).toEqual([expect.objectContaining({ headline: 'Earthquake of magnitude 7.1 off northern Japan', body: '', urgency: 1 })]);
    expect(first.documents[0].feedItem).toMatchObject({ title: 'Earthquake of magnitude 7.1 off northern Japan', urgency: 1 });
    expect(first.documents[0].articleId).not.toBe(second.documents[0].articleId);
  });

  it('still skips a NITF with neither headline nor body', () => {
    const result = parse(Buffer.from('<nitf><head/><body><body.content/></body></nitf>'));
    expect(result.documents).toEqual([]);
    expect(result.skipped).toEqual([expect.stringContaining('neither headline nor body text')]);
  });
});

describe('IPTC NewsML-G2', () => {
  it('reads each newsItem of the AP newsMessage as a story identified by its guid', () => {
    const result = parseShared('newsml-g2/ap.xml');
    expect(result.format).toBe('newsml-g2');
    expect(result.documents).toHaveLength(3);
    const guids = result.stories.map((story) => story.guid);
    expect(guids[0]).toBe('tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text');
    expect(result.documents.map((document) => document.articleId)).toEqual(guids.map((guid) => articleIdFor({ sourceId: source.id, guid })));
    expect(new Set(result.documents.map((document) => document.documentUri)).size).toBe(3);
    expect(result.stories[0]).toMatchObject({
      headline: 'Nutrisystem beats 4Q earnings and revenue expectations',
      dateline: 'FORT WASHINGTON, Pa.',
      publishedAt: '2018-02-26T21:20:36.000Z',
      updatedAt: '2018-02-26T21:20:34.000Z',
      language: 'en',
      version: '2',
    });
    expect(result.stories[0].body.startsWith('FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc.')).toBe(true);
  });

  it('reads the dpa item whose body is inline XHTML, leaving out its slugline header', () => {
    const [story] = parseShared('newsml-g2/dpa.xml').stories;
    expect(story.headline).toBe('Eintracht in London: Hintereggers Tränen und Attacke auf Reporter');
    expect(story.language).toBe('de');
    expect(story.body.startsWith('London (dpa) - 2019 gab es bittere Tränen')).toBe(true);
    expect(story.body).not.toContain('Champions League\n');
  });

  it('reads Reuters packages as ordered references, emitting nothing for items not in the message', () => {
    const result = parseShared('newsml-g2/snep.xml');
    expect(result.documents).toEqual([]);
    expect(result.packages).toHaveLength(1);
    expect(result.packages[0].headline).toBe('OUSTPM Link List');
    expect(result.packages[0].items).toHaveLength(10);
    expect(result.packages[0].items[0]).toEqual({
      guid: 'tag:reuters.com,0000:newsml_BRE9220HA',
      version: '15',
      headline: 'At least 15 killed on Kenya coast on election day',
      included: false,
    });
    expect(parseShared('newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10').packages[0].items).toHaveLength(5);
  });

  it('emits the items a package carries in the same message, and plain-text inlineData', () => {
    const message = `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2025-01-06T10:00:00Z</sent></header><itemSet>
  <packageItem guid="urn:pkg:1" version="3"><contentMeta><headline>Top stories</headline></contentMeta>
    <groupSet root="root"><group id="root" role="grpRole:main">
      <itemRef residref="urn:item:text" version="2"><headline>Quake hits coast</headline></itemRef>
      <itemRef residref="urn:item:photo" version="1"><headline>Photo</headline></itemRef>
      <itemRef residref="urn:item:elsewhere" version="1"><headline>Not here</headline></itemRef>
    </group></groupSet></packageItem>
  <newsItem guid="urn:item:text" version="2">
    <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2025-01-06T09:59:00Z</versionCreated><firstCreated>2025-01-06T09:00:00Z</firstCreated></itemMeta>
    <contentMeta><headline>Quake hits coast</headline><by>By A. Writer</by><dateline>LIMA</dateline><language tag="es"/><keyword>earthquake</keyword></contentMeta>
    <contentSet><inlineData contenttype="text/plain">LIMA, Jan 6 (Wire) - A quake hit the coast.

Nobody was hurt.</inlineData></contentSet></newsItem>
  <newsItem guid="urn:item:photo" version="1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
    <contentSet><remoteContent href="https://photos.example/1.jpg" contenttype="image/jpeg"/></contentSet></newsItem>
</itemSet></newsMessage>`;
    const result = parse(Buffer.from(message));
    expect(result.stories.map((story) => [story.guid, story.headline, story.byline, story.dateline, story.publishedAt, story.updatedAt, story.body])).toEqual([
      ['urn:item:text', 'Quake hits coast', 'By A. Writer', 'LIMA', '2025-01-06T09:00:00.000Z', '2025-01-06T09:59:00.000Z', 'LIMA, Jan 6 (Wire) - A quake hit the coast.\n\nNobody was hurt.'],
    ]);
    expect(result.packages[0].items.map((item) => [item.guid, item.included])).toEqual([
      ['urn:item:text', true],
      ['urn:item:photo', false],
      ['urn:item:elsewhere', false],
    ]);
    expect(result.skipped).toEqual([expect.stringContaining('urn:item:photo: no inline text content (ninat:picture)')]);
    expect(result.documents[0].documentUri).toBe('/drop/doc.xml');
  });

  it('keeps a text item that is only a headline, with its urgency and a <subheadline>', () => {
    const item = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:item:flash" version="1">
  <itemMeta><itemClass qcode="ninat:text"/><firstCreated>2025-01-06T09:00:00Z</firstCreated></itemMeta>
  <contentMeta><urgency>1</urgency><headline>Central bank raises rates</headline><subheadline>First rise in ten years</subheadline></contentMeta>
  <contentSet/></newsItem>`;
    const result = parse(Buffer.from(item));
    expect(result.stories).toEqual([expect.objectContaining({ guid: 'urn:item:flash', headline: 'Central bank raises rates', subheadline: 'First rise in ten years', body: '', urgency: 1 })]);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].feedItem).toMatchObject({ subheadline: 'First rise in ten years' });
  });

  it('passes a subheadline given by headline role hld:subHeadline on to the raw document', () => {
    const item = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:item:sub" version="1">
  <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
  <contentMeta><headline>Harbour reopens</headline><headline role="hld:subHeadline">Ships wait no longer</headline></contentMeta>
  <contentSet><inlineData contenttype="text/plain">OSTERVIK, Jan 8 (Wire) - The harbour reopened on Wednesday after a week of storms.</inlineData></contentSet></newsItem>`;
    expect(parse(Buffer.from(item)).documents[0].feedItem).toMatchObject({ title: 'Harbour reopens', subheadline: 'Ships wait no longer' });
  });
});

describe('refusals', () => {
  it('refuses the shared entity bombs and the external-entity file before parsing', () => {
    for (const name of ['xmlbomb.xml', 'quadratic.xml', 'external.xml']) {
      expect(() => parse(readFileSync(path.join(WIRE_DATA, 'hostile', name)))).toThrow(/DTD\/entity declarations are not allowed/);
    }
  });

  it('refuses a NITF with an internal DTD subset even without entities', () => {
    expect(() => parse(Buffer.from('<!DOCTYPE nitf [ <!ELEMENT nitf ANY> ]><nitf><body/></nitf>'))).toThrow(UnprocessableDocumentError);
  });

  it('refuses a truncated NewsML-G2 message and XML of another kind, naming the reason', () => {
    const truncated = readFileSync(path.join(WIRE_DATA, 'newsml-g2/ap.xml')).subarray(0, 5000);
    expect(() => parse(truncated)).toThrow(/malformed XML: unterminated start tag <broader> at line 103/);
    expect(() => parse(Buffer.from('<?xml version="1.0"?><catalog><x/></catalog>'))).toThrow('neither an IPTC NITF nor a NewsML-G2 document (root <catalog>)');
  });

  it('refuses a document over maxBytes unread', () => {
    expect(() => parseWireXmlDocument(Buffer.alloc(2048, 0x20), { source, documentUri: '/drop/big.xml', fetchedAt, maxBytes: 1024 })).toThrow(/larger than the 1024-byte limit/);
  });
});
