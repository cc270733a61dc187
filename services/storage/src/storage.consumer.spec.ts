import { articleIdFor, sha256Hex, type EnrichedArticleV1 } from '@wirestream/contracts';
import { nearDuplicateSignature } from '@wirestream/normalize';
import { withSignature } from './storage.consumer';

function enriched(body: string, nearDuplicate?: EnrichedArticleV1['article']['nearDuplicate']): EnrichedArticleV1 {
  const articleId = articleIdFor({ sourceId: 'test', guid: 'signature' });
  return {
    schemaVersion: 1,
    articleId,
    extractorVersion: 'test-1',
    entities: [],
    article: {
      articleId,
      sourceId: 'test',
      documentUri: 'https://example.org/signature',
      canonicalUrl: null,
      fetchedAt: '2026-11-23T09:00:00.000Z',
      headline: 'Harbour strike',
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
      body,
      captions: [],
      wordCount: body.split(/\s+/).length,
      contentHash: sha256Hex(body),
      ...(nearDuplicate ? { nearDuplicate } : {}),
      normalizerVersion: '0.2.0',
    },
  };
}

describe('withSignature', () => {
  const body = 'Dockers in Busan walked out over pay on Monday, the union said, halting work at three terminals.';

  it("computes the normalizer's signature for a message from a normalizer that predates it", () => {
    const message = enriched(body);
    expect(withSignature(message).article.nearDuplicate).toEqual(nearDuplicateSignature(body));
    expect(message.article.nearDuplicate).toBeUndefined();
  });

  it('keeps the signature a message carries', () => {
    const carried = { simhash: '00000000000000ff', sketch: [1, 2, 3] };
    expect(withSignature(enriched(body, carried)).article.nearDuplicate).toEqual(carried);
  });
});
