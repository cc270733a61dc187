import { column, defineTable, type RowOf } from './define-table';

/** A canonical person, organisation or place, shared by every article that names it. */
export const ENTITIES_TABLE = defineTable('entities', {
  id: column('int8'),
  /** `<TYPE>:<canonical name, lowercased>`: the identity the extractor assigns (unique). */
  key: column('text'),
  canonical_name: column('text'),
  type: column('text'),
  aliases: column('_text'),
  created_at: column('timestamptz'),
  /** Words of the canonical name and aliases ('simple' configuration), for entity search. */
  search_names: column('tsvector', { nullable: true, generated: true }),
});

export type EntityRow = RowOf<typeof ENTITIES_TABLE>;

/** Each entity's number of articles naming it, kept by the writer (see EntityArticleCounts). */
export const ENTITY_ARTICLE_COUNTS_TABLE = defineTable('entity_article_counts', {
  entity_id: column('int8'),
  articles: column('int4'),
});

export type EntityArticleCountRow = RowOf<typeof ENTITY_ARTICLE_COUNTS_TABLE>;
