import type { WireStatus } from '@wirestream/contracts';
import type { StoryAssignment } from '@wirestream/stories';
import type { EntityManager } from 'typeorm';
import { chunksByParameters, valuesClause } from '../sql/bind-parameters';
import { asTimestamp, type PreparedArticle } from './prepared-article';

/** How stale `sources.last_seen_at` may be, in seconds: written at most this often per source. */
const SOURCE_SEEN_RESOLUTION_SECONDS = 60;

/**
 * Adds the batch's new sources and moves `last_seen_at` forward at most once a minute. Every batch
 * names the busy sources, and an upsert of their rows (`ON CONFLICT DO UPDATE` locks the row even
 * when it changes nothing) held them to the commit: storage instances took turns, batch by batch.
 */
export async function upsertSources(manager: EntityManager, articles: PreparedArticle[]): Promise<void> {
  const sourceIds = [...new Set(articles.map((article) => article.input.message.article.sourceId))].sort();
  await manager.query(`INSERT INTO sources (source_id) SELECT unnest($1::text[]) ON CONFLICT (source_id) DO NOTHING`, [sourceIds]);
  await manager.query(
    // In id order, and skipping a row another instance is moving forward already: two batches
    // never wait for each other here.
    `UPDATE sources SET last_seen_at = now()
      WHERE source_id IN (SELECT source_id FROM sources
                           WHERE source_id = ANY($1::text[]) AND last_seen_at < now() - interval '${SOURCE_SEEN_RESOLUTION_SECONDS} seconds'
                           ORDER BY source_id FOR NO KEY UPDATE SKIP LOCKED)`,
    [sourceIds],
  );
}

export /** The stored rows of the batch's articles: their story, the rank of the pipeline that wrote them, and the row's version. */
async function storedArticles(manager: EntityManager, articles: PreparedArticle[]): Promise<Map<string, StoredArticle>> {
  const rows: Array<{ article_id: string; story_id: string | null; version_rank: number[]; row_version: string }> = await manager.query(
    `SELECT article_id, story_id, version_rank, xmin::text AS row_version FROM articles WHERE article_id = ANY($1::text[])`,
    [articles.map((article) => article.articleId)],
  );
  return new Map(
    rows.map((row) => [row.article_id, { storyId: row.story_id === null ? null : String(row.story_id), versionRank: row.version_rank, rowVersion: row.row_version }]),
  );
}

export interface StoredArticle {
  storyId: string | null;
  versionRank: number[];
  /** The writing transaction's id (`xmin`): another value means the row was written since. */
  rowVersion: string;
}

export /** Inserts the articles, or replaces them; a stored article keeps its story. */
async function upsertArticles(manager: EntityManager, articles: PreparedArticle[], stories: Map<string, StoryAssignment>, previouslyStored: Set<string>): Promise<void> {
  // The headline-only columns and tables go into the statement only when a row needs them: a new
  // article that takes their defaults (nearly all) adds four parameters for nothing. A stored article being
  // replaced always writes them, so a flag it had is reset.
  const flagged = articles.some(({ articleId, input: { message } }) => {
    const { bodyless, urgency, processingNotes, tables } = message.article;
    return bodyless || urgency || (processingNotes?.length ?? 0) > 0 || (tables?.length ?? 0) > 0 || previouslyStored.has(articleId);
  });
  // The wire status likewise: only rows from wire formats carry one.
  const wired = articles.some(({ articleId, input: { message } }) => message.article.wire !== null || previouslyStored.has(articleId));
  const columns = [
    'article_id', 'source_id', 'document_uri', 'canonical_url', 'headline', 'subheadline',
    'dateline_place', 'dateline_date_text', 'dateline_agency', 'byline_text', 'byline_names', 'byline_emails',
    'published_at', 'published_at_source', 'publisher', 'originating_agency', 'credits', 'section', 'language',
    'body', 'captions', 'word_count', 'content_hash', 'normalizer_version', 'extractor_version', 'trace_id', 'fetched_at',
    'version_rank', 'simhash', 'shingle_sketch', 'sketch_keys', 'salient_entities', ...(flagged ? ['bodyless', 'urgency', 'processing_notes', 'tables'] : []),
    ...(wired ? WIRE_COLUMNS : []), 'story_id',
  ];
  const rows = articles.map((prepared) => {
    const { message, traceId } = prepared.input;
    const article = message.article;
    return [
      article.articleId, article.sourceId, article.documentUri, article.canonicalUrl, article.headline, article.subheadline,
      article.dateline?.place ?? null, article.dateline?.dateText ?? null, article.dateline?.agency ?? null,
      article.byline?.text ?? null, article.byline?.names ?? [], article.byline?.emails ?? [],
      asTimestamp(article.publishedAt), article.publishedAtSource, article.publisher, article.originatingAgency, article.credits,
      article.section, article.language, article.body, article.captions, article.wordCount, article.contentHash,
      article.normalizerVersion, message.extractorVersion, traceId, article.fetchedAt,
      prepared.versionRank, prepared.simhash?.toString() ?? null, prepared.sketch, prepared.sketchKeys, prepared.salientEntities,
      // JSON text: node-postgres would send a JS array as a Postgres array.
      ...(flagged ? [article.bodyless ?? false, article.urgency ?? null, article.processingNotes ?? [], article.tables?.length ? JSON.stringify(article.tables) : null] : []),
      ...(wired ? wireValues(article.wire) : []),
      stories.get(prepared.articleId)!.storyId,
    ];
  });
  const updates = columns
    .filter((column) => column !== 'article_id' && column !== 'story_id')
    .map((column) => `${column} = EXCLUDED.${column}`);
  for (const chunk of chunksByParameters(rows, columns.length)) {
    const { placeholders, parameters } = valuesClause(chunk);
    // An older pipeline's result never overwrites a newer one; the same version replaces (re-processing).
    await manager.query(
      `INSERT INTO articles (${columns.join(', ')}) VALUES ${placeholders}
       ON CONFLICT (article_id) DO UPDATE SET ${updates.join(', ')}, story_id = COALESCE(articles.story_id, EXCLUDED.story_id), updated_at = now()
         WHERE articles.version_rank <= EXCLUDED.version_rank`,
      parameters,
    );
  }
}

const WIRE_COLUMNS = ['agency_item_id', 'wire_version', 'version_label', 'pub_status', 'status_note', 'embargoed_until', 'correction'];

function wireValues(wire: WireStatus | null): unknown[] {
  return [
    wire?.agencyItemId ?? null,
    wire?.version ?? null,
    wire?.versionLabel ?? null,
    wire?.pubStatus ?? 'usable',
    wire?.statusNote ?? null,
    wire?.embargoedUntil ?? null,
    wire?.correction ?? false,
  ];
}
