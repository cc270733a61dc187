/**
 * SQL conditions on an articles row `a`, decided when the query runs (`now()` is the read's
 * transaction time), so an embargo lifts without a restart or a write. `seesEmbargoed` is a bound
 * boolean parameter (`$n`). See docs/adr/0014-wire-versions-and-kills.md. The query API applies
 * them on every route; bench:wire-visibility measures what they cost.
 */

/** Its embargo has passed, or the viewer may see embargoed copy. */
export function released(a: string, seesEmbargoed: string): string {
  return `(${a}.embargoed_until IS NULL OR ${a}.embargoed_until <= now() OR ${seesEmbargoed}::boolean)`;
}

/** No kill names its agency item; no withdrawal names its version or a later one. */
export function notKilled(a: string): string {
  return `(${a}.agency_item_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM wire_kills k WHERE k.source_id = ${a}.source_id AND k.agency_item_id = ${a}.agency_item_id
       AND (k.pub_status = 'canceled' OR k.kill_version IS NULL OR ${a}.wire_version IS NULL OR ${a}.wire_version <= k.kill_version)))`;
}

/** No later usable version of its agency item that the viewer may see: it is the item's current text. */
export function current(a: string, seesEmbargoed: string): string {
  return `(${a}.agency_item_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM articles n WHERE n.source_id = ${a}.source_id AND n.agency_item_id = ${a}.agency_item_id
       AND n.wire_version > ${a}.wire_version AND n.pub_status = 'usable' AND ${released('n', seesEmbargoed)}))`;
}

/** Readable: usable (not a kill or withdrawal notice), released, and not killed; or any of those to one who sees killed copy. */
export function readable(a: string, seesEmbargoed: string, seesKilled: boolean): string {
  return seesKilled ? released(a, seesEmbargoed) : `(${a}.pub_status = 'usable' AND ${released(a, seesEmbargoed)} AND ${notKilled(a)})`;
}

/** Listed: readable, usable and not killed whoever asks, and the current version of its item. */
export function listed(a: string, seesEmbargoed: string): string {
  return `(${a}.pub_status = 'usable' AND ${released(a, seesEmbargoed)} AND ${notKilled(a)} AND ${current(a, seesEmbargoed)})`;
}
