import type { EnrichedArticleV1 } from '@wirestream/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredArticleInput {
  message: EnrichedArticleV1;
  /** The story's trace id, kept so an operator can open its trace from the row. */
  traceId: string | null;
}

/** Largest number of bind parameters one statement may carry in Postgres (int16 counter). */
const MAX_BIND_PARAMETERS = 65_535;

/**
 * Idempotent writes of enriched articles, a batch per transaction: re-delivering a batch leaves
 * the database as it was. An article is upserted by id and its mentions replaced; entities are
 * upserted by key, so one person mentioned by many articles is one row.
 */
export class ArticleStore {
  constructor(private readonly dataSource: DataSource) {}

  async saveBatch(inputs: StoredArticleInput[]): Promise<void> {
    if (inputs.length === 0) return;
    // The last copy of an article in a batch wins, as it would if they came one by one.
    const latestById = new Map(inputs.map((input) => [input.message.articleId, input]));
    // A stable lock order keeps two storage instances from deadlocking on shared entity rows.
    const articles = [...latestById.values()].sort((a, b) => a.message.articleId.localeCompare(b.message.articleId));
    await this.dataSource.transaction(async (manager) => {
      await upsertArticles(manager, articles);
      const entityIds = await upsertEntities(manager, articles.map((input) => input.message));
      await replaceMentions(manager, articles.map((input) => input.message), entityIds);
    });
  }
}

async function upsertArticles(manager: EntityManager, inputs: StoredArticleInput[]): Promise<void> {
  const columns = [
    'article_id', 'source_id', 'document_uri', 'canonical_url', 'headline', 'subheadline',
    'dateline_place', 'dateline_date_text', 'dateline_agency', 'byline_text', 'byline_names', 'byline_emails',
    'published_at', 'published_at_source', 'publisher', 'originating_agency', 'credits', 'section', 'language',
    'body', 'captions', 'word_count', 'content_hash', 'normalizer_version', 'extractor_version', 'trace_id', 'fetched_at',
  ];
  const rows = inputs.map(({ message, traceId }) => {
    const article = message.article;
    return [
      article.articleId, article.sourceId, article.documentUri, article.canonicalUrl, article.headline, article.subheadline,
      article.dateline?.place ?? null, article.dateline?.dateText ?? null, article.dateline?.agency ?? null,
      article.byline?.text ?? null, article.byline?.names ?? [], article.byline?.emails ?? [],
      asTimestamp(article.publishedAt), article.publishedAtSource, article.publisher, article.originatingAgency, article.credits,
      article.section, article.language, article.body, article.captions, article.wordCount, article.contentHash,
      article.normalizerVersion, message.extractorVersion, traceId, article.fetchedAt,
    ];
  });
  const updates = columns.filter((column) => column !== 'article_id').map((column) => `${column} = EXCLUDED.${column}`);
  for (const chunk of chunksByParameters(rows, columns.length)) {
    const { placeholders, parameters } = valuesClause(chunk);
    await manager.query(
      `INSERT INTO articles (${columns.join(', ')}) VALUES ${placeholders}
       ON CONFLICT (article_id) DO UPDATE SET ${updates.join(', ')}, updated_at = now()`,
      parameters,
    );
  }
}

async function upsertEntities(manager: EntityManager, messages: EnrichedArticleV1[]): Promise<Map<string, string>> {
  const byKey = new Map<string, { name: string; type: string; aliases: Set<string> }>();
  for (const entity of messages.flatMap((message) => message.entities)) {
    const known = byKey.get(entity.key) ?? { name: entity.canonicalName, type: entity.type, aliases: new Set<string>() };
    entity.aliases.forEach((alias) => known.aliases.add(alias));
    byKey.set(entity.key, known);
  }
  const ids = new Map<string, string>();
  const rows = [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, entity]) => [key, entity.name, entity.type, [...entity.aliases].sort()]);
  for (const chunk of chunksByParameters(rows, 4)) {
    const { placeholders, parameters } = valuesClause(chunk);
    const returned: Array<{ id: string; key: string }> = await manager.query(
      `INSERT INTO entities (key, canonical_name, type, aliases) VALUES ${placeholders}
       ON CONFLICT (key) DO UPDATE
         SET aliases = ARRAY(SELECT DISTINCT alias FROM unnest(entities.aliases || EXCLUDED.aliases) AS alias ORDER BY alias)
       RETURNING id, key`,
      parameters,
    );
    returned.forEach((row) => ids.set(row.key, String(row.id)));
  }
  return ids;
}

async function replaceMentions(manager: EntityManager, messages: EnrichedArticleV1[], entityIds: Map<string, string>): Promise<void> {
  await manager.query(`DELETE FROM mentions WHERE article_id = ANY($1)`, [messages.map((message) => message.articleId)]);
  const rows = messages.flatMap((message) =>
    message.entities.flatMap((entity) =>
      entity.mentions.map((mention) => [message.articleId, entityIds.get(entity.key), mention.start, mention.end, mention.text, mention.role]),
    ),
  );
  for (const chunk of chunksByParameters(rows, 6)) {
    const { placeholders, parameters } = valuesClause(chunk);
    await manager.query(
      `INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, surface, role) VALUES ${placeholders}
       ON CONFLICT (article_id, start_offset, end_offset) DO NOTHING`,
      parameters,
    );
  }
}

function* chunksByParameters<T>(rows: T[][], columnCount: number): Generator<T[][]> {
  const rowsPerStatement = Math.floor(MAX_BIND_PARAMETERS / columnCount);
  for (let start = 0; start < rows.length; start += rowsPerStatement) yield rows.slice(start, start + rowsPerStatement);
}

function valuesClause(rows: unknown[][]): { placeholders: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const placeholders = rows
    .map((row) => `(${row.map((value) => `$${parameters.push(value)}`).join(', ')})`)
    .join(', ');
  return { placeholders, parameters };
}

/** A date-only publishedAt means that calendar day in UTC, whatever the session's time zone. */
function asTimestamp(publishedAt: string | null): string | null {
  return publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? `${publishedAt}T00:00:00Z` : publishedAt;
}
