import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NormalizedArticleSchema,
  sha256Hex,
  type FeedItem,
  type NormalizedArticle,
  type RawDocumentV1,
} from '@wirestream/contracts';
import { nearDuplicateSignature, normalizeDocument, NORMALIZER_VERSION } from './index';

/**
 * Invented fixtures (fixtures/*), one per debris kind and date source, normalized end to end with
 * every field of the result pinned. Hash and near-duplicate signature are pinned as those of the
 * expected body (and the SimHash also as a literal), so a body change shows up in both.
 */

const ARTICLE_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const FETCHED_AT = '2025-03-05T03:00:00.000Z';
/** The day the dateline-only fixtures are read against: a few days after their datelines. */
const REFERENCE_DATE = new Date(FETCHED_AT);

function fixtureText(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}

function rawDocument(
  body: string,
  format: RawDocumentV1['format'],
  documentUri: string,
  feedItem: FeedItem | null = null,
): RawDocumentV1 {
  return {
    schemaVersion: 1,
    articleId: ARTICLE_ID,
    source: { id: 'fixtures', kind: feedItem ? 'feed' : 'file-drop', uri: 'file:///fixtures' },
    documentUri,
    fetchedAt: FETCHED_AT,
    format,
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem,
  };
}

type ExpectedFields = Omit<
  NormalizedArticle,
  'articleId' | 'sourceId' | 'fetchedAt' | 'contentHash' | 'nearDuplicate' | 'normalizerVersion'
>;

/** The whole article: the given fields plus those that follow from the document and the body. */
function expectedArticle(fields: ExpectedFields): NormalizedArticle {
  return {
    articleId: ARTICLE_ID,
    sourceId: 'fixtures',
    fetchedAt: FETCHED_AT,
    ...fields,
    contentHash: sha256Hex(fields.body),
    nearDuplicate: nearDuplicateSignature(fields.body),
    normalizerVersion: NORMALIZER_VERSION,
  };
}

function normalizedFixture(
  name: string,
  format: RawDocumentV1['format'],
  documentUri = `file:///fixtures/${name}`,
  feedItem: FeedItem | null = null,
): NormalizedArticle {
  const article = normalizeDocument(rawDocument(fixtureText(name), format, documentUri, feedItem), {
    referenceDate: REFERENCE_DATE,
  });
  expect(NormalizedArticleSchema.safeParse(article).success).toBe(true);
  return article;
}

describe('web page text copied with its furniture (fixtures/web-copy-debris.txt)', () => {
  const body = [
    'Coastal towns in the south are hauling boats ashore weeks earlier than usual after forecasters warned that warm seas could bring typhoons before the summer.',
    'The weather agency said sea surface temperatures off the southern coast were two degrees above the average for late spring.',
    'Local officials have opened shelters in school gyms, Yonhap News Agency reported, and asked residents to stock up on water.',
  ].join('\n\n');

  it('drops breadcrumbs (kept as section), the doubled headline, toolbar words and share rows, the ad marker, promos and related links, the comment box with its counter and the copyright line; moves the doubled caption out once; keeps the mismatched e-mail', () => {
    const article = normalizedFixture('web-copy-debris.txt', 'wire-text');
    expect(article).toEqual(
      expectedArticle({
        documentUri: 'file:///fixtures/web-copy-debris.txt',
        canonicalUrl: null,
        headline: 'Fishing villages brace for early typhoon season',
        subheadline: null,
        dateline: null,
        byline: {
          text: 'BY HANNAH PARK [kim.minsu@tidewater-daily.example]',
          names: ['Hannah Park'],
          emails: ['kim.minsu@tidewater-daily.example'],
        },
        // The page text carries no date at all: none is invented, not even from fetchedAt.
        publishedAt: null,
        publishedAtSource: null,
        publisher: null,
        originatingAgency: null,
        // The caption's [YONHAP] credits the same agency the text names in full: one credit.
        credits: ['Yonhap News Agency'],
        section: 'National > Environment',
        language: 'en',
        body,
        captions: ['Fishermen mend nets on a pier in Tongyeong on Tuesday. [YONHAP]'],
        wordCount: 65,
      }),
    );
    expect(article.nearDuplicate?.simhash).toBe('44371d482cdfb004');
  });
});

