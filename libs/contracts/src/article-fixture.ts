import { articleIdFor, sha256Hex } from './article-id';
import type { NormalizedArticle } from './schemas';

/**
 * A valid NormalizedArticle from a body and whichever fields matter to the caller: the rest are
 * empty, and the article id (from the source and the body's hash), word count and content hash are
 * derived. For tests, benchmarks and generated corpora, so none of them spells out the contract.
 */
export function normalizedArticleOf(fields: Partial<NormalizedArticle> & { body: string }): NormalizedArticle {
  const sourceId = fields.sourceId ?? 'test';
  const contentHash = sha256Hex(fields.body);
  const articleId = fields.articleId ?? articleIdFor({ sourceId, contentHash });
  return {
    articleId,
    sourceId,
    documentUri: `test:${articleId}`,
    canonicalUrl: null,
    fetchedAt: '2026-11-23T09:00:00.000Z',
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
    language: 'en',
    captions: [],
    wordCount: fields.body.split(/\s+/).filter(Boolean).length,
    contentHash,
    normalizerVersion: '0.0.0',
    ...fields,
  };
}
