import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RawDocumentV1Schema } from '@wirestream/contracts';
import type { SourceRef } from '../source-ref';
import { parseWireXmlDocument, type ParsedWireXmlDocument } from './parse-wire-xml-document';

// Real wire samples shared with the project, read in place: see ../shared/data/wire/README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const source: SourceRef = { id: 'agency-drop', kind: 'file-drop', uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(text: string | Buffer): ParsedWireXmlDocument {
  const result = parseWireXmlDocument(typeof text === 'string' ? Buffer.from(text) : text, { source, documentUri: '/drop/doc.xml', fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

const nitf = (docdata: string, attributes = '') =>
  `<nitf><head><docdata ${attributes}><doc-id id-string="WX-42"/>${docdata}</docdata></head>` +
  `<body><body.head><hedline><hl1>Dam opens its gates</hl1></hedline></body.head><body.content><p>The dam opened its gates on Monday.</p></body.content></body></nitf>`;

describe('NITF wire status', () => {
  it('reads the real AAP file as usable and not embargoed: its release time is its issue time', () => {
    const [story] = parse(readFileSync(path.join(WIRE_DATA, 'nitf/aap.xml'))).stories;
    expect(story.wire).toEqual({ agencyItemId: 'AAP.115314987.5417374', version: null, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false });
  });

  it('reads date.release as the embargo when management-status says embargoed, or the release is after the issue', () => {
    const release = '<date.issue norm="20300101T080000Z"/><date.release norm="20300101T120000+0100"/>';
    expect(parse(nitf(release)).stories[0].wire.embargoedUntil).toBe('2030-01-01T11:00:00.000Z');
    expect(parse(nitf('<date.release norm="20300101T120000Z"/>', 'management-status="embargoed"')).stories[0].wire.embargoedUntil).toBe('2030-01-01T12:00:00.000Z');
    expect(parse(nitf('<date.release norm="20300101T120000Z"/>')).stories[0].wire.embargoedUntil).toBeNull();
  });

  it('reads a canceled document with its ed-msg, du-key version and a correction element', () => {
    const killed = parse(nitf('<du-key version="3" key="dam"/><ed-msg info="Kill: wrong dam named."/>', 'management-status="canceled"')).stories[0].wire;
    expect(killed).toMatchObject({ pubStatus: 'canceled', statusNote: 'Kill: wrong dam named.', version: 3, correction: false });
    expect(parse(nitf('<correction info="Corrects the day." id-string="WX-41"/>')).stories[0].wire.correction).toBe(true);
  });
});

const g2 = (itemMeta: string, version = 4) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:wire.example:2030:dam" version="${version}" standard="NewsML-G2">
  <itemMeta><itemClass qcode="ninat:text"/>${itemMeta}</itemMeta>
  <contentMeta><headline>Dam opens its gates</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The dam opened its gates on Monday.</p></body></html></inlineXML></contentSet>
</newsItem>`;

describe('NewsML-G2 wire status', () => {
  it('reads version, pubStatus and embargoed', () => {
    const { wire } = parse(g2('<pubStatus qcode="stat:usable"/><embargoed>2030-01-01T12:00:00+02:00</embargoed>')).stories[0];
    expect(wire).toEqual({ agencyItemId: 'urn:newsml:wire.example:2030:dam', version: 4, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: '2030-01-01T10:00:00.000Z', correction: false });
  });

  it('reads stat:canceled and stat:withheld with the edNote as the reason, and a correction signal', () => {
    expect(parse(g2('<pubStatus qcode="stat:canceled"/><edNote>Withdrawn: the dam did not open.</edNote>', 5)).stories[0].wire).toMatchObject({
      pubStatus: 'canceled',
      statusNote: 'Withdrawn: the dam did not open.',
      version: 5,
    });
    expect(parse(g2('<pubStatus qcode="stat:withheld"/>')).stories[0].wire.pubStatus).toBe('withheld');
    expect(parse(g2('<pubStatus qcode="stat:usable"/><signal qcode="sig:correction"/>')).stories[0].wire.correction).toBe(true);
  });

  it('reads the real AP message as usable versions with no embargo', () => {
    const { stories } = parse(readFileSync(path.join(WIRE_DATA, 'newsml-g2/ap.xml')));
    expect(stories.map((story) => [story.wire.pubStatus, story.wire.version, story.wire.embargoedUntil])).toEqual([
      ['usable', 2, null],
      ['usable', 2, null],
      ['usable', 1, null],
    ]);
  });
});

const newsMl12 = (management: string, revision = 2) => `<NewsML><NewsEnvelope><DateAndTime>20300101T080000Z</DateAndTime></NewsEnvelope><NewsItem>
  <Identification><NewsIdentifier><ProviderId>wire.example</ProviderId><DateId>20300101</DateId><NewsItemId>DAM-1</NewsItemId>
    <RevisionId PreviousRevision="${revision - 1}" Update="N">${revision}</RevisionId><PublicIdentifier>urn:newsml:wire.example:20300101:DAM-1:${revision}</PublicIdentifier></NewsIdentifier></Identification>
  <NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20300101T080000Z</FirstCreated>${management}</NewsManagement>
  <NewsComponent><NewsLines><HeadLine>Dam opens its gates</HeadLine></NewsLines>
    <ContentItem><MediaType FormalName="Text"/><MimeType FormalName="text/plain"/><DataContent>The dam opened its gates on Monday.</DataContent></ContentItem></NewsComponent>
</NewsItem></NewsML>`;

describe('NewsML 1.2 wire status', () => {
  it('reads an embargoed item with the time its status will change to usable', () => {
    const management = '<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20300101T120000Z</DateAndTime></StatusWillChange>';
    expect(parse(newsMl12(management)).stories[0].wire).toEqual({
      agencyItemId: 'urn:newsml:wire.example:20300101:DAM-1',
      version: 2,
      versionLabel: null,
      pubStatus: 'usable',
      statusNote: null,
      embargoedUntil: '2030-01-01T12:00:00.000Z',
      correction: false,
    });
  });

  it('reads Canceled status and a Kill instruction as kills, and a Correction instruction', () => {
    expect(parse(newsMl12('<Status FormalName="Canceled"/>', 3)).stories[0].wire).toMatchObject({ pubStatus: 'canceled', version: 3 });
    expect(parse(newsMl12('<Status FormalName="Usable"/><Instruction FormalName="Kill"/>')).stories[0].wire).toMatchObject({ pubStatus: 'canceled', statusNote: 'Kill' });
    expect(parse(newsMl12('<Status FormalName="Usable"/><Instruction FormalName="Correction"/>')).stories[0].wire).toMatchObject({ pubStatus: 'usable', correction: true });
  });

  it('reads the real AFP item as usable revision 1', () => {
    const [story] = parse(readFileSync(path.join(WIRE_DATA, 'newsml-1.2/afp.xml'))).stories;
    expect(story.wire).toMatchObject({ agencyItemId: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86', version: 1, pubStatus: 'usable', embargoedUntil: null });
  });
});
