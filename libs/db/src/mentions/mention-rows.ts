import type { EnrichedArticleV3, ExtractedEntity } from '@wirestream/contracts';
import type { EntityManager } from 'typeorm';
import { asTimestamp } from '../articles/prepared-article';
import { NestedArrayLiteral } from '../sql/nested-array-literal';
import type { EntityCountChanges } from './entity-article-counts';

/**
 * Replaces the articles' mentions: one row per article, with the entities it names (ascending) and
 * every mention in text order as parallel arrays (see MentionsKeptWithArticle). `counts` learns
 * which entities each replaced article named and each written one names.
 */
export async function replaceMentions(
  manager: EntityManager,
  messages: EnrichedArticleV3[],
  entityIds: Map<string, string>,
  storedIds: string[],
  counts: EntityCountChanges,
): Promise<void> {
  if (storedIds.length > 0) {
    // TypeORM gives a DELETE's result as [rows, affected].
    const [replaced]: [Array<{ entity_ids: Array<string | number> }>, number] = await manager.query(
      `DELETE FROM article_mentions WHERE article_id = ANY($1::varchar[]) RETURNING entity_ids`,
      [storedIds],
    );
    for (const row of replaced) counts.unnamed(row.entity_ids.map(String));
  }
  const articleIds: string[] = [];
  const sortTimes: string[] = [];
  // Each row's arrays, as one literal per column of array literals (see NestedArrayLiteral).
  const namedEntities = new NestedArrayLiteral();
  const mentionEntities = new NestedArrayLiteral();
  const starts = new NestedArrayLiteral();
  const ends = new NestedArrayLiteral();
  const surfaces = new NestedArrayLiteral();
  const roles = new NestedArrayLiteral();
  for (const message of messages) {
    // A span is one mention: named twice in one message (by two entities, say), the first stays.
    const seenSpans = new Set<string>();
    const mentions: Array<{ entityId: string; mention: ExtractedEntity['mentions'][number] }> = [];
    for (const entity of message.entities) {
      const entityId = entityIds.get(entity.key)!;
      for (const mention of entity.mentions) {
        const span = `${mention.field ?? 'body'}:${mention.start}:${mention.end}`;
        if (seenSpans.has(span)) continue;
        seenSpans.add(span);
        mentions.push({ entityId, mention });
      }
    }
    if (mentions.length === 0) continue;
    mentions.sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end);
    // Ascending as numbers (bigint ids as text: shorter is smaller), the same for every instance.
    const named = [...new Set(mentions.map((item) => item.entityId))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    articleIds.push(message.articleId);
    // As articles.sort_at computes it: published, else fetched.
    sortTimes.push(asTimestamp(message.article.publishedAt) ?? message.article.fetchedAt);
    counts.named(named);
    namedEntities.addNumbers(named, (entityId) => entityId);
    mentionEntities.addNumbers(mentions, (item) => item.entityId);
    starts.addNumbers(mentions, (item) => item.mention.start);
    ends.addNumbers(mentions, (item) => item.mention.end);
    surfaces.addTexts(mentions, (item) => item.mention.text);
    roles.addTexts(mentions, (item) => item.mention.role);
  }
  if (articleIds.length === 0) return;
  // One array per column: bound and planned faster as arrays than as VALUES tuples. The arrays
  // travel as array literals, to be unnested a level at a time (Postgres has no arrays of arrays;
  // a 2-D array would need rows of equal length). A row already there was inserted by another
  // instance writing the same new article at the same time (while its partition moves): the
  // insert waits for that instance's commit either way, but skipping instead of failing on the key
  // lets this batch reach the check under the story lock, which finds the article written
  // meanwhile and starts the batch again.
  await manager.query(
    `INSERT INTO article_mentions (article_id, entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles, sort_at)
     SELECT article_id, entity_ids::bigint[], mention_entity_ids::bigint[], start_offsets::integer[], end_offsets::integer[], surfaces::text[], roles::text[], sort_at
       FROM unnest($1::varchar[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
         AS m(article_id, entity_ids, mention_entity_ids, start_offsets, end_offsets, surfaces, roles, sort_at)
     ON CONFLICT (article_id) DO NOTHING`,
    [articleIds, namedEntities.toString(), mentionEntities.toString(), starts.toString(), ends.toString(), surfaces.toString(), roles.toString(), sortTimes],
  );
}