describe('syndicated wire copy (fixtures/syndicated-wire.txt)', () => {
  const body = [
    'Qatar and Oman signed an agreement on Tuesday to link their power grids by the end of the decade, officials from both countries said.',
    'The link would let the two countries trade surplus electricity during the hot summer months, Xinhua reported.',
    'Engineers expect the first stretch of cable to be laid under the sea next year.',
  ].join('\n\n');
  const fields: ExpectedFields = {
    documentUri: 'file:///fixtures/syndicated-wire.txt',
    canonicalUrl: null,
    headline: null,
    subheadline: null,
    dateline: { place: 'DOHA', dateText: 'Mar 4', agency: 'GENA' },
    byline: null,
    publishedAt: '2025-03-04',
    publishedAtSource: 'syndication-header',
    publisher: 'MENAFN',
    originatingAgency: 'Gulf Example News Agency (GENA)',
    credits: ['Xinhua'],
    section: null,
    language: 'en',
    body,
    captions: [],
    wordCount: 56,
  };

  it('reads the syndication header and dateline out of the body, cuts at (end) with the operator initials and ID line, and dates the story from the header', () => {
    const article = normalizedFixture('syndicated-wire.txt', 'wire-text');
    expect(article).toEqual(expectedArticle(fields));
    expect(article.nearDuplicate?.simhash).toBe('c24a028c8ed8af7f');
  });

  it('falls back to the dateline, resolved against the reference date, when the header has no date', () => {
    const text = fixtureText('syndicated-wire.txt').replace(/^date \d{4}-\d{2}-\d{2} /, '');
    const article = normalizeDocument(rawDocument(text, 'wire-text', fields.documentUri), { referenceDate: REFERENCE_DATE });
    expect(article).toEqual(expectedArticle({ ...fields, publishedAt: '2025-03-04', publishedAtSource: 'dateline' }));
  });

  it('invents no date when neither the header nor a reference date gives one', () => {
    const text = fixtureText('syndicated-wire.txt').replace(/^date \d{4}-\d{2}-\d{2} /, '');
    const article = normalizeDocument(rawDocument(text, 'wire-text', fields.documentUri));
    expect(article).toEqual(expectedArticle({ ...fields, publishedAt: null, publishedAtSource: null }));
  });
});

describe('wire copy dated only by its dateline (fixtures/dateline-dated.txt)', () => {
  const fields: ExpectedFields = {
    documentUri: 'file:///fixtures/dateline-dated.txt',
    canonicalUrl: null,
    headline: null,
    subheadline: null,
    dateline: { place: 'NAIROBI', dateText: 'Feb 28', agency: 'Reuters' },
    byline: null,
    publishedAt: '2025-02-28',
    publishedAtSource: 'dateline',
    publisher: null,
    originatingAgency: 'Reuters',
    credits: [],
    section: null,
    language: 'en',
    body: [
      "Kenya's central bank held its main lending rate steady on Friday, saying inflation was within its target range.",
      "The bank's governor told reporters the shilling had been stable against the dollar since the start of the year.",
    ].join('\n\n'),
    captions: [],
    wordCount: 39,
  };

  it('resolves "Feb 28" against the reference date and drops the date stamp and copyright line', () => {
    const article = normalizedFixture('dateline-dated.txt', 'wire-text');
    expect(article).toEqual(expectedArticle(fields));
    expect(article.nearDuplicate?.simhash).toBe('a61ad9639eef02b7');
  });

  it('reads a day-and-month into the previous year when the reference date is early in the next', () => {
    const article = normalizeDocument(rawDocument(fixtureText('dateline-dated.txt'), 'wire-text', fields.documentUri), {
      referenceDate: new Date('2026-01-03T00:00:00Z'),
    });
    expect(article).toEqual(expectedArticle(fields));
    const lastYear = normalizeDocument(rawDocument(fixtureText('dateline-dated.txt'), 'wire-text', fields.documentUri), {
      referenceDate: new Date('2025-02-20T00:00:00Z'),
    });
    expect(lastYear).toEqual(expectedArticle({ ...fields, publishedAt: '2024-02-28' }));
  });

  it('leaves the date null without a reference date', () => {
    const article = normalizeDocument(rawDocument(fixtureText('dateline-dated.txt'), 'wire-text', fields.documentUri));
    expect(article).toEqual(expectedArticle({ ...fields, publishedAt: null, publishedAtSource: null }));
  });
});

