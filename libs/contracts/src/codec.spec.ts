import { z } from 'zod';
import { compileValidator } from './compiled-validators';
import {
  articleIdFor,
  DEAD_LETTER_TOPICS,
  decodeMessage,
  encodeMessage,
  enrichedArticleOf,
  EnrichedArticleV3Schema,
  InvalidMessageError,
  MAX_BODY_CHARS,
  normalizedArticleOf,
  RawDocumentV1Schema,
  sha256Hex,
  TOPIC_SCHEMAS,
  TOPICS,
  type EnrichedArticleV1,
  type EnrichedArticleV3,
  type Topic,
  type RawDocumentV1,
} from './index';

function rawDocument(overrides: Partial<RawDocumentV1> = {}): RawDocumentV1 {
  const body = 'SEOUL, Jan 6 (Yonhap) -- A story.';
  return {
    schemaVersion: 1,
    articleId: articleIdFor({ sourceId: 'drop', contentHash: sha256Hex(body) }),
    source: { id: 'drop', kind: 'file-drop', uri: '/tmp/drop' },
    documentUri: '/tmp/drop/story.txt',
    fetchedAt: '2026-11-23T09:00:00.000Z',
    format: 'wire-text',
    charset: 'utf-8',
    body,
    contentHash: sha256Hex(body),
    feedItem: null,
    ...overrides,
  };
}

describe('message codec', () => {
  it('round-trips a valid raw document', () => {
    const message = rawDocument();
    expect(decodeMessage(TOPICS.raw, Buffer.from(encodeMessage(TOPICS.raw, message)))).toEqual(message);
  });

  it('refuses to produce a message that breaks its schema', () => {
    expect(() => encodeMessage(TOPICS.raw, rawDocument({ articleId: 'not-an-id' }))).toThrow(InvalidMessageError);
  });

  it('rejects a value that is not JSON, naming the topic and the cause', () => {
    expect(() => decodeMessage(TOPICS.raw, Buffer.from('{not json'))).toThrow(/news\.raw\.v1: value is not JSON/);
  });

  it('rejects another schema version with the field that differs', () => {
    const wrongVersion = { ...rawDocument(), schemaVersion: 2 };
    expect(() => decodeMessage(TOPICS.raw, JSON.stringify(wrongVersion))).toThrow(/schemaVersion/);
  });

  it('rejects an empty value', () => {
    expect(() => decodeMessage(TOPICS.normalized, null)).toThrow(InvalidMessageError);
  });
});

