import type { z } from 'zod';
import { compileValidator, type CompiledValidator } from './compiled-validators';
import { InvalidMessageError } from './errors';
import {
  DeadLetterV1Schema,
  EnrichedArticleV1Schema,
  NormalizedArticleV1Schema,
  RawDocumentV1Schema,
} from './schemas';
import { DEAD_LETTER_TOPICS, TOPICS, type Topic } from './topics';

/** Each topic's value schema. Keys are article ids on pipeline topics, the original key on DLQs. */
export const TOPIC_SCHEMAS = {
  [TOPICS.raw]: RawDocumentV1Schema,
  [TOPICS.normalized]: NormalizedArticleV1Schema,
  [TOPICS.enriched]: EnrichedArticleV1Schema,
  [DEAD_LETTER_TOPICS.fetcher]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.normalizer]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.extractor]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.storage]: DeadLetterV1Schema,
} satisfies Record<Topic, z.ZodType>;

export type TopicSchemas = typeof TOPIC_SCHEMAS;

/** Each topic's schema compiled (see compiled-validators): what the codec checks messages with. */
const TOPIC_VALIDATORS = Object.fromEntries(
  Object.entries(TOPIC_SCHEMAS).map(([topic, schema]) => [topic, compileValidator(schema)]),
) as Record<Topic, CompiledValidator>;
export type MessageOf<T extends Topic> = z.infer<TopicSchemas[T]>;

/**
 * Validates a value against its topic's schema and serializes it; throws on a mismatch. Keys the
 * schema does not know are removed from `value` itself, not sent.
 */
export function encodeMessage<T extends Topic>(topic: T, value: MessageOf<T>): string {
  const validator = TOPIC_VALIDATORS[topic];
  if (!validator.check(value)) {
    throw new InvalidMessageError(`refusing to produce an invalid ${topic} message: ${validator.issues().join('; ')}`);
  }
  return JSON.stringify(value);
}

/** Parses and validates a consumed value; throws InvalidMessageError with the reason. */
export function decodeMessage<T extends Topic>(topic: T, raw: Buffer | string | null): MessageOf<T> {
  if (raw === null || raw.length === 0) throw new InvalidMessageError(`${topic}: empty message value`);
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    throw new InvalidMessageError(`${topic}: value is not JSON (${(error as Error).message})`);
  }
  const validator = TOPIC_VALIDATORS[topic];
  if (!validator.check(json)) throw new InvalidMessageError(`${topic}: ${validator.issues().join('; ')}`);
  return json as MessageOf<T>;
}
