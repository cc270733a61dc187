import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ALL_TOPICS, MAX_MESSAGE_BYTES, namespacedTopic } from '@wirestream/contracts';
import { clearStartupWait, reportStartupWait } from '@wirestream/service-kit';
import { Kafka } from 'kafkajs';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka.config';

/**
 * Creates every contract topic that is missing when the service starts, before any consumer or
 * producer runs. Topics are never auto-created: that races under KRaft and would pick the
 * broker's partition count.
 */
@Injectable()
export class TopicAdmin implements OnModuleInit {
  private readonly logger = new Logger(TopicAdmin.name);

  constructor(
    private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {}

  /**
   * The service's first call to the brokers. When they do not answer within KAFKA_CONNECT_TIMEOUT_MS,
   * that is logged and shown by /health/ready (the health port is already up), and it keeps trying.
   */
  async onModuleInit(): Promise<void> {
    const brokers = this.options.brokers.join(',');
    const slow = setTimeout(() => {
      const message = `Kafka at ${brokers} not reachable within ${this.options.connectTimeoutMs} ms (KAFKA_BROKERS): still trying`;
      this.logger.error(message);
      reportStartupWait('kafka', message);
    }, this.options.connectTimeoutMs);
    try {
      await this.ensureTopics();
    } finally {
      clearTimeout(slow);
      clearStartupWait('kafka');
    }
  }

  async ensureTopics(): Promise<void> {
    await ensureTopics(this.kafka, this.options);
    this.logger.log(`topics ready (namespace '${this.options.topicNamespace}')`);
  }
}

export async function ensureTopics(
  kafka: Kafka,
  options: Pick<KafkaOptions, 'topicNamespace' | 'topicPartitions' | 'topicReplicationFactor'>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = ALL_TOPICS.map((topic) => namespacedTopic(topic, options.topicNamespace)).filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.topicPartitions,
          replicationFactor: options.topicReplicationFactor,
          // Raw documents may carry megabytes of text; the broker default (1 MB) would refuse them.
          configEntries: [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }],
        })),
      });
    } catch (error) {
      // Another instance may have created them between our list and create: that is fine.
      if (!/already exists/i.test((error as Error).message)) throw error;
    }
  } finally {
    await admin.disconnect();
  }
}
