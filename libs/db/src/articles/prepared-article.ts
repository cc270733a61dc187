import type { EnrichedArticleV3 } from '@wirestream/contracts';
import { salientEntities, storedSignature, storedSketchKeys, type BatchArticle, type SketchSubject } from '@wirestream/stories';
import { versionRank } from '../pipeline-version';

export interface StoredArticleInput {
  message: EnrichedArticleV3;
  /** The story's trace id, kept so an operator can open its trace from the row. */
  traceId: string | null;
}

/** An input with what the store derives from it: signatures, salient entities, version rank. */
export interface PreparedArticle extends BatchArticle, SketchSubject {
  input: StoredArticleInput;
  versionRank: number[];
  fetchedAt: Date;
  /** The sketch's hashes tagged with their periods, as the sketch index keeps them (see storedSketchKeys). */
  sketchKeys: number[];
}

/**
 * The input with every NUL in its text replaced by U+FFFD: Postgres refuses NUL in text, and the
 * normalizer removes it, but a message from an older normalizer may still carry one. Replaced, not
 * removed, so mention and quote offsets into the body still hold.
 */
export function withoutNul(input: StoredArticleInput): StoredArticleInput {
  return holdsNul(input.message) ? { ...input, message: replaceNul(input.message) as StoredArticleInput['message'] } : input;
}

/** One walk with no allocation: nearly every message has no NUL, and this runs on every one. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\ufffd');
  if (Array.isArray(value)) return value.map(replaceNul);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, replaceNul(field)]));
  return value;
}

export function prepare(input: StoredArticleInput): PreparedArticle {
  const { article, entities, extractorVersion } = input.message;
  // The normalizer's signature; without one (a headline-only article, or a message from a
  // normalizer that predates signatures) the article joins a story by its entities only.
  const signature = storedSignature(article.nearDuplicate);
  const publishedAt = asTimestamp(article.publishedAt);
  const dates = { publishedAt: publishedAt ? new Date(publishedAt) : null, fetchedAt: new Date(article.fetchedAt) };
  const sketch = signature?.sketch ?? [];
  return {
    articleId: input.message.articleId,
    input,
    publishedAt: dates.publishedAt,
    fetchedAt: dates.fetchedAt,
    simhash: signature?.simhash ?? null,
    sketch,
    sketchKeys: storedSketchKeys(sketch, dates),
    salientEntities: salientEntities(entities),
    versionRank: versionRank(article.normalizerVersion, extractorVersion),
  };
}

/** A date-only publishedAt means that calendar day in UTC, whatever the session's time zone. */
export function asTimestamp(publishedAt: string | null): string | null {
  return publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? `${publishedAt}T00:00:00Z` : publishedAt;
}