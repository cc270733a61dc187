import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityRow } from '@wirestream/db';
import { DataSource } from 'typeorm';
import type { CoOccurringEntityDto, EntityDetailDto, EntityDto, EntityListDto } from '../common/api.dto';
import { ARTICLE_SUMMARY_COLUMNS, toArticleSummary, type ArticleSummaryRow } from '../common/article-rows';
import { QUOTE_COLUMNS, toQuote, type QuoteWithSpeakerRow } from '../common/quote-rows';
import { listed, type Viewer } from '../common/visibility';

/** Articles naming the entity that this viewer may see (its name alone must not give an embargoed or killed story away). */
const articlesShownNaming = (entity: string, seesEmbargoed: string) =>
  `SELECT 1 FROM article_mentions m JOIN articles a ON a.article_id = m.article_id WHERE m.entity_ids @> ARRAY[${entity}] AND ${listed('a', seesEmbargoed)}`;

/** Latest articles of an entity shown with it, and over which co-occurring entities are counted. */
const ENTITY_ARTICLES = 20;
const ENTITY_QUOTES = 20;
const CO_OCCURRING = 20;
const CO_OCCURRENCE_WINDOW = 500;

/** An entity with the number of articles naming it. */
type EntityWithCountRow = Pick<EntityRow, 'id' | 'key' | 'canonical_name' | 'type' | 'aliases'> & { article_count: number };

/** Counts are kept by the writer (entity_article_counts): counting a famous entity's articles here took seconds at archive scale. */
const ENTITY_COLUMNS = `e.id, e.key, e.canonical_name, e.type, e.aliases, coalesce(c.articles, 0) AS article_count`;
const ENTITY_WITH_COUNT = `entities e LEFT JOIN entity_article_counts c ON c.entity_id = e.id`;

@Injectable()
export class EntitiesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Entities whose canonical name or an alias contains every word of `text` as a word prefix
   * ("blink" finds Antony Blinken; "tae yul" finds Cho Tae-yul). Exact names first, then the
   * most written about.
   */
  async search(text: string, type: string | undefined, limit: number, viewer: Viewer): Promise<EntityListDto> {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const tsquery = words.map((word) => `${word}:*`).join(' & ');
    // Every match is ranked first (through the names' GIN index and the kept counts: the planner,
    // misjudging prefix matches, would scan every entity), and only then asked, best first, whether
    // the viewer may see an article naming it, one at a time until there are enough (a LATERAL with
    // LIMIT 1: as a semi-join the planner would match every mention of every candidate).
    const rows: EntityWithCountRow[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      return manager.query(
        `SELECT ranked.* FROM (
           SELECT ${ENTITY_COLUMNS},
                  (lower(e.canonical_name) = lower($2) OR EXISTS (SELECT 1 FROM unnest(e.aliases) alias WHERE lower(alias) = lower($2))) AS exact
             FROM ${ENTITY_WITH_COUNT}
            WHERE e.search_names @@ to_tsquery('simple', $1) AND ($3::text IS NULL OR e.type = $3)
            ORDER BY exact DESC, article_count DESC, e.canonical_name, e.id
           OFFSET 0) ranked
          CROSS JOIN LATERAL (${articlesShownNaming('ranked.id', '$5')} LIMIT 1) shown
          ORDER BY ranked.exact DESC, ranked.article_count DESC, ranked.canonical_name, ranked.id
          LIMIT $4`,
        [tsquery, text.trim(), type ?? null, limit, viewer.seesEmbargoed],
      );
    });
    return { items: rows.map(toEntity) };
  }

  async get(id: string, viewer: Viewer): Promise<EntityDetailDto> {
    const [row] = (await this.dataSource.query(`SELECT ${ENTITY_COLUMNS} FROM ${ENTITY_WITH_COUNT} WHERE e.id = $1 AND EXISTS (${articlesShownNaming('e.id', '$2')})`, [
      id,
      viewer.seesEmbargoed,
    ])) as EntityWithCountRow[];
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no entity ${id}` });
    // Both lists start from the entity's latest mention rows, sorted there (article_mentions.sort_at
    // is the article's): the articles rows are read only for those shown.
    const latestNaming = (columns: string, limit: string, seesEmbargoed: string) =>
      `SELECT ${columns} FROM article_mentions m JOIN articles a ON a.article_id = m.article_id
        WHERE m.entity_ids @> ARRAY[$1::bigint] AND ${listed('a', seesEmbargoed)}
        ORDER BY m.sort_at DESC, m.article_id DESC LIMIT ${limit}`;
    const [articles, quotes, coOccurring] = await Promise.all([
      this.dataSource.query(latestNaming(ARTICLE_SUMMARY_COLUMNS, '$2', '$3'), [id, ENTITY_ARTICLES, viewer.seesEmbargoed]) as Promise<ArticleSummaryRow[]>,
      this.dataSource.query(
        `SELECT ${QUOTE_COLUMNS} JOIN articles a ON a.article_id = q.article_id
          WHERE q.speaker_entity_id = $1 AND ${listed('a', '$3')} ORDER BY a.sort_at DESC, q.start_offset LIMIT $2`,
        [id, ENTITY_QUOTES, viewer.seesEmbargoed],
      ) as Promise<QuoteWithSpeakerRow[]>,
      this.dataSource.query(
        `SELECT e.id, e.key, e.canonical_name, e.type, count(*)::int AS shared_articles
           FROM (${latestNaming('m.entity_ids', '$2', '$4')}) recent
           CROSS JOIN LATERAL unnest(recent.entity_ids) AS named(entity_id) JOIN entities e ON e.id = named.entity_id
          WHERE named.entity_id <> $1
          GROUP BY e.id ORDER BY shared_articles DESC, e.canonical_name LIMIT $3`,
        [id, CO_OCCURRENCE_WINDOW, CO_OCCURRING, viewer.seesEmbargoed],
      ) as Promise<Array<{ id: string; key: string; canonical_name: string; type: string; shared_articles: number }>>,
    ]);
    return {
      entity: toEntity(row),
      articles: articles.map(toArticleSummary),
      quotes: quotes.map(toQuote),
      coOccurring: coOccurring.map(
        (other): CoOccurringEntityDto => ({ id: String(other.id), key: other.key, canonicalName: other.canonical_name, type: other.type, sharedArticles: other.shared_articles }),
      ),
    };
  }
}

function toEntity(row: EntityWithCountRow): EntityDto {
  return { id: String(row.id), key: row.key, canonicalName: row.canonical_name, type: row.type, aliases: row.aliases, articleCount: row.article_count };
}
