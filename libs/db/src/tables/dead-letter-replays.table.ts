import { column, defineTable, type RowOf } from './define-table';

/** Dead letters already put back on their topic, so a second replay skips them. */
export const DEAD_LETTER_REPLAYS_TABLE = defineTable('dead_letter_replays', {
  dlq_topic: column('text'),
  dlq_partition: column('int4'),
  dlq_offset: column('int8'),
  source_topic: column('text'),
  letter_key: column('text', { nullable: true }),
  replayed_at: column('timestamptz'),
});

export type DeadLetterReplayRow = RowOf<typeof DEAD_LETTER_REPLAYS_TABLE>;
