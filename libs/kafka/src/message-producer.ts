import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { encodeMessage, HEADERS, MAX_MESSAGE_BYTES, namespacedTopic, PermanentError, TransientError } from '@wirestream/contracts';
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
  private producer: Producer;
  private connected: Promise<void> = Promise.resolve();

  constructor(
    private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {
    this.producer = createIdempotentProducer(kafka);
  }

  async onModuleInit(): Promise<void> {
    this.connected = this.producer.connect();
    await this.connected;
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
    await this.connected;
    const producer = this.producer;
    try {
      await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
    } catch (error) {
      const lost = lostSequenceError(error);
      if (!lost) throw error;
      this.replace(producer, lost);
      throw new TransientError(`the broker refused the producer's sequence numbers (${lost}); sending again under a new producer id`);
    }
    for (const prepared of records) pipelineMetrics.produced.inc({ topic: prepared.contractTopic });
  }

  /**
   * A producer whose sequence numbers the broker refused can never send again: kafkajs does not
   * start a new epoch as the Java client does, and every later send gets the same refusal. A new
   * producer gets a new id whose sequences start afresh. What the old one may have written is sent
   * again, so a topic can hold a message twice; every consumer downstream is idempotent.
   */
  private replace(broken: Producer, reason: string): void {
    // Concurrent sends that failed together replace it once.
    if (this.producer !== broken) return;
    this.logger.warn(`${reason}: replacing the idempotent producer`);
    this.producer = createIdempotentProducer(this.kafka);
    this.connected = this.producer.connect();
    broken.disconnect().catch((error: Error) => this.logger.warn(`disconnecting the replaced producer: ${error.message}`));
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

/**
 * Broker refusals that leave an idempotent producer unable to send (found anywhere in the chain of
 * causes kafkajs wraps them in): its type, or null for any other error.
 */
export function lostSequenceError(error: unknown): string | null {
  let cause = error;
  for (let depth = 0; depth < 10 && cause instanceof Error; depth++, cause = (cause as Error & { cause?: unknown }).cause) {
    const type = (cause as Error & { type?: unknown }).type;
    if (typeof type === 'string' && LOST_SEQUENCE_ERRORS.has(type)) return type;
  }
  return null;
}

const LOST_SEQUENCE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);
