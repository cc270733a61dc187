import type { z } from 'zod';
import { EnrichedArticleV1Schema, EnrichedArticleV2Schema, type EnrichedArticleV1, type EnrichedArticleV2, type EnrichedArticleV3 } from './schemas';
import { TOPICS, type Topic } from './topics';

/** An older schema version a topic still carries, and how a message of it reads as the current one. */
export interface OlderSchemaVersion {
  schema: z.ZodType;
  upgrade(message: never): unknown;
}

/**
 * Older schema versions each topic may still hold (written before its producers moved on, or
 * replayed from a dead letter), by `schemaVersion`. Consumers read them as the topic's current
 * version; producers write only the current one.
 */
export const OLDER_SCHEMA_VERSIONS: Partial<Record<Topic, Record<number, OlderSchemaVersion>>> = {
  [TOPICS.enriched]: {
    1: { schema: EnrichedArticleV1Schema, upgrade: enrichedAsCurrent },
    2: { schema: EnrichedArticleV2Schema, upgrade: enrichedAsCurrent },
  },
};

/**
 * A version 1 or 2 enriched message as version 3: without a signature it has none (storage does
 * not compute one); without a wire status, none was stated.
 */
export function enrichedAsCurrent(message: EnrichedArticleV1 | EnrichedArticleV2): EnrichedArticleV3 {
  const { schemaVersion: _version, ...parts } = message;
  return enrichedArticleOf(parts);
}

/**
 * An enriched message of the current version from its parts. An article the normalizer sent
 * without a signature (a headline-only article, or a normalizer that predates signatures) says
 * so with null: nothing downstream computes one; so does one without a wire status.
 */
export function enrichedArticleOf(parts: Omit<EnrichedArticleV1 | EnrichedArticleV2 | EnrichedArticleV3, 'schemaVersion'>): EnrichedArticleV3 {
  return { ...parts, schemaVersion: 3, article: { ...parts.article, nearDuplicate: parts.article.nearDuplicate ?? null, wire: parts.article.wire ?? null } };
}
