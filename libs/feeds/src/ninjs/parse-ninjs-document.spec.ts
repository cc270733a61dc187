/* eslint-disable no-control-regex -- the text fields must hold no control characters, which these patterns find */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFor, MAX_BODY_CHARS, RawDocumentV1Schema, UnprocessableDocumentError, type RawDocumentV1 } from '@wirestream/contracts';
import iconv from 'iconv-lite';
import type { SourceRef } from '../source-ref';
import { versionedGuid } from '../wire-status';
import { looksLikeNinjs, parseNinjsDocument, type ParsedNinjsDocument, type ParseNinjsOptions } from './parse-ninjs-document';

// Real ninjs samples shared with the project, read in place: see ../shared/data/wire/README.md.
const NINJS_DATA = path.resolve(__dirname, '../../../../../shared/data/wire/ninjs');
const source: SourceRef = { id: 'ninjs-api', kind: 'feed', uri: 'https://api.example.com/ninjs' };
const fetchedAt = new Date('2026-01-06T09:00:00Z');

function parse(input: string | Uint8Array, documentUri = 'https://api.example.com/ninjs/page', options: Partial<ParseNinjsOptions> = {}): ParsedNinjsDocument {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const result = parseNinjsDocument(bytes, { source, documentUri, fetchedAt, ...options });
  for (const document of result.documents) {
    RawDocumentV1Schema.parse(document);
    expectCleanTextFields(document);
  }
  return result;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MARKUP = /<[A-Za-z/!?]/;
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/;

/** One-line fields are plain text; only the body may hold HTML (the normalizer reads it). */
function expectCleanTextFields(document: RawDocumentV1): void {
  const item = document.feedItem;
  expect(item).not.toBeNull();
  for (const value of [item?.title, item?.author, item?.dateline, item?.subheadline, ...(item?.categories ?? [])]) {
    if (value === null || value === undefined) continue;
    expect(value).not.toMatch(CONTROL);
    expect(value).not.toMatch(MARKUP);
    expect(value).not.toMatch(REFERENCE);
    expect(value).toBe(value.trim());
  }
}

interface FileExpectation {
  documents: number;
  skipped: number;
  headline: string;
  byline?: string;
  dateline?: string;
  urgency?: number;
  subheadline?: string;
  publishedAt: string;
  /** The first 60 characters of the first document's body. */
  bodyStart: string;
  /** The first document's version, and embargo when it states one; every sample is usable. */
  version: number | null;
  embargoedUntil?: string;
}

const FILES: Record<string, FileExpectation> = {
  // AP Media API feed page: { data: { items: [{ meta, item }] } }; the text item's copy is only in its
  // renditions (NITF/ANPA download links), so the item is headline-only here.
  'ap_media_text_feed.json': {
    documents: 1,
    skipped: 0,
    headline: 'BC-BBN--Top Ten',
    publishedAt: '2019-07-03T04:05:12.000Z',
    bodyStart: '',
    version: 0,
  },
  // BBC-style listing { total, limit, offset, item: [...] }; an 'advisory' is text.
  'bbc-ninjs-text-test.json': {
    documents: 1,
    skipped: 0,
    headline: 'advisory',
    byline: 'John Doe',
    urgency: 3,
    subheadline: 'LDRS WALES v.1',
    publishedAt: '2018-05-28T16:40:08.000Z',
    bodyStart: '<p><strong>body</strong></p>',
    version: null,
  },
  'ninjs1.json': {
    documents: 1,
    skipped: 0,
    headline: 'headline',
    byline: 'Peter and Jane',
    dateline: 'Milton Keynes',
    urgency: 3,
    subheadline: 'abstract',
    publishedAt: '2017-08-24T04:37:19.000Z',
    bodyStart: '<p>The story so far.</p>',
    version: 2,
  },
  'ninjs2.json': {
    documents: 1,
    skipped: 1, // associations.featuremedia: a picture
    headline: 'Oil prices edge up on first drop in US drilling in months',
    byline: 'By Henning Gloystein',
    dateline: 'Singapore',
    urgency: 3,
    subheadline: 'Oil prices edged up on Monday, supported by the first fall in US drilling activity in month.',
    publishedAt: '2017-07-03T01:38:13.000Z',
    bodyStart: '<p>Oil prices edged up on Monday,\nsupported by the first aut',
    version: 4,
  },
  'ninjs5.json': {
    documents: 1,
    skipped: 1,
    headline: 'Oil prices edge up on first drop in US drilling in months',
    byline: 'By Henning Gloystein',
    dateline: 'Singapore',
    urgency: 3,
    publishedAt: '2017-07-03T01:38:13.000Z',
    bodyStart: '<p>Oil prices edged up on Monday,\nsupported by the first aut',
    version: 4,
  },
  // The IPTC example: uri, body_text and body_xhtml (ninjs 1.0); the XHTML keeps the paragraphs.
  'ninjsExSimpleText1.json': {
    documents: 1,
    skipped: 0,
    headline: 'Captain of wrecked cruise ship on trial in Italy',
    byline: "Paulo Santalucia and Frances d'Emilio",
    publishedAt: '2013-07-09T10:37:00.000Z',
    bodyStart: '<p>GROSSETO, Italy (AP) -- The trial of the captain of the s',
    version: null,
  },
  // Superdesk output with firstpublished and embargoed; dated by firstpublished.
  'ninjs_embargoed.json': {
    documents: 1,
    skipped: 1,
    headline: 'Trouble is brewing for the future of beer',
    byline: 'Aaron J. Staples, Michigan State University',
    dateline: 'Aaron J. Staples, Michigan',
    subheadline: 'Brewers are pursuing solutions to reduce water usage, encourage more sustainable farming, limit material use, and power facilities with clean energy.',
    publishedAt: '2022-06-26T23:54:25.000Z',
    bodyStart: '<p>What does torched earth taste like? According to New Belg',
    version: 11,
    embargoedUntil: '2022-06-29T02:30:00.000Z',
  },
};

describe('the shared ninjs samples', () => {
  const files = readdirSync(NINJS_DATA).filter((name) => name.endsWith('.json')).sort();

  it('has every pinned file in the folder', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(Object.keys(FILES)));
  });

  it.each(files)('%s, pinned or not, reads as ninjs: text items with a headline or copy, or skipped with a reason', (file) => {
    const bytes = readFileSync(path.join(NINJS_DATA, file));
    expect(looksLikeNinjs(bytes.toString('utf8'))).toBe(true);
    const result = parse(bytes, `/drop/${file}`);
    expect(result.documents.length + result.skipped.length).toBeGreaterThan(0);
    for (const document of result.documents) {
      expect(`${document.feedItem?.title ?? ''}${document.body}`.trim()).not.toBe('');
      // The body may be the item's HTML, which the normalizer reads; no control character may reach it.
      expect(`${document.feedItem?.title ?? ''}\n${document.body}`).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(document.feedItem?.title ?? '').not.toMatch(/<[A-Za-z/!]/);
    }
  });

  it.each(Object.keys(FILES))('%s', (file) => {
    const expected = FILES[file];
    const bytes = readFileSync(path.join(NINJS_DATA, file));
    expect(looksLikeNinjs(bytes.toString('utf8'))).toBe(true);
    const result = parse(bytes, `/drop/${file}`);
    expect(result.documents).toHaveLength(expected.documents);
    expect(result.skipped).toHaveLength(expected.skipped);
    const [first] = result.documents;
    expect(first.format).toBe('feed-item');
    expect(first.charset).toBe('utf-8');
    expect(first.documentUri).toBe(`/drop/${file}`);
    expect(first.feedItem?.title).toBe(expected.headline);
    if (expected.byline) expect(first.feedItem?.author).toBe(expected.byline);
    if (expected.dateline) expect(first.feedItem?.dateline).toBe(expected.dateline);
    if (expected.urgency) expect(first.feedItem?.urgency).toBe(expected.urgency);
    if (expected.subheadline) expect(first.feedItem?.subheadline).toBe(expected.subheadline);
    expect(first.feedItem?.publishedAt).toBe(expected.publishedAt);
    expect(first.body.slice(0, 60)).toBe(expected.bodyStart);
    // Identified by the item's uri/guid and version: a later version is an article of its own,
    // linked to this one by the agency id.
    expect(first.feedItem?.guid).toBeTruthy();
    expect(first.feedItem?.wire).toEqual({
      agencyItemId: first.feedItem?.guid,
      version: expected.version,
      versionLabel: null,
      pubStatus: 'usable',
      statusNote: null,
      embargoedUntil: expected.embargoedUntil ?? null,
      correction: false,
    });
    expect(first.articleId).toBe(articleIdFor({ sourceId: source.id, guid: versionedGuid(first.feedItem?.guid ?? null, first.feedItem?.wire) }));
  });

  it('names the associated picture it skips', () => {
    const { skipped } = parse(readFileSync(path.join(NINJS_DATA, 'ninjs2.json')), '/drop/ninjs2.json');
    expect(skipped).toEqual(['/drop/ninjs2.json: item.associations.featuremedia (picture item 20170809001313906811 "Financial Markets") skipped: not text']);
  });

  it('identifies the AP item by its uri without the per-request qt/et parameters', () => {
    const [document] = parse(readFileSync(path.join(NINJS_DATA, 'ap_media_text_feed.json'))).documents;
    expect(document.feedItem?.guid).toBe('https://a.b.c/media/v/content/5ee9b4b40ea5fe9c9ca60f890fb2e1d9');
  });

  it('reads subject names as categories and does not read ninjs1 authors when there is a byline', () => {
    const [document] = parse(readFileSync(path.join(NINJS_DATA, 'ninjs1.json'))).documents;
    expect(document.feedItem?.categories).toEqual(['arts, culture and entertainment']);
    expect(document.feedItem?.author).toBe('Peter and Jane');
  });
});

