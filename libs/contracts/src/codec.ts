import type { z } from 'zod';
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
export type MessageOf<T extends Topic> = z.infer<TopicSchemas[T]>;

/** Validates a value against its topic's schema and serializes it; throws on a mismatch. */
export function encodeMessage<T extends Topic>(topic: T, value: MessageOf<T>): string {
  const parsed = TOPIC_SCHEMAS[topic].safeParse(value);
  if (!parsed.success) {
    throw new InvalidMessageError(`refusing to produce an invalid ${topic} message: ${describeIssues(parsed.error)}`);
  }
  return JSON.stringify(parsed.data);
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
  const parsed = TOPIC_SCHEMAS[topic].safeParse(json);
  if (!parsed.success) throw new InvalidMessageError(`${topic}: ${describeIssues(parsed.error)}`);
  return parsed.data as MessageOf<T>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
