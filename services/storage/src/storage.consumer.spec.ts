import { normalizedArticleOf, type EnrichedArticleV1 } from '@wirestream/contracts';
import { nearDuplicateSignature } from '@wirestream/normalize';
import { withSignature } from './storage.consumer';

function enriched(body: string, nearDuplicate?: EnrichedArticleV1['article']['nearDuplicate']): EnrichedArticleV1 {
  const article = normalizedArticleOf({ body, headline: 'Harbour strike', ...(nearDuplicate ? { nearDuplicate } : {}) });
  return { schemaVersion: 1, articleId: article.articleId, extractorVersion: 'test-1', entities: [], article };
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
