import { RawDocumentV1Schema } from '@wirestream/contracts';
import { alignedCells, delimitedCells } from './agate';
import { parseTransmissionDocument } from './parse-transmissions';

/** Invented agate (sports results and standings), sent the ways the agencies send tables. */
const source = { id: 'agency-drop', kind: 'file-drop' as const, uri: '/drop' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(text: string) {
  const result = parseTransmissionDocument(Buffer.from(text, 'latin1'), { source, documentUri: '/drop/agate.txt', fetchedAt });
  for (const document of result.documents) RawDocumentV1Schema.parse(document);
  return result;
}

function anpa(lines: string[]): string {
  return `\x16\x16\x01s0420\x1f-----\r\nr s\x13\x11 BC-HKY--Standings     01-05 0180\r\n\x02${lines.join('\r\n')}\r\n\r\n\t   \x03AP-WF-01-05-26 2310GMT<\r\n\r\n\f\r\n\x04`;
}

describe('agate rows', () => {
  it('are cells split by ";" (four or more) or by columns of spaces or tabs (three or more), none longer than a table cell', () => {
    expect(delimitedCells('Harbor City;23;13;.639')).toEqual(['Harbor City', '23', '13', '.639']);
    expect(delimitedCells(';W;L;Pct;')).toEqual(['', 'W', 'L', 'Pct']);
    expect(delimitedCells('The mayor said; the council agreed; work begins')).toBeNull();
    expect(alignedCells('Harbor City     23   13   .639')).toEqual(['Harbor City', '23', '13', '.639']);
    expect(alignedCells('Oster Bay\t19\t17\t.528')).toEqual(['Oster Bay', '19', '17', '.528']);
    // Prose with two spaces after its full stops stays prose.
    expect(alignedCells('The harbour reopened on Monday after two years.  Ferries resumed.  Trade rose.')).toBeNull();
    expect(alignedCells('Just  two  ')).toBeNull();
  });
});

describe('agate in ANPA-1312 copy', () => {
  it('keeps tab-indented, space-aligned standings as a table captioned by the heading before it, out of the body', () => {
    const { stories, documents } = parse(
      anpa([
        '^BC-HKY--Standings,0180<',
        '^Coastal League standings<',
        '\t   The standings after Sunday night\'s games:',
        '^Northern Division<',
        '\t   Team            W    L   Pts',
        '\t   Harbor City    23   13    46',
        '\t   Oster Bay      19   17    38',
        '^Southern Division<',
        '\t   Team            W    L   Pts',
        '\t   Port Allen     21   15    42',
        '\t   ___',
      ]),
    );
    const [story] = stories;
    expect(story.headline).toBe('Coastal League standings');
    expect(story.body).toBe("The standings after Sunday night's games:");
    expect(story.tables).toEqual([
      { caption: 'Northern Division', rows: [['Team', 'W', 'L', 'Pts'], ['Harbor City', '23', '13', '46'], ['Oster Bay', '19', '17', '38']] },
      { caption: 'Southern Division', rows: [['Team', 'W', 'L', 'Pts'], ['Port Allen', '21', '15', '42']] },
    ]);
    expect(documents[0].tables).toEqual(story.tables);
  });

  it('keeps a story that is only a table, and gives two stories with the same prose but other tables other ids', () => {
    const results = (score: string) =>
      parse(anpa(['^BC-HKY--Standings,0180<', `\x08Harbor City;${score};Oster Bay;2`, '\x08Port Allen;1;Tern Island;0']));
    const [first] = results('4').documents;
    const [second] = results('5').documents;
    expect(first.body).toBe('');
    expect(first.tables).toEqual([{ rows: [['Harbor City', '4', 'Oster Bay', '2'], ['Port Allen', '1', 'Tern Island', '0']] }]);
    expect(second.articleId).not.toBe(first.articleId);
    expect(second.contentHash).not.toBe(first.contentHash);
  });
});

describe('agate in IPTC 7901 copy', () => {
  it('keeps a paragraph of aligned rows, with its caption line, as a table; prose paragraphs stay the body', () => {
    const text =
      '\x01eca0077 4 s 60  dpa 0301\r\n\nSport/Football/\r\n\x02Harbor City top the table =\r\n\n' +
      '   Oster Bay (dpa) - Harbor City won again on Saturday and lead the\r\nCoastal League by three points.\r\n\r\n' +
      'Coastal League table:\r\n1. Harbor City     12   9   2   1   29\r\n2. Oster Bay       12   8   2   2   26\r\n3. Port Allen      12   6   3   3   21\r\n\r\n' +
      '   The next round is played on Sunday.\r\n\r\ndpa xy zz\r\n\r\n\x03061205 GMT Jan 26\r\n\x7f\n\x7f\x04';
    const [story] = parse(text).stories;
    expect(story.body).toBe('Oster Bay (dpa) - Harbor City won again on Saturday and lead the Coastal League by three points.\n\nThe next round is played on Sunday.');
    expect(story.tables).toEqual([
      {
        caption: 'Coastal League table:',
        rows: [
          ['1. Harbor City', '12', '9', '2', '1', '29'],
          ['2. Oster Bay', '12', '8', '2', '2', '26'],
          ['3. Port Allen', '12', '6', '3', '3', '21'],
        ],
      },
    ]);
  });
});