describe('plain copy with no date anywhere (fixtures/no-date.txt)', () => {
  it('finds the headline, cuts the related-articles list, and leaves the date null', () => {
    const article = normalizedFixture('no-date.txt', 'wire-text');
    expect(article).toEqual(
      expectedArticle({
        documentUri: 'file:///fixtures/no-date.txt',
        canonicalUrl: null,
        headline: 'Library opens its doors at night',
        subheadline: null,
        dateline: null,
        byline: null,
        publishedAt: null,
        publishedAtSource: null,
        publisher: null,
        originatingAgency: null,
        credits: [],
        section: null,
        language: 'en',
        body: [
          'Students in the university town can now borrow books until midnight after the public library extended its opening hours.',
          'The librarian said evening visits had doubled since the reading room was refurbished with new lamps and chairs.',
        ].join('\n\n'),
        captions: [],
        wordCount: 37,
      }),
    );
    expect(article.nearDuplicate?.simhash).toBe('7e0a2e7fb5b72a42');
  });
});

describe('a page dated by its OpenGraph article:published_time (fixtures/page-opengraph.html)', () => {
  const uri = 'https://valley-herald.example/science/glacier-retreat?utm_source=feed';
  const fields: ExpectedFields = {
    documentUri: uri,
    canonicalUrl: 'https://valley-herald.example/science/glacier-retreat',
    headline: 'Glacier retreat speeds up in the Alps',
    subheadline: 'Ice loss last summer was the second largest on record.',
    dateline: { place: 'ZURICH', dateText: null, agency: 'Reuters' },
    // The mailto address is a desk's, not the author's: kept as printed, not matched to the name.
    byline: { text: 'By Marta Keller', names: ['Marta Keller'], emails: ['newsdesk@valley-herald.example'] },
    publishedAt: '2025-04-10T09:15:00+02:00',
    publishedAtSource: 'html-meta',
    publisher: 'Valley Herald',
    originatingAgency: 'Reuters',
    credits: ['Reuters'],
    section: 'Science',
    language: 'en',
    body: [
      'Swiss glaciers lost three percent of their remaining ice last summer, scientists said on Thursday, the second largest loss since measurements began.',
      'A hot August and little winter snow left several smaller glaciers close to vanishing, the monitoring network said in its annual report.',
      'Researchers said the trend would continue unless emissions fell sharply over the coming decades.',
    ].join('\n\n'),
    captions: ['Meltwater runs off a glacier above Zermatt. (Photo: Reuters)'],
    wordCount: 58,
  };

  it('takes navigation, share row and related links out, keeps the caption apart, and records html-meta as the date source', () => {
    const article = normalizedFixture('page-opengraph.html', 'html', uri);
    expect(article).toEqual(expectedArticle(fields));
    expect(article.nearDuplicate?.simhash).toBe('351a1d162106d70e');
  });

  it('invents no date when the page carries none, even with a reference date', () => {
    const html = fixtureText('page-opengraph.html').replace(/^.*article:published_time.*\n/m, '');
    const article = normalizeDocument(rawDocument(html, 'html', uri), { referenceDate: REFERENCE_DATE });
    expect(article).toEqual(expectedArticle({ ...fields, publishedAt: null, publishedAtSource: null }));
  });
});

