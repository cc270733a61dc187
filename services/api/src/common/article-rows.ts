import type { ArticleSummaryDto } from './api.dto';

/** Columns of an article summary; `a` is the articles alias. sort_at as exact ISO-like text for cursors. */
export const ARTICLE_SUMMARY_COLUMNS = `a.article_id, a.headline, left(a.body, 200) AS lede, a.source_id, a.publisher, a.originating_agency,
  a.published_at, a.published_at_source, a.fetched_at, a.language, a.story_id, a.document_uri, a.canonical_url, a.bodyless, a.urgency,
  to_json(a.sort_at) #>> '{}' AS sort_at_text`;

export interface ArticleSummaryRow {
  article_id: string;
  headline: string | null;
  lede: string;
  source_id: string;
  publisher: string | null;
  originating_agency: string | null;
  published_at: Date | null;
  published_at_source: string | null;
  fetched_at: Date;
  language: string | null;
  story_id: string | null;
  document_uri: string;
  canonical_url: string | null;
  bodyless: boolean;
  urgency: number | null;
  sort_at_text: string;
}

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
  };
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
