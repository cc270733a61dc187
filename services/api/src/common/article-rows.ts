import { ArticleTableSchema } from '@wirestream/contracts';
import { ARTICLES_TABLE, selectList, type ArticleRow } from '@wirestream/db';
import { z } from 'zod';
import type { ArticleSummaryDto, ArticleTableDto } from './api.dto';

/** Columns of an article summary; `a` is the articles alias. sort_at as exact ISO-like text for cursors. */
export const ARTICLE_SUMMARY_COLUMNS = `a.article_id, a.headline, left(a.body, 200) AS lede, a.source_id, a.publisher, a.originating_agency,
  a.published_at, a.published_at_source, a.fetched_at, a.language, a.story_id, a.document_uri, a.canonical_url, a.bodyless, a.urgency,
  a.wire_version, a.correction, to_json(a.sort_at) #>> '{}' AS sort_at_text`;

/** An article summary as Postgres returns it: the articles table's columns, the lede and the cursor key. */
export type ArticleSummaryRow = Pick<
  ArticleRow,
  | 'article_id'
  | 'headline'
  | 'source_id'
  | 'publisher'
  | 'originating_agency'
  | 'published_at'
  | 'published_at_source'
  | 'fetched_at'
  | 'language'
  | 'story_id'
  | 'document_uri'
  | 'canonical_url'
  | 'bodyless'
  | 'urgency'
  | 'wire_version'
  | 'correction'
> & { lede: string; sort_at_text: string };

/** The columns an article's detail adds to its summary. */
export const ARTICLE_DETAIL_COLUMNS = selectList(ARTICLES_TABLE, 'a', [
  'subheadline',
  'dateline_place',
  'dateline_date_text',
  'dateline_agency',
  'byline_text',
  'byline_names',
  'byline_emails',
  'credits',
  'section',
  'body',
  'captions',
  'word_count',
  'content_hash',
  'normalizer_version',
  'extractor_version',
  'trace_id',
  'processing_notes',
  'agency_item_id',
  'version_label',
  'pub_status',
  'status_note',
  'embargoed_until',
  'tables',
]);

export type ArticleDetailRow = ArticleSummaryRow &
  Pick<
    ArticleRow,
    | 'subheadline'
    | 'dateline_place'
    | 'dateline_date_text'
    | 'dateline_agency'
    | 'byline_text'
    | 'byline_names'
    | 'byline_emails'
    | 'credits'
    | 'section'
    | 'body'
    | 'captions'
    | 'word_count'
    | 'content_hash'
    | 'normalizer_version'
    | 'extractor_version'
    | 'trace_id'
    | 'processing_notes'
    | 'agency_item_id'
    | 'version_label'
    | 'pub_status'
    | 'status_note'
    | 'embargoed_until'
    | 'tables'
  >;

export function toArticleSummary(row: ArticleSummaryRow): ArticleSummaryDto {
  return {
    articleId: row.article_id,
    headline: row.headline,
    lede: row.lede,
    sourceId: row.source_id,
    publisher: row.publisher,
    originatingAgency: row.originating_agency,
    publishedAt: isoOrNull(row.published_at),
    publishedAtSource: row.published_at_source,
    fetchedAt: new Date(row.fetched_at).toISOString(),
    language: row.language,
    storyId: row.story_id === null ? null : String(row.story_id),
    documentUri: row.document_uri,
    canonicalUrl: row.canonical_url,
    bodyless: row.bodyless,
    urgency: row.urgency,
    version: row.wire_version,
    correction: row.correction,
  };
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The article's tables as the API gives them: storage wrote them from a validated message, so
 * anything else in the column (written by hand) is left out rather than passed on.
 */
export function tablesOf(stored: unknown): ArticleTableDto[] {
  const parsed = z.array(ArticleTableSchema).safeParse(stored ?? []);
  return parsed.success ? parsed.data.map((table) => ({ caption: table.caption ?? null, rows: table.rows })) : [];
}
