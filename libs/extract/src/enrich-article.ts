import { enrichedArticleOf, type EnrichedArticleV3 } from '@wirestream/contracts';
import { extractArticle, extractorVersion } from './default-extractor';

type NormalizedArticle = Parameters<typeof enrichedArticleOf>[0]['article'];

/**
 * The extractor stage's whole work on one normalized article: entities (the dateline's place
 * among them) and quotes, as the enriched message. A kill or withdrawal notice names the story it
 * kills: who and what it names are not news, so it gets none. The service and the benchmarks
 * that stand in for it call this one function.
 */
export function enrichArticle(article: NormalizedArticle, version: string = extractorVersion()): EnrichedArticleV3 {
  const notice = !!article.wire && article.wire.pubStatus !== 'usable';
  const { entities, quotes } = notice
    ? { entities: [], quotes: [] }
    : extractArticle(article.body, { headline: article.headline, dateline: article.dateline?.place ?? null });
  return enrichedArticleOf({ articleId: article.articleId, article, entities, quotes, extractorVersion: version });
}
