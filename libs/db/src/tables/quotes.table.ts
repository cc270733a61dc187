import { column, defineTable, type RowOf } from './define-table';

/** Words an article attributes to a speaker, with their place in the normalized body. */
export const QUOTES_TABLE = defineTable('quotes', {
  id: column('int8'),
  article_id: column('varchar'),
  /** The speaker when the extractor resolved them to an entity. */
  speaker_entity_id: column('int8', { nullable: true }),
  /** The speaker as the copy names them ("a ministry spokesman"). */
  speaker_text: column('text', { nullable: true }),
  text: column('text'),
  start_offset: column('int4'),
  end_offset: column('int4'),
});

export type QuoteRow = RowOf<typeof QUOTES_TABLE>;
