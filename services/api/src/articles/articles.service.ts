import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleDetailDto, ArticleEntityDto, ArticlePageDto, MentionDto, QuoteDto } from '../common/api.dto';
import { ARTICLE_DETAIL_COLUMNS, ARTICLE_SUMMARY_COLUMNS, tablesOf, toArticleSummary, type ArticleDetailRow, type ArticleSummaryRow } from '../common/article-rows';
import type { EntityRow } from '@wirestream/db';
import { encodeCursor, type ArticleCursor } from '../common/cursor';
import { QUOTE_COLUMNS, toQuote, type QuoteWithSpeakerRow } from '../common/quote-rows';

export interface ArticleFilter {
  q?: string;
  entity?: string;
  source?: string;
  agency?: string;
  /** Inclusive lower bound of the sort time. */
  from?: Date;
  /** Exclusive upper bound of the sort time. */
  before?: Date;
  cursor?: ArticleCursor;
  limit: number;
}

/** Read-only article queries: listings newest first by sort_at (published, else fetched), keyset-paginated. */
@Injectable()
export class ArticlesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: ArticleFilter): Promise<ArticlePageDto> {
    const where: string[] = [];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    // The query's words in every language's configuration, and its CJK character pairs: an article is indexed in its own language.
    if (filter.q) where.push(`a.search_vector @@ wirestream_search_query(${bind(filter.q)})`);
    if (filter.entity) where.push(`EXISTS (SELECT 1 FROM article_mentions m WHERE m.article_id = a.article_id AND m.entity_ids @> ARRAY[${bind(filter.entity)}::bigint])`);
    if (filter.source) where.push(`a.source_id = ${bind(filter.source)}`);
    if (filter.agency) where.push(`lower(a.originating_agency) = lower(${bind(filter.agency)})`);
    if (filter.from) where.push(`a.sort_at >= ${bind(filter.from)}`);
    if (filter.before) where.push(`a.sort_at < ${bind(filter.before)}`);
    if (filter.cursor) where.push(`(a.sort_at, a.article_id) < (${bind(filter.cursor.sortAt)}::timestamptz, ${bind(filter.cursor.articleId)})`);
    const rows: ArticleSummaryRow[] = await this.dataSource.query(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.sort_at DESC, a.article_id DESC
        LIMIT ${bind(filter.limit + 1)}`,
      parameters,
    );
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toArticleSummary),
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ sortAt: last.sort_at_text, articleId: last.article_id }) : null,
    };
  }

  async get(articleId: string): Promise<ArticleDetailDto> {
    const [row] = (await this.dataSource.query(`SELECT ${ARTICLE_SUMMARY_COLUMNS}, ${ARTICLE_DETAIL_COLUMNS} FROM articles a WHERE a.article_id = $1`, [
      articleId,
    ])) as Array<ArticleDetailRow | undefined>;
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no article ${articleId}` });
    const [entities, mentions, quotes] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id, e.key, e.canonical_name, e.type, cardinality(m.start_offsets) AS mention_count
           FROM article_entities m JOIN entities e ON e.id = m.entity_id
          WHERE m.article_id = $1 ORDER BY m.start_offsets[1], e.id`,
        [articleId],
      ) as Promise<Array<Pick<EntityRow, 'id' | 'key' | 'canonical_name' | 'type'> & { mention_count: number }>>,
      this.dataSource.query(
        `SELECT entity_id, start_offset, end_offset, surface, role FROM mentions WHERE article_id = $1 ORDER BY start_offset`,
        [articleId],
      ) as Promise<Array<{ entity_id: string; start_offset: number; end_offset: number; surface: string; role: string | null }>>,
      this.dataSource.query(`SELECT ${QUOTE_COLUMNS} WHERE q.article_id = $1 ORDER BY q.start_offset`, [articleId]) as Promise<QuoteWithSpeakerRow[]>,
    ]);
    return {
      ...toArticleSummary(row),
      subheadline: row.subheadline,
      dateline: row.dateline_place || row.dateline_date_text || row.dateline_agency
        ? { place: row.dateline_place, dateText: row.dateline_date_text, agency: row.dateline_agency }
        : null,
      byline: row.byline_text === null ? null : { text: row.byline_text, names: row.byline_names, emails: row.byline_emails },
      credits: row.credits,
      section: row.section,
      body: row.body,
      captions: row.captions,
      wordCount: row.word_count,
      contentHash: row.content_hash,
      normalizerVersion: row.normalizer_version,
      extractorVersion: row.extractor_version,
      traceId: row.trace_id,
      processingNotes: row.processing_notes,
      tables: tablesOf(row.tables),
      entities: entities.map(
        (entity): ArticleEntityDto => ({ id: String(entity.id), key: entity.key, canonicalName: entity.canonical_name, type: entity.type, mentionCount: entity.mention_count }),
      ),
      mentions: mentions.map(
        (mention): MentionDto => ({ entityId: String(mention.entity_id), start: mention.start_offset, end: mention.end_offset, surface: mention.surface, role: mention.role }),
      ),
      quotes: quotes.map((quote): QuoteDto => toQuote(quote)),
    };
  }
}
