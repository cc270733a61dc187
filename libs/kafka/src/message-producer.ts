import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { encodeMessage, HEADERS, MAX_MESSAGE_BYTES, namespacedTopic, PermanentError } from '@wirestream/contracts';
import { headersFromContext, pipelineMetrics } from '@wirestream/telemetry';
import { Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
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

  /**
   * Checks a record against its topic's schema and the size limit, and serializes it with its
   * trace headers. Throws a PermanentError for a record that can never be sent, so the caller can
   * dead-letter the message that produced it instead of failing the whole batch.
   */
  prepare(outgoing: OutgoingRecord): PreparedRecord {
    const value = encodeMessage(outgoing.topic, outgoing.value);
    const bytes = Buffer.byteLength(value);
    if (bytes > MAX_MESSAGE_BYTES) {
      throw new PermanentError(`${outgoing.topic} message for key ${outgoing.key} is ${bytes} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    }
    return {
      contractTopic: outgoing.topic,
      topic: namespacedTopic(outgoing.topic, this.options.topicNamespace),
      message: {
        key: outgoing.key,
        value,
        headers: { ...outgoing.headers, ...headersFromContext(outgoing.traceContext), [HEADERS.producer]: this.options.clientId },
      },
    };
  }

  async send(records: OutgoingRecord[]): Promise<void> {
    await this.sendPrepared(records.map((outgoing) => this.prepare(outgoing)));
  }

  async sendPrepared(records: PreparedRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = new Map<string, TopicMessages>();
    for (const prepared of records) {
      const group = byTopic.get(prepared.topic) ?? { topic: prepared.topic, messages: [] };
      byTopic.set(prepared.topic, group);
      group.messages.push(prepared.message);
    }
    await this.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
    for (const prepared of records) pipelineMetrics.produced.inc({ topic: prepared.contractTopic });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }
}

/** A record checked and serialized, ready for the wire. */
export interface PreparedRecord {
  contractTopic: string;
  topic: string;
  message: Message;
}
