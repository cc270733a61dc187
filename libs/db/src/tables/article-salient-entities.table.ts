import { column, defineTable, type RowOf } from './define-table';

/** Which recent articles are about an entity: where the story rule looks for other accounts of an event. */
export const ARTICLE_SALIENT_ENTITIES_TABLE = defineTable('article_salient_entities', {
  entity_key: column('text'),
  published_at: column('timestamptz'),
  article_id: column('varchar'),
});

export type ArticleSalientEntityRow = RowOf<typeof ARTICLE_SALIENT_ENTITIES_TABLE>;
