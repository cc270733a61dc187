import type { EntityManager } from 'typeorm';
import { asTimestamp, type PreparedArticle } from './prepared-article';

/**
 * Records the batch's kill and withdrawal notices by the agency id they name (the notices
 * themselves are stored as articles, never shown). Idempotent: a redelivered notice changes
 * nothing. A kill outranks a withdrawal, and is kept as it first came (reason and time); of two
 * withdrawals, the later version's holds (a null version holds every version).
 */
export async function recordKills(manager: EntityManager, articles: PreparedArticle[]): Promise<void> {
  const kills = articles.flatMap(({ input: { message } }) => {
    const { article } = message;
    const wire = article.wire;
    if (!wire || wire.pubStatus === 'usable' || !wire.agencyItemId) return [];
    return [{ sourceId: article.sourceId, agencyItemId: wire.agencyItemId, status: wire.pubStatus, version: wire.version, reason: wire.statusNote, killedAt: asTimestamp(article.publishedAt) ?? article.fetchedAt, articleId: article.articleId }];
  });
  // One order for every instance, so two batches recording kills never deadlock.
  kills.sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.agencyItemId.localeCompare(b.agencyItemId) || a.articleId.localeCompare(b.articleId));
  // A stored kill stays as it is; a withdrawal is made a kill by one, or widened by another.
  const upgraded = (column: string) => `CASE WHEN EXCLUDED.pub_status = 'canceled' THEN EXCLUDED.${column} ELSE wire_kills.${column} END`;
  for (const kill of kills) {
    await manager.query(
      `INSERT INTO wire_kills (source_id, agency_item_id, pub_status, kill_version, reason, killed_at, kill_article_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (source_id, agency_item_id) DO UPDATE SET
         pub_status = EXCLUDED.pub_status,
         kill_version = CASE WHEN EXCLUDED.pub_status = 'canceled' THEN EXCLUDED.kill_version
                             WHEN wire_kills.kill_version IS NULL OR EXCLUDED.kill_version IS NULL THEN NULL
                             ELSE greatest(wire_kills.kill_version, EXCLUDED.kill_version) END,
         reason = ${upgraded('reason')}, killed_at = ${upgraded('killed_at')}, kill_article_id = ${upgraded('kill_article_id')}
         WHERE wire_kills.pub_status = 'withheld'`,
      [kill.sourceId, kill.agencyItemId, kill.status, kill.version, kill.reason, kill.killedAt, kill.articleId],
    );
  }
}
