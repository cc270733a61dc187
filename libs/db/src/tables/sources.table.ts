import { column, defineTable, type RowOf } from './define-table';

/** Where articles come from: a feed, document URL or drop directory, by the id the fetcher assigns. */
export const SOURCES_TABLE = defineTable('sources', {
  source_id: column('text'),
  first_seen_at: column('timestamptz'),
  last_seen_at: column('timestamptz'),
});

export type SourceRow = RowOf<typeof SOURCES_TABLE>;
