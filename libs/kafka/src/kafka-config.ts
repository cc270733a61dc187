import { z } from 'zod';

/** Kafka settings every service reads from its environment; each carries its default and meaning. */
export const KafkaEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .describe('Comma-separated bootstrap brokers (host:port).'),
  KAFKA_TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, underscore and dash only')
    .default('')
    .describe('Prefix for every topic name, so several pipelines can share one broker. Empty in production.'),
  KAFKA_TOPIC_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Partitions for topics this service creates when they are missing; the ceiling on instances per consumer group.'),
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .describe('Replication factor for topics this service creates (1 for the single local broker; 3 in production).'),
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .default('wirestream')
    .describe('Consumer groups are `<prefix>-<stage>`: instances of one stage share a group and split its partitions.'),
  KAFKA_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .default(200)
    .describe('Most messages processed (and produced or written) together before offsets are committed.'),
  KAFKA_CONCURRENT_PARTITIONS: z.coerce
    .number()
    .int()
    .min(1)
    .default(16)
    .describe(
      'Partitions one instance takes from each fetch at once. Their messages are processed as one unit (up to KAFKA_BATCH_SIZE): one transaction or produce request and one offset commit instead of one per partition.',
    ),
  KAFKA_FETCH_MIN_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(32_768)
    .describe(
      'Bytes a fetch waits for (up to KAFKA_FETCH_MAX_WAIT_MS) before the broker answers: a few stories per batch instead of one when traffic is light. 1 answers at once.',
    ),
  KAFKA_FETCH_MAX_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(50)
    .describe('Longest the broker holds a fetch waiting for KAFKA_FETCH_MIN_BYTES: what a story may wait per hop when traffic is light.'),
  KAFKA_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Attempts for a message whose processing throws an unclassified error before it is dead-lettered.'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(6000)
    .default(10_000)
    .describe(
      'How long the group waits for a silent consumer before giving its partitions to another: the pause after an instance is killed. Long batches heartbeat, so this need not cover a batch.',
    ),
  KAFKA_SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15_000)
    .describe('On SIGTERM, how long in-flight batches may take to finish before the process exits anyway.'),
});

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  topicNamespace: string;
  topicPartitions: number;
  topicReplicationFactor: number;
  consumerGroupPrefix: string;
  batchSize: number;
  concurrentPartitions: number;
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  maxAttempts: number;
  sessionTimeoutMs: number;
  shutdownTimeoutMs: number;
}

export function kafkaOptionsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaOptions {
  const parsed = KafkaEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid Kafka configuration: ${problems}`);
  }
  const config = parsed.data;
  return {
    brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()).filter(Boolean),
    clientId,
    topicNamespace: config.KAFKA_TOPIC_NAMESPACE,
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    topicReplicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
    consumerGroupPrefix: config.KAFKA_CONSUMER_GROUP_PREFIX,
    batchSize: config.KAFKA_BATCH_SIZE,
    concurrentPartitions: config.KAFKA_CONCURRENT_PARTITIONS,
    fetchMinBytes: config.KAFKA_FETCH_MIN_BYTES,
    fetchMaxWaitMs: config.KAFKA_FETCH_MAX_WAIT_MS,
    maxAttempts: config.KAFKA_MAX_ATTEMPTS,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    shutdownTimeoutMs: config.KAFKA_SHUTDOWN_TIMEOUT_MS,
  };
}