describe('ninjs 2.x', () => {
  const item2 = {
    $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json',
    uri: 'urn:example:ninjs2:1',
    type: 'text',
    version: '3',
    versioncreated: '2025-01-06T08:15:00+01:00',
    firstcreated: '2025-01-06T07:00:00Z',
    urgency: 2,
    pubstatus: 'usable',
    language: 'fr',
    headlines: [
      { role: 'main', value: 'Le budget\u00a0adopté' },
      { role: 'sub', value: 'Vote à l&apos;Assemblée <b>nationale</b>' },
    ],
    bylines: [{ byline: 'Zoé Müller' }, { byline: 'Jean Dupont' }],
    places: [{ name: 'PARIS' }],
    subjects: [{ name: 'Politique', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' }, { name: 'Politique' }],
    descriptions: [{ role: 'summary', contenttype: 'text/plain', value: 'Résumé' }],
    bodies: [
      { role: 'alternate', contenttype: 'text/plain', value: 'plain' },
      { role: 'main', contenttype: 'text/html', value: '<p>PARIS (AFP) — Le budget a été adopté.</p><p>Suite &amp; fin.</p>' },
    ],
  };

  it('reads headlines, bylines, places, subjects and the main body', () => {
    expect(looksLikeNinjs(json(item2))).toBe(true);
    const result = parse(json(item2));
    expect(result.skipped).toEqual([]);
    expect(result.documents).toHaveLength(1);
    const [document] = result.documents;
    expect(document.body).toBe('<p>PARIS (AFP) — Le budget a été adopté.</p><p>Suite &amp; fin.</p>');
    expect(document.feedItem).toEqual({
      title: 'Le budget adopté',
      link: null,
      guid: 'urn:example:ninjs2:1',
      publishedAt: '2025-01-06T07:00:00.000Z',
      author: 'Zoé Müller and Jean Dupont',
      categories: ['Politique'],
      dateline: 'PARIS',
      urgency: 2,
      subheadline: "Vote à l'Assemblée nationale",
      wire: { agencyItemId: 'urn:example:ninjs2:1', version: 3, versionLabel: null, pubStatus: 'usable', statusNote: null, embargoedUntil: null, correction: false },
    });
  });

  it('takes a text/plain main body as text, and the summary as subheadline without a sub headline', () => {
    const item = { ...item2, headlines: [{ value: 'Only headline' }], bodies: [{ role: 'main', contenttype: 'text/plain', value: 'First paragraph.\n\nSecond.' }] };
    const [document] = parse(json(item)).documents;
    expect(document.body).toBe('First paragraph.\n\nSecond.');
    expect(document.feedItem?.title).toBe('Only headline');
    expect(document.feedItem?.subheadline).toBe('Résumé');
  });

  it('takes the "by" field when there are no bylines', () => {
    const { bylines: _bylines, ...item } = item2;
    const [document] = parse(json({ ...item, by: 'AFP staff' })).documents;
    expect(document.feedItem?.author).toBe('AFP staff');
  });
});

describe('lists and envelopes', () => {
  const text = (n: number) => ({ uri: `urn:example:text:${n}`, type: 'text', headline: `Story ${n}`, body_text: `Body of story ${n}.`, versioncreated: '2025-01-06T10:00:00Z' });
  const picture = { uri: 'urn:example:picture:1', type: 'picture', headline: 'A photo', description_text: 'Caption' };

  it('reads a list of items, one document each, skipping the picture by name', () => {
    const list = [text(1), picture, text(2)];
    expect(looksLikeNinjs(json(list))).toBe(true);
    const result = parse(json(list), 'https://api.example.com/list');
    expect(result.documents.map((document) => document.feedItem?.title)).toEqual(['Story 1', 'Story 2']);
    expect(result.documents.map((document) => document.documentUri)).toEqual([
      'https://api.example.com/list#urn%3Aexample%3Atext%3A1',
      'https://api.example.com/list#urn%3Aexample%3Atext%3A2',
    ]);
    expect(result.documents[1].body).toBe('Body of story 2.');
    expect(result.skipped).toEqual(['https://api.example.com/list: [1] (picture item urn:example:picture:1 "A photo") skipped: not text']);
  });

  it('reads { items: [...] }, { data: { items: [{ item }] } } and { data: { item } }', () => {
    for (const envelope of [{ items: [text(1), text(2)] }, { data: { items: [{ meta: {}, item: text(1) }, { meta: {}, item: text(2) }] } }]) {
      expect(looksLikeNinjs(json(envelope))).toBe(true);
      expect(parse(json(envelope)).documents.map((document) => document.feedItem?.title)).toEqual(['Story 1', 'Story 2']);
    }
    expect(parse(json({ api_version: '1.1', data: { item: text(3) } })).documents.map((document) => document.feedItem?.title)).toEqual(['Story 3']);
  });

  it('gives no documents for an envelope with an empty item list (a feed page with nothing new)', () => {
    expect(parse(json({ api_version: '1.1', data: { current_item_count: 0, items: [] } }))).toEqual({ documents: [], skipped: [] });
    expect(looksLikeNinjs(json({ data: { items: [] } }))).toBe(false);
  });

  it('skips a picture item on its own, naming it', () => {
    const result = parse(json(picture), '/drop/photo.json');
    expect(result.documents).toEqual([]);
    expect(result.skipped).toEqual(['/drop/photo.json: item (picture item urn:example:picture:1 "A photo") skipped: not text']);
  });

  it('skips video, audio and graphic items, also typed by URI or QCode', () => {
    const media = [
      { ...picture, uri: 'urn:v', type: 'video' },
      { ...picture, uri: 'urn:a', type: 'audio' },
      { ...picture, uri: 'urn:g', type: 'http://cv.iptc.org/newscodes/ninature/graphic' },
      { ...picture, uri: 'urn:p', type: 'ninat:picture' },
      text(1),
    ];
    const result = parse(json(media));
    expect(result.documents).toHaveLength(1);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped.every((reason) => reason.endsWith('skipped: not text'))).toBe(true);
  });

  it('emits a package member that carries copy, skips the package shell, and a repeated item once', () => {
    const pkg = {
      uri: 'urn:example:package',
      type: 'composite',
      headline: 'Package',
      associations: { main: text(1), related: { uri: 'urn:example:ref', type: 'text', headline: 'Reference only' }, photo: picture },
    };
    const result = parse(json([pkg, text(1)]));
    expect(result.documents.map((document) => document.feedItem?.guid)).toEqual(['urn:example:text:1']);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped[0]).toContain('[0] (composite item urn:example:package "Package") skipped: a package');
    expect(result.skipped[1]).toContain('[0].associations.related (text item urn:example:ref "Reference only") skipped: an associated item without copy');
    expect(result.skipped[2]).toContain('[0].associations.photo (picture item');
    expect(result.skipped[3]).toContain('[1] (text item urn:example:text:1 "Story 1") skipped: the same item appears earlier');
  });

  it('keeps a text item with a headline and no body as a headline-only document', () => {
    const [document] = parse(json({ guid: 'flash-1', type: 'text', headline: 'FLASH: Something happened', urgency: 1 })).documents;
    expect(document.body).toBe('');
    expect(document.feedItem).toMatchObject({ title: 'FLASH: Something happened', urgency: 1, guid: 'flash-1' });
  });
});

