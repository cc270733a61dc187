import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ArticleDetailDto, ArticleEntityDto, ArticlePageDto, ArticleVersionsDto, MentionDto, QuoteDto } from '../common/api.dto';
import { ARTICLE_DETAIL_COLUMNS, ARTICLE_SUMMARY_COLUMNS, isoOrNull, tablesOf, toArticleSummary, type ArticleDetailRow, type ArticleSummaryRow } from '../common/article-rows';
import type { EntityRow } from '@wirestream/db';
import { encodeCursor, type ArticleCursor } from '../common/cursor';
import { QUOTE_COLUMNS, toQuote, type QuoteWithSpeakerRow } from '../common/quote-rows';
import { current, listed, readable, type Viewer } from '../common/visibility';
import type { KillDto, WireDto } from '../common/wire.dto';

export interface ArticleFilter {
  q?: string;
  entity?: string;
  source?: string;
  agency?: string;
  /** Inclusive lower bound of the sort time. */
  from?: Date;
  /** Exclusive upper bound of the sort time. */
  before?: Date;
  /** Urgency range, inclusive: articles without a stated urgency are left out when set. */
  urgency?: { min: number; max: number };
  cursor?: ArticleCursor;
  limit: number;
}

/** Read-only article queries: listings newest first by sort_at (published, else fetched), keyset-paginated. */
@Injectable()
export class ArticlesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: ArticleFilter, viewer: Viewer): Promise<ArticlePageDto> {
    const parameters: unknown[] = [];
    const bind = (value: unknown) => `$${parameters.push(value)}`;
    // Current versions of usable, released, unkilled items only: see common/visibility.ts.
    const where: string[] = [listed('a', bind(viewer.seesEmbargoed))];
    // An entity's articles are sorted on their mention rows (article_mentions.sort_at is the
    // article's), so only the articles listed are read: sorting on the articles read every one
    // naming the entity. `o` is the row the order comes from.
    const o = filter.entity ? 'm' : 'a';
    // The query's words in every language's configuration, and its CJK character pairs: an article is indexed in its own language.
    if (filter.q) where.push(`a.search_vector @@ wirestream_search_query(${bind(filter.q)})`);
    if (filter.entity) where.push(`m.entity_ids @> ARRAY[${bind(filter.entity)}::bigint]`);
    if (filter.source) where.push(`a.source_id = ${bind(filter.source)}`);
    if (filter.agency) where.push(`lower(a.originating_agency) = lower(${bind(filter.agency)})`);
    if (filter.from) where.push(`${o}.sort_at >= ${bind(filter.from)}`);
    if (filter.before) where.push(`${o}.sort_at < ${bind(filter.before)}`);
    if (filter.urgency) where.push(`a.urgency BETWEEN ${bind(filter.urgency.min)} AND ${bind(filter.urgency.max)}`);
    if (filter.cursor) where.push(`(${o}.sort_at, ${o}.article_id) < (${bind(filter.cursor.sortAt)}::timestamptz, ${bind(filter.cursor.articleId)})`);
    const rows: ArticleSummaryRow[] = await this.dataSource.query(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM ${filter.entity ? 'article_mentions m JOIN articles a ON a.article_id = m.article_id' : 'articles a'}
        WHERE ${where.join(' AND ')}
        ORDER BY ${o}.sort_at DESC, ${o}.article_id DESC
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

  /** The article as this viewer may see it; unknown, embargoed and killed articles alike are 404 to one who may not. */
  private async readableRow(articleId: string, viewer: Viewer): Promise<ArticleDetailRow & { is_current: boolean }> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, ${ARTICLE_DETAIL_COLUMNS}, ${current('a', '$2')} AS is_current
         FROM articles a WHERE a.article_id = $1 AND ${readable('a', '$2', viewer)}`,
      [articleId, viewer.seesEmbargoed],
    )) as Array<(ArticleDetailRow & { is_current: boolean }) | undefined>;
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no article ${articleId}` });
    return row;
  }

  /** The version of an item that lists show to this viewer, if any may be shown. */
  private async currentVersion(sourceId: string, agencyItemId: string, viewer: Viewer): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT a.article_id FROM articles a WHERE a.source_id = $1 AND a.agency_item_id = $2 AND ${listed('a', '$3')}
        ORDER BY a.wire_version DESC NULLS LAST, a.article_id LIMIT 1`,
      [sourceId, agencyItemId, viewer.seesEmbargoed],
    )) as Array<{ article_id: string } | undefined>;
    return row?.article_id ?? null;
  }

  private async killOf(sourceId: string, agencyItemId: string): Promise<KillDto | null> {
    const [kill] = (await this.dataSource.query(`SELECT pub_status, reason, killed_at, kill_article_id FROM wire_kills WHERE source_id = $1 AND agency_item_id = $2`, [
      sourceId,
      agencyItemId,
    ])) as Array<{ pub_status: string; reason: string | null; killed_at: Date; kill_article_id: string } | undefined>;
    return kill ? { status: kill.pub_status, reason: kill.reason, killedAt: new Date(kill.killed_at).toISOString(), noticeArticleId: kill.kill_article_id } : null;
  }

  private async wireOf(row: ArticleDetailRow & { is_current: boolean }, viewer: Viewer): Promise<WireDto | null> {
    if (row.agency_item_id === null) return null;
    const isCurrent = row.is_current && row.pub_status === 'usable';
    return {
      agencyItemId: row.agency_item_id,
      version: row.wire_version,
      versionLabel: row.version_label,
      pubStatus: row.pub_status,
      statusNote: row.status_note,
      embargoedUntil: isoOrNull(row.embargoed_until),
      correction: row.correction,
      current: isCurrent,
      currentArticleId: isCurrent ? row.article_id : await this.currentVersion(row.source_id, row.agency_item_id, viewer),
      kill: viewer.seesKilled ? await this.killOf(row.source_id, row.agency_item_id) : null,
    };
  }

  /** Every version of the article's agency item this viewer may see, oldest first (the article alone when it has no agency id). */
  async versions(articleId: string, viewer: Viewer): Promise<ArticleVersionsDto> {
    const row = await this.readableRow(articleId, viewer);
    const rows = (
      row.agency_item_id === null
        ? [row]
        : await this.dataSource.query(
            `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.version_label, a.pub_status, a.embargoed_until, ${current('a', '$3')} AS is_current
               FROM articles a WHERE a.source_id = $1 AND a.agency_item_id = $2 AND ${readable('a', '$3', viewer)}
              ORDER BY a.wire_version NULLS FIRST, a.fetched_at, a.article_id`,
            [row.source_id, row.agency_item_id, viewer.seesEmbargoed],
          )
    ) as Array<ArticleSummaryRow & Pick<ArticleDetailRow, 'version_label' | 'pub_status' | 'embargoed_until'> & { is_current: boolean }>;
    const currentArticleId = row.agency_item_id === null ? row.article_id : await this.currentVersion(row.source_id, row.agency_item_id, viewer);
    return {
      agencyItemId: row.agency_item_id,
      currentArticleId,
      items: rows.map((version) => ({
        ...toArticleSummary(version),
        versionLabel: version.version_label,
        pubStatus: version.pub_status,
        embargoedUntil: isoOrNull(version.embargoed_until),
        current: version.article_id === currentArticleId,
      })),
    };
  }

  async get(articleId: string, viewer: Viewer): Promise<ArticleDetailDto> {
    const row = await this.readableRow(articleId, viewer);
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
      wire: await this.wireOf(row, viewer),
    };
  }
}