describe('articleIdFor', () => {
  it('is stable for the same source and guid, and differs across sources', () => {
    const a = articleIdFor({ sourceId: 'kuna', guid: 'urn:1', url: 'https://x/1' });
    expect(articleIdFor({ sourceId: 'kuna', guid: 'urn:1', url: 'https://x/other' })).toBe(a);
    expect(articleIdFor({ sourceId: 'menafn', guid: 'urn:1' })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('falls back from guid to url to content hash', () => {
    expect(articleIdFor({ sourceId: 's', guid: ' ', url: 'https://x/1' })).toBe(articleIdFor({ sourceId: 's', url: 'https://x/1' }));
    expect(() => articleIdFor({ sourceId: 's' })).toThrow(/no guid, url or content hash/);
  });
});

describe('compiled message checks agree with the zod schemas', () => {
  const body = 'SEOUL, Jan 6 (Yonhap) -- Foreign Minister Cho Tae-yul said "we are ready," officials said.';
  function enriched(): EnrichedArticleV3 {
    return enrichedArticleOf({
      articleId: articleIdFor({ sourceId: 'drop', contentHash: sha256Hex(body) }),
      article: normalizedArticleOf({ body, nearDuplicate: { simhash: '0123456789abcdef', sketch: [-3, 5] } }),
      entities: [
        { key: 'PERSON:cho tae-yul', canonicalName: 'Cho Tae-yul', type: 'PERSON', aliases: [], mentions: [{ start: 42, end: 53, text: 'Cho Tae-yul', role: 'Foreign Minister' }] },
      ],
      quotes: [{ text: 'we are ready,', start: 60, end: 73, speakerKey: 'PERSON:cho tae-yul', speakerName: 'Cho Tae-yul' }],
      extractorVersion: '1.0.0',
    });
  }
  const breakages: Array<[string, (message: EnrichedArticleV3) => void]> = [
    ['a quote ending before it starts', (message) => (message.quotes![0].end = 10)],
    ['an entity without mentions', (message) => (message.entities[0].mentions = [])],
    ['an unknown entity type', (message) => ((message.entities[0] as { type: string }).type = 'ANIMAL')],
    ['a fractional offset', (message) => (message.entities[0].mentions[0].start = 1.5)],
    ['a date that is not ISO', (message) => (message.article.fetchedAt = 'Jan 6, 2025')],
    ['a missing required field', (message) => delete (message as Partial<EnrichedArticleV3>).extractorVersion],
    ['a null where a string is required', (message) => ((message.article as { body: string | null }).body = null)],
    ['a sketch hash beyond 32 bits', (message) => (message.article.nearDuplicate = { simhash: '0123456789abcdef', sketch: [2 ** 31] })],
  ];

  it('accepts what zod accepts, unchanged', () => {
    const message = enriched();
    expect(EnrichedArticleV3Schema.safeParse(message).success).toBe(true);
    expect(JSON.parse(encodeMessage(TOPICS.enriched, message))).toEqual(message);
  });

  it.each(breakages)('refuses %s, as zod does', (_name, breakMessage) => {
    const message = enriched();
    breakMessage(message);
    expect(EnrichedArticleV3Schema.safeParse(message).success).toBe(false);
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify(message))).toThrow(InvalidMessageError);
    expect(() => encodeMessage(TOPICS.enriched, message)).toThrow(InvalidMessageError);
  });

  it('names the field and the rule that failed', () => {
    const message = enriched();
    message.quotes![0].end = 10;
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify(message))).toThrow('news.enriched.v1: quotes.0: quote end must be after start');
  });

  it('drops keys the schema does not know, as zod does (a newer producer within v1)', () => {
    const message = { ...enriched(), addedLater: true, article: { ...enriched().article, alsoNew: 'x' } };
    const decoded = decodeMessage(TOPICS.enriched, JSON.stringify(message));
    expect(decoded).toEqual(EnrichedArticleV3Schema.parse(message));
    expect(decoded).not.toHaveProperty('addedLater');
    expect(decoded.article).not.toHaveProperty('alsoNew');
  });

  it('keeps every header of a dead letter (a record, not an object with known keys)', () => {
    const letter = {
      schemaVersion: 1, stage: 'normalizer', sourceTopic: 'news.raw.v1', partition: 0, offset: '7', key: null, value: null,
      valueEncoding: 'utf8', headers: { traceparent: '00-abc', 'ws-source-id': 'drop' }, errorClass: 'Error', errorMessage: 'boom',
      attempts: 1, failedAt: '2026-11-23T09:00:00.000Z',
    };
    expect(decodeMessage(DEAD_LETTER_TOPICS.normalizer, JSON.stringify(letter)).headers).toEqual(letter.headers);
  });

  it('counts a length in UTF-16 code units: never laxer than zod, which counts characters', () => {
    const atLimit = rawDocument({ body: 'x'.repeat(MAX_BODY_CHARS) });
    expect(() => encodeMessage(TOPICS.raw, atLimit)).not.toThrow();
    // Two code units, one character: zod takes it at the limit, the compiled check does not.
    const astralAtLimit = rawDocument({ body: 'x'.repeat(MAX_BODY_CHARS - 1) + '😀' });
    expect(RawDocumentV1Schema.safeParse(astralAtLimit).success).toBe(true);
    expect(() => encodeMessage(TOPICS.raw, astralAtLimit)).toThrow(/body: must NOT have more than 2000000 characters/);
    const pastLimit = rawDocument({ body: 'x'.repeat(MAX_BODY_CHARS + 1) });
    expect(RawDocumentV1Schema.safeParse(pastLimit).success).toBe(false);
    expect(() => encodeMessage(TOPICS.raw, pastLimit)).toThrow(/body/);
  });

  it.each(Object.keys(TOPIC_SCHEMAS) as Topic[])('compiles the schema of %s and refuses an empty object against it', (topic) => {
    // An Error other than InvalidMessageError here would be a schema the compiled check cannot carry.
    expect(() => decodeMessage(topic, '{}')).toThrow(InvalidMessageError);
  });

  it('refuses to compile a union of object schemas, whose keys it could drop', () => {
    const either = z.object({ kind: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]) });
    expect(() => compileValidator(either)).toThrow(/union of object schemas/);
    expect(() => compileValidator(z.object({ maybe: z.object({ a: z.string() }).nullable() }))).not.toThrow();
  });

  it('refuses to compile a schema whose refinement it does not mirror', () => {
    const refined = z.object({ low: z.number(), high: z.number() }).refine((range) => range.high > range.low);
    expect(() => compileValidator(refined)).toThrow(/refinement has no compiled counterpart/);
  });
});