describe('a page dated only by JSON-LD (fixtures/page-json-ld.html)', () => {
  it('takes date, author, publisher and section from JSON-LD and resolves the relative canonical link', () => {
    const uri = 'https://riverside-courier.example/local/tram?id=1';
    const article = normalizedFixture('page-json-ld.html', 'html', uri);
    expect(article).toEqual(
      expectedArticle({
        documentUri: uri,
        canonicalUrl: 'https://riverside-courier.example/local/tram-line-approved',
        headline: 'City council approves new tram line',
        subheadline: null,
        dateline: null,
        byline: { text: 'Tomas Berg', names: ['Tomas Berg'], emails: [] },
        publishedAt: '2025-05-20T17:45:00Z',
        publishedAtSource: 'html-meta',
        publisher: 'Riverside Courier',
        originatingAgency: null,
        credits: [],
        section: 'Local',
        language: 'en',
        body: [
          'The city council voted on Tuesday to build a tram line linking the station with the hospital and the university campus.',
          'Construction is due to start next spring and the first trams should run within three years, the transport department said.',
          'Opponents said the money would be better spent on buses and repairing existing roads in the outer districts.',
        ].join('\n\n'),
        captions: [],
        wordCount: 59,
      }),
    );
    expect(article.nearDuplicate?.simhash).toBe('e3a3798a452d5706');
  });
});

describe('a feed item (fixtures/feed-item.html)', () => {
  const uri = 'https://wire.example/stories/oil-fund';
  const item: FeedItem = {
    title: 'Oil fund posts record quarter',
    link: 'https://wire.example/oil-fund',
    guid: 'wire-example-0001',
    publishedAt: '2025-05-02T06:30:00Z',
    author: 'desk@wire.example (Ingrid Dahl)',
    categories: ['Business'],
  };
  const fields: ExpectedFields = {
    documentUri: uri,
    canonicalUrl: 'https://wire.example/oil-fund',
    headline: 'Oil fund posts record quarter',
    subheadline: null,
    dateline: { place: 'OSLO', dateText: 'May 2', agency: 'NTB' },
    byline: { text: 'desk@wire.example (Ingrid Dahl)', names: ['Ingrid Dahl'], emails: ['desk@wire.example'] },
    publishedAt: '2025-05-02T06:30:00Z',
    publishedAtSource: 'feed',
    publisher: null,
    originatingAgency: 'NTB',
    credits: ['NTB'],
    section: null,
    language: 'en',
    body: [
      "Norway's sovereign wealth fund reported a record profit for the first quarter on Friday, driven by gains in technology shares.",
      "The fund, one of the world's largest investors, holds stakes in about nine thousand companies worldwide.",
    ].join('\n\n'),
    captions: ['The central bank building in Oslo. [NTB]'],
    wordCount: 38,
  };

  it("dates the story from the feed item's date ahead of its dateline, and cuts at (END)", () => {
    const article = normalizedFixture('feed-item.html', 'feed-item', uri, item);
    expect(article).toEqual(expectedArticle(fields));
    expect(article.nearDuplicate?.simhash).toBe('8a840e73fbdb85cc');
  });

  it('falls back to the dateline when the feed item has no date', () => {
    const article = normalizeDocument(rawDocument(fixtureText('feed-item.html'), 'feed-item', uri, { ...item, publishedAt: null }), {
      referenceDate: new Date('2025-05-03T00:00:00Z'),
    });
    expect(article).toEqual(expectedArticle({ ...fields, publishedAt: '2025-05-02', publishedAtSource: 'dateline' }));
  });
});
