import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, RawDocumentV1Schema, UnprocessableDocumentError } from '@wirestream/contracts';
import { versionedGuid } from '../wire-status';
import iconv from 'iconv-lite';
import type { SourceRef } from '../source-ref';
import { parseWireXmlDocument, wireXmlFormatOf, type ParsedWireXmlDocument } from './parse-wire-xml-document';
import type { WireStory } from './wire-story';

// Real NITF, NewsML-G2 and NewsML 1.2 samples shared with the project, read in place: see its README.md.
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
        tables: [],
        urgency: null,
        wire: { agencyItemId: 'AFP-1', version: null, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false },
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
    // Each version of an item is an article of its own: its guid with the version, linked by the guid.
    expect(result.stories.map((story) => story.wire)).toEqual(
      guids.map((guid, index) => ({ agencyItemId: guid, version: [2, 2, 1][index], versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false })),
    );
    expect(result.documents.map((document) => document.articleId)).toEqual(result.stories.map((story) => articleIdFor({ sourceId: source.id, guid: versionedGuid(story.guid, story.wire) })));
    expect(result.documents.map((document) => document.feedItem?.wire)).toEqual(result.stories.map((story) => story.wire));
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

/** Text decoded wrongly or not at all, as the pipeline's wire-files test looks for it. */
const TEXT_DEFECTS: Array<[string, RegExp]> = [
  ['mojibake', /Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]|\ufffd/],
  ['an undecoded reference', /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i],
  ['markup', /<\/?[a-z][\w.:-]*\b[^<>]*>/i],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  ['a control character', /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/],
];

/** Every defect in a story's text fields, as `field: defect "match"`. */
function textDefectsOf(story: WireStory): string[] {
  const fields: Array<[string, string | null]> = [
    ['headline', story.headline],
    ['subheadline', story.subheadline],
    ['byline', story.byline],
    ['dateline', story.dateline],
    ['body', story.body],
    ...story.keywords.map((keyword): [string, string] => ['keyword', keyword]),
  ];
  return fields.flatMap(([field, text]) =>
    TEXT_DEFECTS.flatMap(([defect, pattern]) => {
      const found = text?.match(pattern);
      return found ? [`${field}: ${defect} ${JSON.stringify(found[0])}`] : [];
    }),
  );
}

