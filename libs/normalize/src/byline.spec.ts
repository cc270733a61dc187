import { parseAuthorField, parseBylineLine } from './byline';

describe('parseBylineLine', () => {
  it('reads an all-caps byline with an e-mail in brackets', () => {
    expect(parseBylineLine('BY JANE O\'BRIEN [jane.obrien@example.com]')).toEqual({
      byline: { text: "BY JANE O'BRIEN [jane.obrien@example.com]", names: ["Jane O'Brien"], emails: ['jane.obrien@example.com'] },
      affiliations: [],
    });
  });

  it('reads two names joined by "and"', () => {
    expect(parseBylineLine('By Ana Silva and John Park')?.byline.names).toEqual(['Ana Silva', 'John Park']);
  });

  it('reads a list of names, keeping particles and initials', () => {
    expect(parseBylineLine('By Ursula van der Berg, Mary J. Blige & Samuel L. Jones Jr.')?.byline.names).toEqual([
      'Ursula van der Berg',
      'Mary J. Blige',
      'Samuel L. Jones Jr.',
    ]);
  });

  it('takes the part after the names for an affiliation, not a person', () => {
    const parsed = parseBylineLine('By KIM TONG-HYUNG, Associated Press');
    expect(parsed?.byline.names).toEqual(['Kim Tong-Hyung']);
    expect(parsed?.affiliations).toEqual(['Associated Press']);
    expect(parseBylineLine('By Jane Doe | Reuters')?.affiliations).toEqual(['Reuters']);
    expect(parseBylineLine('By Jane Doe, Staff Writer')?.affiliations).toEqual(['Staff Writer']);
  });

  it('reads a name in a script without letter case', () => {
    expect(parseBylineLine('By 김민지')?.byline.names).toEqual(['김민지']);
  });

  it.each([
    ['By Monday, the river had fallen below its flood mark.'],
    ['By the end of the week, prices had doubled.'],
    ['Byron Smith said the plan was sound.'],
    ['By train'],
    [`By ${'Jane Doe '.repeat(40)}`],
  ])('does not take %j for a byline', (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });
});

describe('parseAuthorField', () => {
  it('reads an RSS author field, address and name', () => {
    expect(parseAuthorField('jane.tran@example.com (Jane Tran)')?.byline).toEqual({
      text: 'jane.tran@example.com (Jane Tran)',
      names: ['Jane Tran'],
      emails: ['jane.tran@example.com'],
    });
  });

  it('accepts a single-word name in a field known to hold authors', () => {
    expect(parseAuthorField('Madonna')?.byline.names).toEqual(['Madonna']);
  });

  it('reads an agency-only author field as an affiliation with no names', () => {
    expect(parseAuthorField('Reuters')).toEqual({ byline: { text: 'Reuters', names: [], emails: [] }, affiliations: ['Reuters'] });
  });

  it('returns null for a field that names no one', () => {
    expect(parseAuthorField('admin')).toBeNull();
    expect(parseAuthorField('   ')).toBeNull();
  });
});