describe('fields', () => {
  it('cleans one-line fields of markup, references and control characters', () => {
    const item = {
      guid: 'g1',
      type: 'text',
      headline: ' <b>Bold</b> &amp; \u0007beautiful\r\n headline &amp;amp; more ',
      byline: 'By <a href="mailto:x@example.com">X Y</a>',
      located: 'NEW&#32;YORK',
      description_text: 'Sum\u0000mary',
      body_html: '<p>Copy.</p>',
      subject: [{ name: 'A &amp; B' }, { code: 'no-name' }],
    };
    const [document] = parse(json(item)).documents;
    expect(document.feedItem).toMatchObject({
      title: 'Bold & beautiful headline & more',
      author: 'By X Y',
      dateline: 'NEW YORK',
      subheadline: 'Summary',
      categories: ['A & B'],
    });
  });

  it('escapes a text body that would read as markup into HTML paragraphs', () => {
    const [document] = parse(json({ guid: 'g2', type: 'text', headline: 'H', body_text: 'If x <b and c > d\nthen AT&T wins.\n\nNext paragraph.' })).documents;
    expect(document.body).toBe('<p>If x &lt;b and c &gt; d<br>then AT&amp;T wins.</p>\n<p>Next paragraph.</p>');
  });

  it('falls back to description_text as the body, then not as the subheadline', () => {
    const [document] = parse(json({ guid: 'g3', type: 'text', headline: 'H', description_text: 'Only a summary.' })).documents;
    expect(document.body).toBe('Only a summary.');
    expect(document.feedItem?.subheadline).toBeUndefined();
  });

  it('reads authors when there is no byline, leaving editors out; dates without an offset as UTC', () => {
    const item = {
      guid: 'g4',
      type: 'text',
      headline: 'H',
      body_html: '<p>x</p>',
      firstcreated: '2018-05-28T16:40:08',
      authors: [{ name: 'Ann Writer', role: 'writer' }, { name: 'Ed Itor', role: 'editor' }, { name: 'Bo Reporter' }],
    };
    const [document] = parse(json(item)).documents;
    expect(document.feedItem?.author).toBe('Ann Writer and Bo Reporter');
    expect(document.feedItem?.publishedAt).toBe('2018-05-28T16:40:08.000Z');
  });

  it('leaves an urgency outside 1–9 out, and reads one given as a string', () => {
    const base = { guid: 'g5', type: 'text', headline: 'H', body_html: '<p>x</p>' };
    expect(parse(json({ ...base, urgency: 0 })).documents[0].feedItem?.urgency).toBeNull();
    expect(parse(json({ ...base, urgency: 12 })).documents[0].feedItem?.urgency).toBeNull();
    expect(parse(json({ ...base, urgency: '4' })).documents[0].feedItem?.urgency).toBe(4);
  });

  it('decodes by the Content-Type charset', () => {
    const bytes = iconv.encode(json({ guid: 'g6', type: 'text', headline: 'Müller à Zürich', body_text: 'Café.' }), 'iso-8859-1');
    const result = parse(bytes, '/x', { contentType: 'application/json; charset=iso-8859-1' });
    expect(result.documents[0].charset).toBe('windows-1252');
    expect(result.documents[0].feedItem?.title).toBe('Müller à Zürich');
  });

  it('reads a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json({ guid: 'g7', type: 'text', headline: 'BOM' }))]);
    expect(parse(bytes).documents[0].feedItem?.title).toBe('BOM');
    expect(looksLikeNinjs('\uFEFF' + json({ guid: 'g7', type: 'text', headline: 'BOM' }))).toBe(true);
  });
});

