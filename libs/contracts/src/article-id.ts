import { createHash } from 'node:crypto';

/**
 * The key of every message about one article: stable across re-fetches, so all of an article's
 * messages land on one partition, keep their order, and upsert one row.
 *
 * Feed items are identified by guid, else link; file drops by their content hash (a renamed or
 * re-dropped file with the same bytes is the same article).
 */
export interface ArticleIdentity {
  sourceId: string;
  guid?: string | null;
  url?: string | null;
  contentHash?: string | null;
}

export const ARTICLE_ID_PATTERN = /^[0-9a-f]{32}$/;

export function articleIdFor(identity: ArticleIdentity): string {
  const itemKey = firstPresent(identity.guid, identity.url, identity.contentHash);
  if (!identity.sourceId.trim()) throw new Error('articleIdFor: sourceId is empty');
  if (!itemKey) throw new Error(`articleIdFor: source ${identity.sourceId} item has no guid, url or content hash`);
  return createHash('sha256').update(`${identity.sourceId.trim()}\n${itemKey}`).digest('hex').slice(0, 32);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function firstPresent(...values: Array<string | null | undefined>): string | undefined {
  return values.map((value) => value?.trim()).find((value): value is string => !!value);
}
