import type { z } from 'zod';
import { compileValidator, type CompiledValidator } from './compiled-validators';
import { ErrorCode, InvalidMessageError } from './errors';
import { OLDER_SCHEMA_VERSIONS, type OlderSchemaVersion } from './schema-upgrades';
import {
  DeadLetterV1Schema,
  EnrichedArticleV3Schema,
  NormalizedArticleV1Schema,
  RawDocumentV1Schema,
} from './schemas';
import { DEAD_LETTER_TOPICS, TOPICS, type Topic } from './topics';

/**
 * Each topic's current value schema, the one producers write and consumers read into (older
 * versions a topic still carries: see OLDER_SCHEMA_VERSIONS). Keys are article ids on pipeline
 * topics, the original key on DLQs.
 */
export const TOPIC_SCHEMAS = {
  [TOPICS.raw]: RawDocumentV1Schema,
  [TOPICS.normalized]: NormalizedArticleV1Schema,
  [TOPICS.enriched]: EnrichedArticleV3Schema,
  [DEAD_LETTER_TOPICS.fetcher]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.normalizer]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.extractor]: DeadLetterV1Schema,
  [DEAD_LETTER_TOPICS.storage]: DeadLetterV1Schema,
} satisfies Record<Topic, z.ZodType>;

export type TopicSchemas = typeof TOPIC_SCHEMAS;
export type MessageOf<T extends Topic> = z.infer<TopicSchemas[T]>;

/**
 * A schema compiled (see compiled-validators): what the codec checks messages with. Each
 * schema is compiled once, on its first message: compiling all seven took ~160 ms of every
 * process's start, and most use three (the dead-letter topics share one schema). The largest, the
 * enriched message's, costs its first message ~70 ms.
 */
const compiledSchemas = new Map<z.ZodType, CompiledValidator>();

function validatorFor(schema: z.ZodType): CompiledValidator {
  let validator = compiledSchemas.get(schema);
  if (!validator) compiledSchemas.set(schema, (validator = compileValidator(schema)));
  return validator;
}

/**
 * Validates a value against its topic's schema and serializes it; throws on a mismatch. Keys the
 * schema does not know are removed from `value` itself, not sent.
 */
export function encodeMessage<T extends Topic>(topic: T, value: MessageOf<T>): string {
  const schema: z.ZodType = TOPIC_SCHEMAS[topic];
  const validator = validatorFor(schema);
  if (!validator.check(value)) {
    throw new InvalidMessageError(`refusing to produce an invalid ${topic} message: ${describeFailure(schema, value, validator)}`);
  }
  return JSON.stringify(value);
}

/**
 * Parses and validates a consumed value, read as the topic's current schema version when it was
 * written with an older one the topic still carries; throws InvalidMessageError with the reason.
 */
export function decodeMessage<T extends Topic>(topic: T, raw: Buffer | string | null): MessageOf<T> {
  if (raw === null || raw.length === 0) throw new InvalidMessageError(`${topic}: empty message value`, { code: ErrorCode.MESSAGE_NOT_JSON });
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    throw new InvalidMessageError(`${topic}: value is not JSON (${(error as Error).message})`, { code: ErrorCode.MESSAGE_NOT_JSON, cause: error });
  }
  const older = olderVersionOf(topic, json);
  const schema: z.ZodType = older?.schema ?? TOPIC_SCHEMAS[topic];
  const validator = validatorFor(schema);
  if (!validator.check(json)) throw new InvalidMessageError(`${topic}: ${describeFailure(schema, json, validator)}`);
  return (older ? older.upgrade(json as never) : json) as MessageOf<T>;
}

/** The older schema version `json` says it was written with, when its topic still carries that version. */
function olderVersionOf(topic: Topic, json: unknown): OlderSchemaVersion | undefined {
  const version = json && typeof json === 'object' ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof version === 'number' ? OLDER_SCHEMA_VERSIONS[topic]?.[version] : undefined;
}

/**
 * Why a value failed its check, in zod's words: every issue (up to five), a wrong schemaVersion
 * among them, where the compiled check stops at the first. Failures are rare, so zod's walk is
 * paid only then. Where zod would have taken the value (a length counted in code units, see
 * compiled-validators), the compiled check's own reason is given.
 */
function describeFailure(schema: z.ZodType, value: unknown, validator: CompiledValidator): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return validator.issues().join('; ');
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