describe('refusals', () => {
  const refuse = (input: string, options: Partial<ParseNinjsOptions> = {}) => () => parse(input, '/drop/doc.json', options);

  it('refuses bad JSON', () => {
    expect(refuse('{"uri": "x", "type": "text",')).toThrow(UnprocessableDocumentError);
    expect(refuse('{"uri": "x", "type": "text",')).toThrow(/\/drop\/doc\.json: not valid JSON/);
    expect(looksLikeNinjs('{"uri": "x", "type": "text",')).toBe(false);
  });

  it('refuses JSON that is not ninjs', () => {
    expect(refuse(json({ foo: 1, bar: [1, 2] }))).toThrow(/JSON but not ninjs: an object with foo, bar is neither a ninjs item/);
    expect(refuse(json({ items: [{ id: 1, title: 'x' }] }))).toThrow(/none of the 1 entries of items is a ninjs item/);
    expect(refuse(json([1, 2]))).toThrow(UnprocessableDocumentError);
    expect(refuse('"just a string"')).toThrow(/JSON but not ninjs: a string/);
    for (const text of [json({ foo: 1 }), json({ items: [{ id: 1 }] }), '<rss version="2.0"></rss>', 'plain text', json({ uri: 'x' })]) {
      expect(looksLikeNinjs(text)).toBe(false);
    }
  });

  it('refuses a document over the size limit', () => {
    expect(refuse(json({ guid: 'g', type: 'text', headline: 'H' }), { maxBytes: 10 })).toThrow(/larger than the 10-byte limit/);
  });

  it('refuses a lone item whose body is over MAX_BODY_CHARS, but keeps the others of a list', () => {
    const huge = { guid: 'huge', type: 'text', headline: 'Huge', body_text: 'x'.repeat(MAX_BODY_CHARS + 1) };
    expect(refuse(json(huge))).toThrow(/more than the 2000000 a raw document may carry/);
    const result = parse(json([huge, { guid: 'small', type: 'text', headline: 'Small', body_text: 'ok' }]));
    expect(result.documents.map((document) => document.feedItem?.guid)).toEqual(['small']);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatch(/\[0\] refused: .*more than the 2000000/);
  });
});

