import { articleIdFor, decodeMessage, encodeMessage, InvalidMessageError, sha256Hex, TOPICS, type RawDocumentV1 } from './index';

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
