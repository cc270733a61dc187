import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, RawDocumentV1Schema } from '@wirestream/contracts';
import type { SourceRef } from '../source-ref';
import { parseTransmissionDocument, type ParsedTransmissionDocument } from './parse-transmissions';

// Real ANPA-1312 and IPTC 7901 samples shared with the project, read in place: see its README.md.
const WIRE_DATA = path.resolve(__dirname, '../../../../../shared/data/wire');
const source: SourceRef = { id: 'agency-drop', kind: 'file-drop', uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(bytes: Uint8Array | string): ParsedTransmissionDocument {
  const result = parseTransmissionDocument(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, { source, documentUri: '/drop/wire.txt', fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

function wireOf(relative: string) {
  return parse(readFileSync(path.join(WIRE_DATA, relative))).documents.map((document) => document.feedItem?.wire);
}

/** An invented ANPA-1312 transmission, laid out as AP's are. */
function anpa(keyword: string, version: string | null, lines: string[], sent = 'AP-WF-03-11-30 0548GMT'): string {
  const header = `r i\x13\x11 ${keyword}${version ? ` ${version}` : ''}     03-11 0120`;
  return `\x16\x16\x01W1234\x1f-----\r\n${header}\r\n\x02^${keyword}${version ? `, ${version}` : ''},120<\r\n${lines.join('\r\n')}\r\n\t   \x03${sent}<\r\n\f\r\n\x04`;
}

const story = ['^Strong quake shakes the coast<', '\t   COASTVILLE (AP) _ A strong earthquake shook the coast on Friday.'];

describe('transmission wire status, from the real samples', () => {
  it("reads AP's write-thrus as version 1 of the keyword's story that day", () => {
    expect(wireOf('anpa/ap_anpa-1.tst')).toEqual([
      { agencyItemId: 'BC-BKN--Heat-Hawks@2016-02-20', version: 1, versionLabel: '1stLd-Writethru', pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false },
    ]);
    expect(wireOf('anpa/ap_anpa-3.tst')).toEqual([expect.objectContaining({ version: 1, versionLabel: '1stLd-Writethru', pubStatus: 'usable', correction: false })]);
  });

  it('reads a story without a version as version 0, and a take key that replaces nothing as none', () => {
    expect(wireOf('anpa/anpa-1.tst')).toEqual([expect.objectContaining({ version: 0, versionLabel: null, pubStatus: 'usable' })]);
    expect(wireOf('iptc7901/dpa_two_line.txt')).toEqual([expect.objectContaining({ agencyItemId: expect.stringMatching(/^Yemen\/conflict/), version: 0, versionLabel: 'EXTRA', pubStatus: 'usable' })]);
  });
});

describe('transmission wire status, from invented transmissions', () => {
  it('links a second write-thru to the story by keyword and day, as version 2, with an article id of its own', () => {
    const [first] = parse(anpa('BC-AS--Coast-Quake', null, story)).documents;
    const [second] = parse(anpa('BC-AS--Coast-Quake', '2nd Ld-Writethru', ['^Strong quake shakes the coast, two hurt<', ...story.slice(1)])).documents;
    expect(first.feedItem?.wire).toMatchObject({ agencyItemId: 'BC-AS--Coast-Quake@2030-03-11', version: 0 });
    expect(second.feedItem?.wire).toMatchObject({ agencyItemId: 'BC-AS--Coast-Quake@2030-03-11', version: 2, versionLabel: '2nd Ld-Writethru' });
    expect(second.articleId).not.toBe(first.articleId);
    expect(first.articleId).toBe(articleIdFor({ sourceId: source.id, contentHash: first.contentHash }));
  });

  it('reads a kill from the version field, the headline or an editor’s note, with the note as its reason', () => {
    const note = '^Eds: Kill BC-AS--Coast-Quake. The quake was misreported. A substitute will not be sent.<';
    const byNote = parse(anpa('BC-AS--Coast-Quake', null, ['^KILL<', note])).documents[0].feedItem?.wire;
    expect(byNote).toMatchObject({ pubStatus: 'canceled', statusNote: 'Eds: Kill BC-AS--Coast-Quake. The quake was misreported. A substitute will not be sent.', agencyItemId: 'BC-AS--Coast-Quake@2030-03-11' });
    const byVersion = parse(anpa('BC-AS--Coast-Quake', 'Withdrawal', ['^Coast quake story withdrawn<', '\t   The story is withdrawn.'])).documents[0].feedItem?.wire;
    expect(byVersion).toMatchObject({ pubStatus: 'canceled', statusNote: 'The story is withdrawn.' });
    expect(parse(anpa('BC-AS--Coast-Quake', null, story)).documents[0].feedItem?.wire?.pubStatus).toBe('usable');
  });

  it('marks a correction named by the version field or an editor’s note', () => {
    expect(parse(anpa('BC-AS--Coast-Quake', 'Correction', story)).documents[0].feedItem?.wire).toMatchObject({ correction: true, version: 1 });
    const corrects = ['^Strong quake shakes the coast<', '^Eds: Corrects day of quake to Friday.<', ...story.slice(1)];
    expect(parse(anpa('BC-AS--Coast-Quake', '1st Ld-Writethru', corrects)).documents[0].feedItem?.wire).toMatchObject({ correction: true, version: 1 });
  });

  it('reads an IPTC 7901 elimination as a kill', () => {
    const text = '\x01eca0500 1 i 40  dpa 0500\r\n\r\nCoast-quake/\r\n\x02ELIMINATION\r\nCoast quake: story eliminated =\r\n\r\n   Please do not use the story on the coast quake.\r\n\x03061305 GMT Mar 30\r\n\x04';
    expect(parse(text).documents[0].feedItem?.wire).toMatchObject({ pubStatus: 'canceled', agencyItemId: 'Coast-quake@2030-03-06', versionLabel: 'ELIMINATION' });
  });
});
