import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { encodeMessage, ErrorCode, HEADERS, MAX_MESSAGE_BYTES, namespacedTopic, PermanentError, TransientError } from '@wirestream/contracts';
import { headersFromContext, pipelineMetrics } from '@wirestream/telemetry';
import { Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { createIdempotentProducer } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka.config';
import type { OutgoingRecord } from './outgoing-record';

/** Sends contract-checked messages; resolves only once every in-sync replica has them. */
@Injectable()
export class MessageProducer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MessageProducer.name);
  /** The producer sends go to; replaced when the broker refuses its sequence numbers (see replace). */
  private current: ProducerHandle;

  constructor(
    private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {
    this.current = { producer: createIdempotentProducer(kafka), ready: null, sending: 0, retired: false };
  }

  async onModuleInit(): Promise<void> {
    // A service that cannot connect at start fails to start.
    await this.connect(this.current);
  }

  /**
   * Checks a record against its topic's schema and the size limit, and serializes it with its
   * trace headers. Throws a PermanentError for a record that can never be sent, so the caller can
   * dead-letter the message that produced it instead of failing the whole batch.
   */
  prepare(outgoing: OutgoingRecord): PreparedRecord {
    const message: Message = {
      key: outgoing.key,
      value: encodeMessage(outgoing.topic, outgoing.value),
      headers: { ...outgoing.headers, ...headersFromContext(outgoing.traceContext), [HEADERS.producer]: this.options.clientId },
    };
    const prepared = preparedRecord(outgoing.topic, namespacedTopic(outgoing.topic, this.options.topicNamespace), message);
    // Counted as the broker counts it: the record with its key and headers, in a batch of its own.
    if (prepared.bytes > REQUEST_BYTES) {
      throw new PermanentError(`${outgoing.topic} message for key ${outgoing.key} is ${prepared.bytes} bytes; the limit is ${REQUEST_BYTES}`, { code: ErrorCode.OVERSIZE });
    }
    return prepared;
  }

  async send(records: OutgoingRecord[]): Promise<void> {
    await this.sendPrepared(records.map((outgoing) => this.prepare(outgoing)));
  }

  /**
   * Sends records in as few requests as the broker's size limit allows, one after another (so a
   * key's records stay in order). kafkajs puts a request's records for one partition in one record
   * batch, and the broker refuses a batch larger than MAX_MESSAGE_BYTES: two 5 MB documents for one
   * partition would never be sent.
   */
  async sendPrepared(records: PreparedRecord[]): Promise<void> {
    for (const request of requestsWithin(records, REQUEST_BYTES)) await this.sendRequest(request);
  }

  private async sendRequest(records: PreparedRecord[]): Promise<void> {
    const byTopic = new Map<string, TopicMessages>();
    for (const prepared of records) {
      const group = byTopic.get(prepared.topic) ?? { topic: prepared.topic, messages: [] };
      byTopic.set(prepared.topic, group);
      group.messages.push(prepared.message);
    }
    const handle = this.current;
    handle.sending++;
    try {
      try {
        await this.connect(handle);
      } catch (error) {
        this.replace(handle, 'connect-failed', `connecting failed (${(error as Error).message})`);
        throw new TransientError(`the producer could not connect (${(error as Error).message}); a new one is connecting`, { code: ErrorCode.BROKER_UNAVAILABLE, cause: error });
      }
      try {
        await handle.producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
      } catch (error) {
        const lost = lostSequenceError(error);
        if (!lost) throw error;
        this.replace(handle, 'sequence-refused', `the broker refused its sequence numbers (${lost})`);
        throw new TransientError(`the broker refused the producer's sequence numbers (${lost}); sending again under a new producer id`, { code: ErrorCode.PRODUCER_RESET, cause: error });
      }
    } finally {
      handle.sending--;
      if (handle.retired && handle.sending === 0) this.disconnect(handle);
    }
    for (const prepared of records) pipelineMetrics.produced.inc({ topic: prepared.contractTopic });
  }

  /** Connects a producer once; every send awaits the same attempt. */
  private connect(handle: ProducerHandle): Promise<void> {
    handle.ready ??= handle.producer.connect();
    return handle.ready;
  }

  /**
   * A producer whose sequence numbers the broker refused can never send again: kafkajs does not
   * start a new epoch as the Java client does, and every later send gets the same refusal. A new
   * producer gets a new id whose sequences start afresh. What the old one may have written is sent
   * again, so a topic can hold a message twice; every consumer downstream is idempotent. The old
   * one is disconnected once its last send has settled (kafkajs would reconnect it for a send still
   * retrying). A producer that failed to connect is replaced the same way.
   */
  private replace(broken: ProducerHandle, reason: 'sequence-refused' | 'connect-failed', detail: string): void {
    // Concurrent sends that failed together replace it once.
    if (this.current !== broken) return;
    this.logger.warn(`${detail}: replacing the idempotent producer`);
    pipelineMetrics.producerReplacements.inc({ reason });
    broken.retired = true;
    this.current = { producer: createIdempotentProducer(this.kafka), ready: null, sending: 0, retired: false };
  }

  private disconnect(handle: ProducerHandle): void {
    handle.producer.disconnect().catch((error: Error) => this.logger.warn(`disconnecting a replaced producer: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.current.producer.disconnect().catch((error: Error) => this.logger.warn(`producer disconnect: ${error.message}`));
  }
}

/** A producer with its connection attempt and the sends using it. */
interface ProducerHandle {
  producer: Producer;
  ready: Promise<void> | null;
  sending: number;
  /** Replaced: disconnected once `sending` is back to zero. */
  retired: boolean;
}

/** A record checked and serialized, ready for the wire. */
export interface PreparedRecord {
  contractTopic: string;
  topic: string;
  message: Message;
  /** Its size in a record batch (see recordBytes), counted once. */
  bytes: number;
}

export function preparedRecord(contractTopic: string, topic: string, message: Message): PreparedRecord {
  return { contractTopic, topic, message, bytes: recordBytes(message) };
}

/**
 * Consecutive runs of `records`, each at most `maxBytes` in all (keys, values and headers, with a
 * margin per record for its framing); a record larger than that on its own is a run by itself.
 */
export function requestsWithin(records: PreparedRecord[], maxBytes: number): PreparedRecord[][] {
  if (records.length === 0) return [];
  const requests: PreparedRecord[][] = [[]];
  let bytes = 0;
  for (const prepared of records) {
    const size = prepared.bytes;
    if (bytes + size > maxBytes && requests[requests.length - 1].length > 0) {
      requests.push([]);
      bytes = 0;
    }
    requests[requests.length - 1].push(prepared);
    bytes += size;
  }
  return requests;
}

/** A record batch's own header (61 bytes), more than enough. */
const RECORD_BATCH_HEADER_BYTES = 128;
/** The most record bytes one request carries for a partition: what fits in a batch the broker takes. */
const REQUEST_BYTES = MAX_MESSAGE_BYTES - RECORD_BATCH_HEADER_BYTES;

/** A record batch's framing of one record (lengths, offsets, timestamps, attributes), more than enough. */
const RECORD_FRAMING_BYTES = 64;

function recordBytes(message: Message): number {
  let bytes = RECORD_FRAMING_BYTES + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    bytes += Buffer.byteLength(name) + (Array.isArray(value) ? value.reduce((sum: number, item) => sum + byteLength(item), 0) : byteLength(value));
  }
  return bytes;
}

function byteLength(value: string | Buffer | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
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
