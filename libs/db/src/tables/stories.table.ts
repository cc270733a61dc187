import { column, defineTable, type RowOf } from './define-table';

/** One event as the wires told it: syndicated copies of one text and other agencies' accounts. */
export const STORIES_TABLE = defineTable('stories', {
  id: column('int8'),
  /** The article that started the story (unique); its headline names the story. */
  first_article_id: column('varchar'),
  headline: column('text', { nullable: true }),
  article_count: column('int4'),
  first_published_at: column('timestamptz', { nullable: true }),
  last_published_at: column('timestamptz', { nullable: true }),
  created_at: column('timestamptz'),
  updated_at: column('timestamptz'),
});

export type StoryRow = RowOf<typeof STORIES_TABLE>;
