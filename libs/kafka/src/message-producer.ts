import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { encodeMessage, HEADERS, namespacedTopic } from '@wirestream/contracts';
import { headersFromContext, pipelineMetrics } from '@wirestream/telemetry';
import { Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { createIdempotentProducer } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka-config';
import type { OutgoingRecord } from './outgoing-record';

/** Sends contract-checked messages; resolves only once every in-sync replica has them. */
@Injectable()
export class MessageProducer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MessageProducer.name);
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {
    this.producer = createIdempotentProducer(kafka);
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async send(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const outgoing of records) {
      const topic = namespacedTopic(outgoing.topic, this.options.topicNamespace);
      const messages = byTopic.get(topic)?.messages ?? [];
      if (!byTopic.has(topic)) byTopic.set(topic, { topic, messages });
      messages.push({
        key: outgoing.key,
        value: encodeMessage(outgoing.topic, outgoing.value),
        headers: {
          ...outgoing.headers,
          ...headersFromContext(outgoing.traceContext),
          [HEADERS.producer]: this.options.clientId,
        },
      });
    }
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
    for (const outgoing of records) pipelineMetrics.produced.inc({ topic: outgoing.topic });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }
}
