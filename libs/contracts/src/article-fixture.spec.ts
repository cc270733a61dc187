import { articleIdFor, sha256Hex } from './article-id';
import { normalizedArticleOf } from './article-fixture';
import { NormalizedArticleV1Schema } from './schemas';

describe('normalizedArticleOf', () => {
  it('builds a contract-valid article, deriving the id, hash and word count from the body', () => {
    const article = normalizedArticleOf({ body: 'Two  words', headline: 'Given' });
    expect(NormalizedArticleV1Schema.parse({ schemaVersion: 1, ...article })).toMatchObject({ headline: 'Given', wordCount: 2 });
    expect(article.contentHash).toBe(sha256Hex('Two  words'));
    expect(article.articleId).toBe(articleIdFor({ sourceId: 'test', contentHash: sha256Hex('Two  words') }));
  });

  it('keeps every field it is given', () => {
    expect(normalizedArticleOf({ body: 'x', articleId: 'a'.repeat(32), sourceId: 'wire', language: null })).toMatchObject({
      articleId: 'a'.repeat(32),
      sourceId: 'wire',
      language: null,
    });
  });
});
