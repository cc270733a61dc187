import { column, defineTable, type RowOf } from './define-table';

/**
 * Where one article's body names entities: the entities named (GIN-indexed, for "articles naming
 * X") and every mention in text order as parallel arrays. One row per article, not per mention,
 * which is most of what storing a story costs Postgres; a trigger deletes it with its article.
 */
export const ARTICLE_MENTIONS_TABLE = defineTable('article_mentions', {
  article_id: column('varchar'),
  /** The distinct entities named, ascending. */
  entity_ids: column('_int8'),
  /** Each mention's entity, in text order (start, then end offset). */
  mention_entity_ids: column('_int8'),
  start_offsets: column('_int4'),
  end_offsets: column('_int4'),
  surfaces: column('_text'),
  /** The extractor's role of each mention (NULL where it gave none). */
  roles: column('_text', { nullElements: true }),
  /** The article's sort_at (published, else fetched), so its entities' latest articles are found from these rows. */
  sort_at: column('timestamptz'),
});

/** One row per mention: `article_mentions` unnested. */
export const MENTIONS_VIEW = defineTable(
  'mentions',
  {
    article_id: column('varchar', { nullable: true }),
    entity_id: column('int8', { nullable: true }),
    start_offset: column('int4', { nullable: true }),
    end_offset: column('int4', { nullable: true }),
    surface: column('text', { nullable: true }),
    role: column('text', { nullable: true }),
  },
  'view',
);

/** One row per article and entity named, its mentions' offsets, surfaces and roles as arrays. */
export const ARTICLE_ENTITIES_VIEW = defineTable(
  'article_entities',
  {
    article_id: column('varchar', { nullable: true }),
    entity_id: column('int8', { nullable: true }),
    start_offsets: column('_int4', { nullable: true }),
    end_offsets: column('_int4', { nullable: true }),
    surfaces: column('_text', { nullable: true }),
    roles: column('_text', { nullable: true, nullElements: true }),
  },
  'view',
);

export type ArticleMentionsRow = RowOf<typeof ARTICLE_MENTIONS_TABLE>;
export type MentionRow = RowOf<typeof MENTIONS_VIEW>;
export type ArticleEntityRow = RowOf<typeof ARTICLE_ENTITIES_VIEW>;
