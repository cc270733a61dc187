import type { z } from 'zod';
import { EnrichedArticleV1Schema, type EnrichedArticleV1, type EnrichedArticleV2 } from './schemas';
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
  [TOPICS.enriched]: { 1: { schema: EnrichedArticleV1Schema, upgrade: enrichedV1AsV2 } },
};

/** A version 1 enriched message without a signature has none: storage does not compute one. */
export function enrichedV1AsV2(message: EnrichedArticleV1): EnrichedArticleV2 {
  return enrichedArticleOf(message);
}

/**
 * An enriched message of the current version from its parts. An article the normalizer sent
 * without a signature (a headline-only article, or a normalizer that predates signatures) says
 * so with null: nothing downstream computes one.
 */
export function enrichedArticleOf(parts: Omit<EnrichedArticleV1, 'schemaVersion'>): EnrichedArticleV2 {
  return { ...parts, schemaVersion: 2, article: { ...parts.article, nearDuplicate: parts.article.nearDuplicate ?? null } };
}
