import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../security/api-key.guard';

/**
 * Who is asking, as far as wire copy goes: whether their API key may see embargoed copy, and
 * killed copy. Nothing is permitted without a key saying so (nor with API_AUTH=off).
 */
export interface Viewer {
  seesEmbargoed: boolean;
  seesKilled: boolean;
}

export const PUBLIC_VIEWER: Viewer = { seesEmbargoed: false, seesKilled: false };

export function viewerOf(request: AuthenticatedRequest): Viewer {
  const permissions = request.apiKey?.permissions ?? [];
  return { seesEmbargoed: permissions.includes('embargoed'), seesKilled: permissions.includes('killed') };
}

/** The request's Viewer, as a handler parameter. */
export const RequestViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => viewerOf(context.switchToHttp().getRequest<AuthenticatedRequest>()));

/**
 * SQL conditions on an articles row `a`, decided when the query runs (`now()` is the read's
 * transaction time), so an embargo lifts without a restart or a write. `seesEmbargoed` is a bound
 * boolean parameter (`$n`). See docs/adr/0014-wire-versions-and-kills.md.
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

/** Readable by this viewer: usable (not a kill or withdrawal notice), released, and not killed; or any of those to a key that sees killed copy. */
export function readable(a: string, seesEmbargoed: string, viewer: Viewer): string {
  return viewer.seesKilled ? released(a, seesEmbargoed) : `(${a}.pub_status = 'usable' AND ${released(a, seesEmbargoed)} AND ${notKilled(a)})`;
}

/** Listed: readable, usable and not killed whoever asks, and the current version of its item. */
export function listed(a: string, seesEmbargoed: string): string {
  return `(${a}.pub_status = 'usable' AND ${released(a, seesEmbargoed)} AND ${notKilled(a)} AND ${current(a, seesEmbargoed)})`;
}
