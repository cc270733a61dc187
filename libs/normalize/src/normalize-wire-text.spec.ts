import { sha256Hex, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import { normalizeDocument } from './index';

/** Invented stories, written here, exercising plain-text copy end to end. */
function wireDocument(body: string): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: 'fedcba9876543210fedcba9876543210',
    source: { id: 'drop', kind: 'file-drop', uri: 'file:///drop' },
    documentUri: 'file:///drop/story.txt',
    fetchedAt: '2025-01-07T03:00:00.000Z',
    format: 'wire-text',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
  };
}

const LEAD = 'The harbour authority said cargo traffic would resume within days after repairs to the main quay.';
const SECOND = 'Shipping lines had diverted vessels to smaller ports along the coast during the closure.';

describe('datelines in wire copy', () => {
  it.each([
    ['SEOUL, Jan. 6 (Yonhap) -- ', { place: 'SEOUL', dateText: 'Jan. 6', agency: 'Yonhap' }],
    ['TOKYO, Jan 6 (KUNA) -- ', { place: 'TOKYO', dateText: 'Jan 6', agency: 'KUNA' }],
    ['WASHINGTON (AP) — ', { place: 'WASHINGTON', dateText: null, agency: 'AP' }],
    ['LONDON (Reuters) - ', { place: 'LONDON', dateText: null, agency: 'Reuters' }],
    ['BEIRUT, Lebanon (AP) — ', { place: 'BEIRUT, Lebanon', dateText: null, agency: 'AP' }],
    ['NEW YORK, Jan. 6, 2025 (Reuters) -- ', { place: 'NEW YORK', dateText: 'Jan. 6, 2025', agency: 'Reuters' }],
    ['KYIV, Ukraine — ', { place: 'KYIV, Ukraine', dateText: null, agency: null }],
    ['Paris (AFP) - ', { place: 'Paris', dateText: null, agency: 'AFP' }],
  ])('reads the dateline %j into dateline and out of the body', (prefix, expected) => {
    const article = normalizeDocument(wireDocument(`${prefix}${LEAD}\n\n${SECOND}`));
    expect(article.dateline).toEqual(expected);
    expect(article.body).toBe(`${LEAD}\n\n${SECOND}`);
  });

  it('takes the originating agency from the dateline when there is no syndication header, and no publisher', () => {
    const article = normalizeDocument(wireDocument(`TOKYO, Jan 6 (KUNA) -- ${LEAD}`));
    expect(article.publisher).toBeNull();
    expect(article.originatingAgency).toBe('KUNA');
  });

  it.each([
    ['US officials said on Monday the talks had stalled over the question of sanctions relief.'],
    ['COVID-19 cases rose again in the capital this week, health officials said on Friday.'],
    ['Apple (AAPL) - shares rose three percent in early trading on Wall Street on Tuesday.'],
    ['By Monday, the river had fallen below its flood mark in most of the province, officials said.'],
  ])('finds no dateline in an opening that only looks like one: %j', (text) => {
    const article = normalizeDocument(wireDocument(text));
    expect(article.dateline).toBeNull();
    expect(article.body).toBe(text);
    expect(article.byline).toBeNull();
  });
});

describe('end marks and trailers in wire copy', () => {
  it.each([
    ['(end)', `${LEAD} (end)\n\nab\n\n\n\nXYZW01022025000123456ID1100223344`],
    ['(END)', `${LEAD} (END)`],
    ['-- END --', `${LEAD}\n\n-- END --\n\nslug/ab`],
    ['###', `${LEAD}\n\n###\n\nAbout the Harbour Authority: it runs the port and publishes notices for shippers.`],
    ['-30-', `${LEAD}\n-30-`],
  ])('cuts the copy at a %s end mark and drops what follows', (_mark, text) => {
    const article = normalizeDocument(wireDocument(`ROTTERDAM, Feb. 3 (ANP) -- ${text}`));
    expect(article.body).toBe(LEAD);
  });

  it('drops operator initials and a syndication ID line at the bottom even without an end mark', () => {
    const article = normalizeDocument(wireDocument(`${LEAD}\n\n${SECOND}\n\njk/pr\n\n\n\nNEWSWIRE20250107000011ID1234567890`));
    expect(article.body).toBe(`${LEAD}\n\n${SECOND}`);
  });

  it('keeps an end mark in the middle of a sentence, which is not an end mark', () => {
    const text = 'Officials said the (end) of the strike was near, but talks continued into the night at the ministry.';
    expect(normalizeDocument(wireDocument(text)).body).toBe(text);
  });

  it('drops an agency copyright line below the story', () => {
    const article = normalizeDocument(
      wireDocument(`${LEAD}\n\nCopyright 2025 The Example Press. All rights reserved. This material may not be redistributed.`),
    );
    expect(article.body).toBe(LEAD);
  });
});