describe('IPTC NewsML 1.2', () => {
  /** Pinned per shared file: its stories, and the first story's lines, urgency, revision and opening copy. */
  const PINNED: Record<string, { stories: number; headline: string; byline: string | null; dateline: string | null; urgency: number | null; version: string; bodyStart: string }> = {
    'afp.xml': {
      stories: 1,
      headline: 'Sweden court accepts receivership for Saab carmaker',
      byline: null,
      dateline: 'STOCKHOLM, Aug 29, 2014 (AFP)',
      urgency: 4,
      version: '1',
      bodyStart: "A Chinese-owned company set up to take over Saab's assets af",
    },
  };
  const files = readdirSync(path.join(WIRE_DATA, 'newsml-1.2')).sort();

  it('has the pinned files among the shared NewsML 1.2 files', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(PINNED)));
  });

  it.each(files)('reads %s, pinned or not, as NewsML 1.2: stories with a headline or copy, clean text', (fileName) => {
    const result = parseShared(`newsml-1.2/${fileName}`);
    expect(result.format).toBe('newsml-1.2');
    expect(result.stories.length).toBeGreaterThan(0);
    for (const story of result.stories) expect(`${story.headline ?? ''}${story.body}`.trim()).not.toBe('');
    expect(result.stories.flatMap(textDefectsOf)).toEqual([]);
  });

  it.each(Object.keys(PINNED))('reads %s: story count, lines, urgency, revision, opening copy, clean text', (fileName) => {
    const result = parseShared(`newsml-1.2/${fileName}`);
    const pinned = PINNED[fileName];
    expect(result.format).toBe('newsml-1.2');
    expect(result.stories).toHaveLength(pinned.stories);
    expect(result.documents).toHaveLength(pinned.stories);
    const [story] = result.stories;
    expect(story).toMatchObject({ headline: pinned.headline, byline: pinned.byline, dateline: pinned.dateline, urgency: pinned.urgency, version: pinned.version });
    expect(story.body.slice(0, 60)).toBe(pinned.bodyStart);
    expect(result.stories.flatMap(textDefectsOf)).toEqual([]);
    for (const document of result.documents) expect(document.format).toBe('feed-item');
  });

  it('reads the AFP item in full: identity without its revision, dates, language, keywords, NITF paragraphs', () => {
    const result = parseShared('newsml-1.2/afp.xml');
    expect(result.skipped).toEqual([]);
    const [story] = result.stories;
    expect(story).toMatchObject({
      guid: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86',
      publishedAt: '2014-08-29T13:49:51.000Z',
      updatedAt: '2014-08-29T13:49:51.000Z',
      language: 'en',
      subheadline: null,
      keywords: ['Sweden', 'China', 'auto', 'business', 'bankruptcy', 'Saab'],
    });
    expect(story.body.split('\n\n')).toHaveLength(10);
    expect(story.body.endsWith('a line of electric cars.\n\nhh/ph/ts/hd')).toBe(true);
    expect(story.wire).toEqual({ agencyItemId: story.guid, version: 1, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false });
    const [document] = result.documents;
    expect(document.articleId).toBe(articleIdFor({ sourceId: source.id, guid: versionedGuid(story.guid, story.wire) }));
    expect(document.feedItem).toMatchObject({ title: story.headline, dateline: 'STOCKHOLM, Aug 29, 2014 (AFP)', urgency: 4, publishedAt: story.publishedAt });
  });

  it('tells NewsML 1.2 (<NewsML>) apart from NewsML-G2 by its root element', () => {
    expect(wireXmlFormatOf('NewsML')).toBe('newsml-1.2');
    expect(wireXmlFormatOf('nml:NewsML')).toBe('newsml-1.2');
    expect(wireXmlFormatOf('newsItem')).toBe('newsml-g2');
    expect(wireXmlFormatOf('NewsItem')).toBeNull();
  });

  const identifier = (itemId: string, revision: number, publicIdentifier = true) =>
    `<Identification><NewsIdentifier><ProviderId>wire.example</ProviderId><DateId>20250106</DateId><NewsItemId>${itemId}</NewsItemId>` +
    `<RevisionId PreviousRevision="${revision - 1}" Update="N">${revision}</RevisionId>` +
    (publicIdentifier ? `<PublicIdentifier>urn:newsml:wire.example:20250106:${itemId}:${revision}</PublicIdentifier>` : '') +
    `</NewsIdentifier></Identification>`;
  const message = (...items: string[]) =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<NewsML Version="1.2"><NewsEnvelope><DateAndTime>20250106T100000+0100</DateAndTime><Priority FormalName="3"/></NewsEnvelope>${items.join('\n')}</NewsML>`,
    );
  const textItem = (revision: number, headline = 'Harbour reopens after storms') => `<NewsItem>${identifier('TX-1', revision)}
  <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20250106T091500+0100</FirstCreated><ThisRevisionCreated>20250106T0930${revision}0+0100</ThisRevisionCreated>
    <Status FormalName="Usable"/><Urgency FormalName="3"/></NewsManagement>
  <NewsComponent>
    <NewsLines><HeadLine>${headline}</HeadLine><SubHeadLine>Ships wait no longer</SubHeadLine><ByLine>By Ana Lima</ByLine><ByLineTitle>Wire correspondent</ByLineTitle>
      <DateLine>OSTERVIK, Jan 6 (Wire) --</DateLine><CopyrightLine>© 2025 Wire</CopyrightLine><KeywordLine>harbour</KeywordLine></NewsLines>
    <DescriptiveMetadata><Language FormalName="en"/><SubjectCode><Subject FormalName="04000000"/></SubjectCode><Property FormalName="Keyword" Value="storms"/></DescriptiveMetadata>
    <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="application/xhtml+xml"/><DataContent>
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Not copy</title></head><body>
        <p>The harbour at Ostervik reopened on Monday &#8212; a week after the storms.</p>
        <p>Ferries &amp; freighters <em>resumed</em> sailing at dawn.</p>
      </body></html></DataContent></ContentItem>
  </NewsComponent></NewsItem>`;
  const photoItem = `<NewsItem>${identifier('PH-1', 1)}
  <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20250106T091000+0100</FirstCreated><Status FormalName="Usable"/><Urgency FormalName="4"/></NewsManagement>
  <NewsComponent><NewsLines><HeadLine>Ships leave Ostervik harbour</HeadLine></NewsLines>
    <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/><DataContent>Ships leave the harbour at dawn.</DataContent></ContentItem></NewsComponent>
    <NewsComponent><Role FormalName="HighDef"/><ContentItem Href="https://photos.example/ph-1.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/></ContentItem></NewsComponent>
  </NewsComponent></NewsItem>`;

  it('reads a message of a text item and a photo item: the text is the story, the photo is skipped by name', () => {
    const result = parse(message(textItem(1), photoItem));
    expect(result.format).toBe('newsml-1.2');
    expect(result.stories).toEqual([
      {
        guid: 'urn:newsml:wire.example:20250106:TX-1',
        version: '1',
        headline: 'Harbour reopens after storms',
        subheadline: 'Ships wait no longer',
        byline: 'By Ana Lima, Wire correspondent',
        dateline: 'OSTERVIK, Jan 6 (Wire)',
        publishedAt: '2025-01-06T08:15:00.000Z',
        updatedAt: '2025-01-06T08:30:10.000Z',
        language: 'en',
        keywords: ['storms', 'harbour'],
        body: 'The harbour at Ostervik reopened on Monday — a week after the storms.\n\nFerries & freighters resumed sailing at dawn.',
        tables: [],
        urgency: 3,
        wire: { agencyItemId: 'urn:newsml:wire.example:20250106:TX-1', version: 1, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false },
      },
    ]);
    expect(result.skipped).toEqual(['NewsItem urn:newsml:wire.example:20250106:PH-1: no text content (Photo)']);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].documentUri).toBe('/drop/doc.xml');
    expect(result.documents[0].feedItem).toMatchObject({ title: 'Harbour reopens after storms', subheadline: 'Ships wait no longer', author: 'By Ana Lima, Wire correspondent', urgency: 3 });
    expect(result.stories.flatMap(textDefectsOf)).toEqual([]);
  });

  it('links revisions of an item by its agency id, each an article of its own, and names items by their parts without a PublicIdentifier', () => {
    const first = parse(message(textItem(1))).documents[0];
    const second = parse(message(textItem(2, 'Harbour reopens after a week of storms'))).documents[0];
    expect(second.articleId).not.toBe(first.articleId);
    expect(second.feedItem?.wire).toMatchObject({ agencyItemId: first.feedItem?.wire?.agencyItemId, version: 2 });
    expect(parse(message(textItem(2, 'Harbour reopens after a week of storms'))).documents[0].articleId).toBe(second.articleId);
    expect(parse(message(textItem(2))).stories[0].version).toBe('2');
    const bare = textItem(1).replace(/<PublicIdentifier>[^<]*<\/PublicIdentifier>/, '');
    expect(parse(message(bare)).stories[0].guid).toBe('wire.example:20250106:TX-1');
  });

  it('keeps a text item that is only a headline (an alert), with its urgency', () => {
    const alert = `<NewsItem>${identifier('AL-1', 1)}
  <NewsManagement><NewsItemType FormalName="Alert"/><FirstCreated>20250106T120000Z</FirstCreated><Status FormalName="Usable"/><Urgency FormalName="1"/></NewsManagement>
  <NewsComponent><NewsLines><HeadLine>Central bank raises rates</HeadLine></NewsLines>
    <ContentItem><MediaType FormalName="Text"/><DataContent/></ContentItem></NewsComponent></NewsItem>`;
    const result = parse(message(alert));
    expect(result.skipped).toEqual([]);
    expect(result.stories).toEqual([expect.objectContaining({ guid: 'urn:newsml:wire.example:20250106:AL-1', headline: 'Central bank raises rates', body: '', urgency: 1, publishedAt: '2025-01-06T12:00:00.000Z' })]);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0].feedItem).toMatchObject({ title: 'Central bank raises rates', urgency: 1 });
  });

  it('reads plain-text and escaped-HTML DataContent as paragraphs, and skips updates and empty items by name', () => {
    const withContent = (itemId: string, content: string) =>
      `<NewsItem>${identifier(itemId, 1)}<NewsManagement><Status FormalName="Usable"/></NewsManagement>` +
      `<NewsComponent><NewsLines><HeadLine>${itemId} story</HeadLine></NewsLines><ContentItem><MediaType FormalName="Text"/>${content}</ContentItem></NewsComponent></NewsItem>`;
    const result = parse(
      message(
        withContent('PLAIN', '<MimeType FormalName="text/plain"/><DataContent>  LIMA, Jan 6 (Wire) - A quake hit\r\nthe coast.\r\n\r\n  Nobody was hurt.\r\n</DataContent>'),
        withContent('HTML', '<MimeType FormalName="text/html"/><DataContent>&lt;p&gt;Caf&amp;eacute; owners &amp;amp; staff&amp;nbsp;cheered.&lt;/p&gt;&lt;p&gt;Second&lt;br&gt;line.&lt;/p&gt;</DataContent>'),
        withContent('CDATA', '<DataContent><![CDATA[<div><p>One &amp; two.</p><script>x()</script><p>Three.</p></div>]]></DataContent>'),
        `<NewsItem>${identifier('UPD', 2)}<Update><InsertAfter DuidRef="x"/></Update></NewsItem>`,
        `<NewsItem>${identifier('NONE', 1)}<NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent/></ContentItem></NewsComponent></NewsItem>`,
        // A picture whose caption sits beside it, with no Role to say so.
        `<NewsItem>${identifier('PH-2', 1)}<NewsComponent><NewsLines><HeadLine>Dawn</HeadLine></NewsLines>` +
          `<ContentItem><MediaType FormalName="Text"/><DataContent>Ships at dawn.</DataContent></ContentItem>` +
          `<ContentItem Href="ph-2.jpg"><MediaType FormalName="Photo"/></ContentItem><ContentItem Href="ph-2.mp4"><MediaType FormalName="Video"/></ContentItem></NewsComponent></NewsItem>`,
      ),
    );
    expect(result.stories.map((story) => [story.headline, story.body])).toEqual([
      ['PLAIN story', 'LIMA, Jan 6 (Wire) - A quake hit the coast.\n\nNobody was hurt.'],
      ['HTML story', 'Café owners & staff cheered.\n\nSecond line.'],
      ['CDATA story', 'One & two.\n\nThree.'],
    ]);
    expect(result.skipped).toEqual([
      'NewsItem urn:newsml:wire.example:20250106:UPD: an update of parts of an earlier revision, which is not applied',
      'NewsItem urn:newsml:wire.example:20250106:NONE: neither a headline nor text content',
      'NewsItem urn:newsml:wire.example:20250106:PH-2: no text content (Photo, Video)',
    ]);
    expect(result.stories.flatMap(textDefectsOf)).toEqual([]);
    expect(new Set(result.documents.map((document) => document.documentUri)).size).toBe(3);
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
    expect(() => parse(Buffer.from('<?xml version="1.0"?><catalog><x/></catalog>'))).toThrow('not an IPTC NITF, NewsML-G2 or NewsML 1.2 document (root <catalog>)');
  });

  it('refuses a document over maxBytes unread', () => {
    expect(() => parseWireXmlDocument(Buffer.alloc(2048, 0x20), { source, documentUri: '/drop/big.xml', fetchedAt, maxBytes: 1024 })).toThrow(/larger than the 1024-byte limit/);
  });
});