describe('schema versions a topic still carries', () => {
  const body = 'SEOUL, Jan 6 (Yonhap) -- A story.';
  const article = normalizedArticleOf({ body });
  const version1 = (over: Partial<EnrichedArticleV1['article']> = {}): EnrichedArticleV1 => ({
    schemaVersion: 1,
    articleId: article.articleId,
    article: { ...article, ...over },
    entities: [],
    extractorVersion: '1.0.0',
  });

  it('reads a version 1 enriched message without a signature as version 3 with none, computing nothing', () => {
    const decoded = decodeMessage(TOPICS.enriched, JSON.stringify(version1()));
    expect(decoded.schemaVersion).toBe(3);
    expect(decoded.article.nearDuplicate).toBeNull();
    expect(decoded.article.wire).toBeNull();
    expect(decoded.article.body).toBe(body);
  });

  it("keeps the signature a version 1 message carries", () => {
    const nearDuplicate = { simhash: '00000000000000ff', sketch: [1, 2, 3] };
    expect(decodeMessage(TOPICS.enriched, JSON.stringify(version1({ nearDuplicate }))).article.nearDuplicate).toEqual(nearDuplicate);
  });

  it('checks a version 1 message against version 1, naming what breaks it', () => {
    const broken = { ...version1(), extractorVersion: '' };
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify(broken))).toThrow(/news\.enriched\.v1: extractorVersion/);
  });

  it('reads a version 2 enriched message as version 3 with no wire status, keeping its signature', () => {
    const nearDuplicate = { simhash: '00000000000000ff', sketch: [1, 2, 3] };
    const version2 = { ...version1({ nearDuplicate }), schemaVersion: 2 };
    const decoded = decodeMessage(TOPICS.enriched, JSON.stringify(version2));
    expect(decoded.schemaVersion).toBe(3);
    expect(decoded.article.wire).toBeNull();
    expect(decoded.article.nearDuplicate).toEqual(nearDuplicate);
  });

  it('keeps the wire status a version 2 message carries within v1 of the article', () => {
    const wire = { agencyItemId: 'urn:test:1', version: 2, versionLabel: null, pubStatus: 'canceled' as const, statusNote: 'Withdrawn.', embargoedUntil: null, correction: false };
    const version2 = { ...version1({ nearDuplicate: undefined, wire }), schemaVersion: 2, article: { ...version1().article, nearDuplicate: null, wire } };
    expect(decodeMessage(TOPICS.enriched, JSON.stringify(version2)).article.wire).toEqual(wire);
  });

  it('refuses a version 3 message that leaves the wire status out', () => {
    const { wire: _left, ...unstated } = enrichedArticleOf(version1()).article;
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify({ ...enrichedArticleOf(version1()), article: unstated }))).toThrow(/wire/);
  });

  it('refuses a version 3 message that leaves the signature out, and produces only version 3', () => {
    const { nearDuplicate: _left, ...unsigned } = enrichedArticleOf(version1()).article;
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify({ ...enrichedArticleOf(version1()), article: unsigned }))).toThrow(/nearDuplicate/);
    expect(() => encodeMessage(TOPICS.enriched, version1() as unknown as EnrichedArticleV3)).toThrow(/schemaVersion/);
  });

  it('refuses a schema version the topic never carried', () => {
    expect(() => decodeMessage(TOPICS.enriched, JSON.stringify({ ...enrichedArticleOf(version1()), schemaVersion: 4 }))).toThrow(/schemaVersion/);
  });
});

describe('why a message was refused', () => {
  it('names a wrong schemaVersion even when the rest of the message is missing too', () => {
    expect(() => decodeMessage(TOPICS.raw, JSON.stringify({ schemaVersion: 2 }))).toThrow(/schemaVersion/);
  });

  it('lists several problems, not only the first', () => {
    const message = { ...rawDocument(), articleId: 'short', contentHash: 'nope' };
    expect(() => decodeMessage(TOPICS.raw, JSON.stringify(message))).toThrow(/articleId.*contentHash/);
  });
});
