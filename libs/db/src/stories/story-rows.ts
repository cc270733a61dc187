import { assignInBatch, resolveNewStories, type BoilerplateHashes, type StoryAssignment, type StoryRule } from '@wirestream/stories';
import type { EntityManager } from 'typeorm';
import type { StoredArticle } from '../articles/article-rows';
import { asTimestamp, type PreparedArticle } from '../articles/prepared-article';
import { chunksByParameters, columnsOf, valuesClause } from '../sql/bind-parameters';
import { storyCandidates } from './candidate-lookups';

/**
 * Chooses a story for every article about to be written that has none stored: the story of its
 * best match among stored articles (found through the sketch and salient-entity indexes) and the
 * batch's earlier articles, or a new one. A stored article keeps its story, so re-delivery changes
 * nothing. The caller holds the story lock, so two storage instances never start two stories for
 * one event.
 */
export async function assignStories(
  manager: EntityManager,
  articles: PreparedArticle[],
  stored: Map<string, StoredArticle>,
  rule: StoryRule,
  boilerplate: BoilerplateHashes,
): Promise<Map<string, StoryAssignment>> {
  const assignments = new Map<string, StoryAssignment>();
  const needing: PreparedArticle[] = [];
  for (const article of articles) {
    const storyId = stored.get(article.articleId)?.storyId;
    if (storyId) assignments.set(article.articleId, { storyId, reason: 'kept' });
    else needing.push(article);
  }
  if (needing.length === 0) return assignments;
  const candidates = await storyCandidates(manager, needing, rule, boilerplate);
  const inBatch = assignInBatch(needing, candidates, rule);
  inBatch.forEach((assignment, articleId) => assignments.set(articleId, assignment));
  const newStoryIds = await insertStories(manager, needing.filter((article) => inBatch.get(article.articleId)?.reason === 'new'));
  resolveNewStories(inBatch.values(), newStoryIds);
  return assignments;
}

/** Returns the new story id for each starting article id. */
async function insertStories(manager: EntityManager, articles: PreparedArticle[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = articles.map((article) => [article.articleId, article.input.message.article.headline]);
  for (const chunk of chunksByParameters(rows, 2)) {
    const { placeholders, parameters } = valuesClause(chunk);
    const returned: Array<{ id: string; first_article_id: string }> = await manager.query(
      `INSERT INTO stories (first_article_id, headline) VALUES ${placeholders}
       ON CONFLICT (first_article_id) DO UPDATE SET headline = EXCLUDED.headline
       RETURNING id, first_article_id`,
      parameters,
    );
    returned.forEach((row) => ids.set(row.first_article_id, String(row.id)));
  }
  return ids;
}

/** Article count and date span of the given stories, written only where they changed. */
export async function refreshStories(manager: EntityManager, storyIds: string[]): Promise<void> {
  if (storyIds.length === 0) return;
  await manager.query(
    `UPDATE stories s
        SET article_count = x.n, first_published_at = x.first, last_published_at = x.last, updated_at = now()
       FROM (SELECT story_id, count(*)::int AS n, min(published_at) AS first, max(published_at) AS last
               FROM articles WHERE story_id = ANY($1::bigint[]) GROUP BY story_id) x
      WHERE s.id = x.story_id
        AND (s.article_count, s.first_published_at, s.last_published_at) IS DISTINCT FROM (x.n, x.first, x.last)`,
    [storyIds],
  );
}

/**
 * Deletes the salient-entity rows of stored articles about to be written again. Run before their
 * article rows are replaced: the rows are found by the key the stored `salient_entities` and
 * `published_at` give (the table has no index on `article_id`, see SalientEntitiesByWeek).
 */
export async function deleteSalientEntitiesOf(manager: EntityManager, storedIds: string[]): Promise<void> {
  if (storedIds.length === 0) return;
  await manager.query(
    `DELETE FROM article_salient_entities e
       USING (SELECT DISTINCT unnest(a.salient_entities) AS entity_key, a.published_at, a.article_id
                FROM articles a WHERE a.article_id = ANY($1::varchar[]) AND a.published_at IS NOT NULL) d
      WHERE salient_week(e.published_at) = salient_week(d.published_at) AND e.entity_key = d.entity_key
        AND e.published_at = d.published_at AND e.article_id = d.article_id`,
    [storedIds],
  );
}

/**
 * Inserts the articles' salient entities, the index the same-event lookup reads (dated articles
 * only), with `published_at` exactly as the article row stores it, so the row's columns find them
 * again (see deleteSalientEntitiesOf).
 */
export async function insertSalientEntities(manager: EntityManager, articles: PreparedArticle[]): Promise<void> {
  const rows = articles.flatMap((article) => {
    const publishedAt = asTimestamp(article.input.message.article.publishedAt);
    return publishedAt ? [...new Set(article.salientEntities)].map((key) => [key, publishedAt, article.articleId]) : [];
  });
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO article_salient_entities (entity_key, published_at, article_id)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::varchar[])`,
    columnsOf(rows, 3),
  );
}