describe('syndication headers', () => {
  it('reads publisher, originating agency and date from a syndication header on its own line', () => {
    const article = normalizeDocument(wireDocument(`date 2024-11-30 (MENAFN- Emirates News Agency (WAM))\nABU DHABI, Nov 30 (WAM) -- ${LEAD}`));
    expect(article).toMatchObject({
      publisher: 'MENAFN',
      originatingAgency: 'Emirates News Agency (WAM)',
      publishedAt: '2024-11-30',
      publishedAtSource: 'syndication-header',
      dateline: { place: 'ABU DHABI', dateText: 'Nov 30', agency: 'WAM' },
    });
    expect(article.body).toBe(LEAD);
  });

  it('ignores an impossible header date rather than storing it', () => {
    const article = normalizeDocument(wireDocument(`date 2024-02-30 (MENAFN- Example Agency) ${LEAD}`));
    expect(article.publisher).toBe('MENAFN');
    expect(article.publishedAt).toBeNull();
    expect(article.publishedAtSource).toBeNull();
  });
});

describe('text copied from a news web page', () => {
  const CAPTION = 'Rescue workers search the rubble of a collapsed building in the old town on Sunday. [AP]';
  const page = [
    'Quake rattles coastal towns',
    '',
    'Home > World > Asia',
    '',
    'print  share  facebook  twitter',
    '',
    'Quake rattles coastal towns',
    '',
    CAPTION,
    '',
    CAPTION,
    '',
    'A strong earthquake shook towns along the coast early Sunday, damaging old buildings and cutting power to thousands of homes.',
    '\u00a0',
    '“We felt the floor move for almost a minute,” said one shop owner, who spent the night outside with his family.',
    '\u00a0',
    'By Mina Park and Tom Reyes [desk@example.com]',
    'Sign in with your account to comment',
    'To leave a comment, please log in.',
    'Community rules (0/500)',
  ].join('\n');

  it('takes the headline from the first line and drops its doubled copy', () => {
    const article = normalizeDocument(wireDocument(page));
    expect(article.headline).toBe('Quake rattles coastal towns');
    expect(article.body).not.toContain('Quake rattles');
  });

  it('reads the breadcrumb trail as the section and drops the share widget', () => {
    const article = normalizeDocument(wireDocument(page));
    expect(article.section).toBe('World > Asia');
    expect(article.body).not.toMatch(/Home|facebook|print/);
  });

  it('drops a doubled photo caption into captions once and credits its agency', () => {
    const article = normalizeDocument(wireDocument(page));
    expect(article.captions).toEqual([CAPTION]);
    expect(article.credits).toEqual(['AP']);
    expect(article.body).not.toContain('[AP]');
  });

  it('reads a byline with two names and an e-mail address, and drops the comment box below it', () => {
    const article = normalizeDocument(wireDocument(page));
    expect(article.byline).toEqual({
      text: 'By Mina Park and Tom Reyes [desk@example.com]',
      names: ['Mina Park', 'Tom Reyes'],
      emails: ['desk@example.com'],
    });
    expect(article.body).toBe(
      'A strong earthquake shook towns along the coast early Sunday, damaging old buildings and cutting power to thousands of homes.\n\n' +
        '“We felt the floor move for almost a minute,” said one shop owner, who spent the night outside with his family.',
    );
  });

  it('reads an agency byline: the name title-cased, the agency credited rather than taken for a person', () => {
    const article = normalizeDocument(wireDocument(`By KIM TONG-HYUNG, Associated Press\n\nSEOUL (AP) — ${LEAD}`));
    expect(article.byline).toEqual({ text: 'By KIM TONG-HYUNG, Associated Press', names: ['Kim Tong-Hyung'], emails: [] });
    expect(article.credits).toEqual(['Associated Press']);
    expect(article.body).toBe(LEAD);
  });

  it('drops a related-stories list after the story but keeps a paragraph that follows a "Read more" promo', () => {
    const withList = normalizeDocument(wireDocument(`${LEAD}\n\n${SECOND}\n\nRelated articles\n\nPort strike ends\n\nNew quay opens`));
    expect(withList.body).toBe(`${LEAD}\n\n${SECOND}`);

    const longParagraph = 'Repairs to the main quay were expected to cost several million euros, according to the authority, which said insurers would cover most of the bill.';
    const withPromo = normalizeDocument(wireDocument(`${LEAD}\n\nRead more\n\n${longParagraph}`));
    expect(withPromo.body).toContain(longParagraph);
  });

  it('keeps paragraphs apart when a page copy separates them by single line breaks', () => {
    expect(normalizeDocument(wireDocument(`${LEAD}\n${SECOND}`)).body).toBe(`${LEAD}\n\n${SECOND}`);
  });

  it('joins hard-wrapped lines into one paragraph and splits at indented paragraph starts', () => {
    const wrapped = '   The harbour authority said cargo traffic\nwould resume within days.\n   Shipping lines had diverted vessels\nto smaller ports.';
    expect(normalizeDocument(wireDocument(wrapped)).body).toBe(
      'The harbour authority said cargo traffic would resume within days.\n\nShipping lines had diverted vessels to smaller ports.',
    );
  });
});

