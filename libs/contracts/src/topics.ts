/**
 * Every Kafka topic wirestream uses. Names follow `<domain>.<entity>.v<schema major>`; a breaking
 * schema change gets a new topic, so old and new consumers can run side by side during a rollout.
 * A schema version that consumers can read older messages into stays on its topic (see
 * schema-upgrades.ts): news.enriched.v1 carries schema versions 1 and 2.
 */
export const TOPICS = {
  raw: 'news.raw.v1',
  normalized: 'news.normalized.v1',
  enriched: 'news.enriched.v1',
} as const;

/** One dead-letter topic per stage: a parked message says which stage could not process it. */
export const DEAD_LETTER_TOPICS = {
  fetcher: 'news.dlq.fetcher.v1',
  normalizer: 'news.dlq.normalizer.v1',
  extractor: 'news.dlq.extractor.v1',
  storage: 'news.dlq.storage.v1',
} as const;

export type Stage = keyof typeof DEAD_LETTER_TOPICS;
export type PipelineTopic = (typeof TOPICS)[keyof typeof TOPICS];
export type DeadLetterTopic = (typeof DEAD_LETTER_TOPICS)[Stage];
export type Topic = PipelineTopic | DeadLetterTopic;

export const STAGES = Object.keys(DEAD_LETTER_TOPICS) as Stage[];
export const ALL_TOPICS: Topic[] = [...Object.values(TOPICS), ...Object.values(DEAD_LETTER_TOPICS)];

/**
 * A namespace prefixes every topic name, so several pipelines (a test run, a tenant) can share one
 * broker without seeing each other's messages. Empty in production.
 */
export function namespacedTopic(topic: Topic, namespace = ''): string {
  return namespace ? `${namespace}.${topic}` : topic;
}

/**
 * Largest message value wirestream produces, in bytes. The local broker and every topic wirestream
 * creates accept this much (`message.max.bytes`, `max.message.bytes`), and consumers fetch it.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