describe('ninjs wire status', () => {
  const item = (fields: Record<string, unknown>) => json({ uri: 'urn:example:quay:7', type: 'text', headline: 'Quay reopens', body_text: 'The quay reopened at dawn.', ...fields });

  it('reads embargoed, version and pubstatus, and gives each version an article id of its own', () => {
    const first = parse(item({ version: '1', embargoed: '2031-03-04T05:06:07+01:00' })).documents[0];
    const second = parse(item({ version: '2', pubstatus: 'usable' })).documents[0];
    expect(first.feedItem?.wire).toMatchObject({ agencyItemId: 'urn:example:quay:7', version: 1, pubStatus: 'usable', embargoedUntil: '2031-03-04T04:06:07.000Z' });
    expect(second.feedItem?.wire).toMatchObject({ agencyItemId: 'urn:example:quay:7', version: 2, embargoedUntil: null });
    expect(second.articleId).not.toBe(first.articleId);
    expect(parse(item({ version: '2', pubstatus: 'usable' })).documents[0].articleId).toBe(second.articleId);
  });

  it('reads a cancelled item as a kill with its ednote, stored apart from the story it kills', () => {
    const story = parse(item({ version: '2' })).documents[0];
    const kill = parse(item({ version: '2', pubstatus: 'canceled', ednote: 'Withdrawn: the quay did not reopen.' })).documents[0];
    expect(kill.feedItem?.wire).toMatchObject({ pubStatus: 'canceled', statusNote: 'Withdrawn: the quay did not reopen.', version: 2 });
    expect(kill.articleId).not.toBe(story.articleId);
    expect(parse(item({ pubstatus: 'withheld' })).documents[0].feedItem?.wire?.pubStatus).toBe('withheld');
  });

  it('marks a correction the ednote or headline announces', () => {
    expect(parse(item({ ednote: 'Corrects the day of the reopening.' })).documents[0].feedItem?.wire?.correction).toBe(true);
    expect(parse(item({ headline: 'CORRECTION: Quay reopens' })).documents[0].feedItem?.wire?.correction).toBe(true);
    expect(parse(item({ ednote: 'With photos.' })).documents[0].feedItem?.wire?.correction).toBe(false);
  });
});