describe('credits named in the copy', () => {
  it('credits agencies the copy attributes information to, once each, but not agencies merely mentioned', () => {
    const text =
      'The ministry confirmed the figures, the Saudi Press Agency reported. According to Reuters, talks will resume.\n\n' +
      'Reuters said the ministry declined to comment. Reuters has an office in the city, and AFP photographers covered the event.';
    expect(normalizeDocument(wireDocument(text)).credits).toEqual(['Saudi Press Agency', 'Reuters']);
  });

  it('leaves out descriptive words in front of an agency name', () => {
    const text = 'Pyongyang test-fired a missile, the state-run Korean Central News Agency said on Friday morning.';
    expect(normalizeDocument(wireDocument(text)).credits).toEqual(['Korean Central News Agency']);
  });
});

describe('the never-invent rule', () => {
  it('leaves every field null or empty that plain copy does not carry', () => {
    const article = normalizeDocument(wireDocument(`${LEAD}\n\n${SECOND}`));
    expect(article).toMatchObject({
      headline: null,
      subheadline: null,
      dateline: null,
      byline: null,
      publishedAt: null,
      publishedAtSource: null,
      publisher: null,
      originatingAgency: null,
      credits: [],
      section: null,
      canonicalUrl: null,
      captions: [],
    });
  });

  it('does not turn a dateline into a date without a reference date', () => {
    const article = normalizeDocument(wireDocument(`SEOUL, Jan. 6 (Yonhap) -- ${LEAD}`));
    expect(article.dateline?.dateText).toBe('Jan. 6');
    expect(article.publishedAt).toBeNull();
    expect(article.publishedAtSource).toBeNull();
  });

  it('says the language is unknown when the body is too short to tell', () => {
    const article = normalizeDocument(wireDocument('Talks resume.'));
    expect(article.language).toBeNull();
    expect(article.wordCount).toBe(2);
  });
});

describe('dating a story by its dateline and a reference date', () => {
  it('picks the most recent such day not after the reference date', () => {
    const article = normalizeDocument(wireDocument(`SEOUL, Jan. 6 (Yonhap) -- ${LEAD}`), { referenceDate: new Date('2025-01-10T00:00:00Z') });
    expect(article.publishedAt).toBe('2025-01-06');
    expect(article.publishedAtSource).toBe('dateline');
  });

  it('reads a Dec 31 dateline against a Jan 2 reference date as the previous year', () => {
    const article = normalizeDocument(wireDocument(`SEOUL, Dec 31 (Yonhap) -- ${LEAD}`), { referenceDate: new Date('2025-01-02T09:00:00Z') });
    expect(article.publishedAt).toBe('2024-12-31');
    expect(article.publishedAtSource).toBe('dateline');
  });

  it('uses the year a dateline prints, with or without a reference date', () => {
    const article = normalizeDocument(wireDocument(`NEW YORK, Jan. 6, 2024 (Reuters) -- ${LEAD}`));
    expect(article.publishedAt).toBe('2024-01-06');
    expect(article.publishedAtSource).toBe('dateline');
  });
});

describe('documents with nothing left to keep', () => {
  it.each([
    ['an empty body', ''],
    ['whitespace only', ' \n\u00a0\n\t \n'],
    ['an end mark only', '\n(END)\n\nmk\n'],
    ['page furniture only', 'Home > News > Local\n\nprint share email\n\nAdvertisement'],
    ['a dateline with no story', 'SEOUL, Jan. 6 (Yonhap) -- '],
  ])('throws UnprocessableDocumentError for %s', (_name, body) => {
    expect(() => normalizeDocument(wireDocument(body))).toThrow(UnprocessableDocumentError);
    expect(() => normalizeDocument(wireDocument(body))).toThrow(/no body text/);
  });
});
