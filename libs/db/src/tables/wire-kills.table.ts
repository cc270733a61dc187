import { column, defineTable, type RowOf } from './define-table';

/**
 * Kills and withdrawals, by the agency id of the item they name, recorded whether or not the item
 * has arrived: an article of that item is hidden while a row names it (a withdrawal only up to the
 * version it names; a later usable version lifts it).
 */
export const WIRE_KILLS_TABLE = defineTable('wire_kills', {
  source_id: column('text'),
  agency_item_id: column('text'),
  /** 'canceled' (a kill: every version, for good) or 'withheld' (versions up to kill_version). */
  pub_status: column('text'),
  /** The version the notice carried; null hides every version. */
  kill_version: column('int4', { nullable: true }),
  reason: column('text', { nullable: true }),
  /** When the agency sent the notice (else when it was fetched). */
  killed_at: column('timestamptz'),
  /** The notice itself, stored as an article that is never shown but to keys permitted to see kills. */
  kill_article_id: column('varchar'),
  recorded_at: column('timestamptz'),
});

export type WireKillRow = RowOf<typeof WIRE_KILLS_TABLE>;
