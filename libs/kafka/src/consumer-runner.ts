import { context as otelContext } from '@opentelemetry/api';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import {
  decodeMessage,
  MAX_MESSAGE_BYTES,
  namespacedTopic,
  PermanentError,
  TransientError,
  type MessageOf,
  type Stage,
  type Topic,
} from '@wirestream/contracts';
import { contextFromHeaders, inSpan, pipelineMetrics, SpanKind } from '@wirestream/telemetry';
import { Kafka, KafkaJSError, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { ChunkCoalescer } from './chunk-coalescer';
import type { ConsumedMessage } from './consumed-message';
import { deadLetterRecord, headersAsStrings, type FailedMessage } from './dead-letter';
import { SERVICE_RETRY } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka.config';
import { MessageProducer, type PreparedRecord } from './message-producer';
import type { OutgoingRecord } from './outgoing-record';

interface ConsumerSpecBase<T extends Topic> {
  /** The stage this consumer belongs to: names its consumer group and dead-letter topic. */
  stage: Stage;
  topic: T;
}

/** One message at a time, each in its own span that continues the producer's trace. */
export interface PerMessageConsumerSpec<T extends Topic> extends ConsumerSpecBase<T> {
  processMessage(message: ConsumedMessage<MessageOf<T>>): Promise<OutgoingRecord[]>;
}

/** A whole batch at once (one database transaction); a failing batch is retried message by message. */
export interface BatchConsumerSpec<T extends Topic> extends ConsumerSpecBase<T> {
  processBatch(messages: ConsumedMessage<MessageOf<T>>[]): Promise<OutgoingRecord[]>;
}

export type ConsumerSpec<T extends Topic> = PerMessageConsumerSpec<T> | BatchConsumerSpec<T>;

/**
 * Runs kafkajs consumers with at-least-once delivery and idempotent effects in mind:
 * - offsets are resolved and committed only after a chunk's records are produced (acks from all
 *   in-sync replicas) or its database writes are committed;
 * - a message that is not JSON or breaks its schema, or whose processing fails permanently (or
 *   keeps failing with an unclassified error), is parked in the stage's dead-letter topic with the
 *   reason, and the partition moves on;
 * - a TransientError (broker or database away) holds the partition and retries the chunk with
 *   bounded exponential backoff, heartbeating so the group keeps the partition; nothing is
 *   committed or dead-lettered meanwhile;
 * - a consumer kafkajs stops for good is replaced by a new one (see replaceCrashed).
 */
@Injectable()
export class ConsumerRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ConsumerRunner.name);
  private readonly consumers: Consumer[] = [];
  private stopping = false;
  /** Replacements of crashed consumers: waiting for their pause, and starting. */
  private readonly replacementTimers = new Set<NodeJS.Timeout>();
  private readonly replacementsStarting = new Set<Promise<void>>();
  /** Per consumer group, how many replacements in a row crashed soon after they started or failed to start. */
  private readonly crashStreaks = new Map<string, number>();

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: MessageProducer,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {}

  async start<T extends Topic>(spec: ConsumerSpec<T>): Promise<void> {
    const groupId = `${this.options.consumerGroupPrefix}-${spec.stage}`;
    const consumer = this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(this.options.sessionTimeoutMs / 3)),
      // Fetch sizes match the largest message wirestream produces, so none is ever stuck.
      maxBytesPerPartition: MAX_MESSAGE_BYTES,
      maxBytes: 2 * MAX_MESSAGE_BYTES,
      minBytes: this.options.fetchMinBytes,
      maxWaitTimeInMs: this.options.fetchMaxWaitMs,
      retry: consumerRetry(this.options.sessionTimeoutMs),
    });
    this.consumers.push(consumer);
    const startedAt = Date.now();
    consumer.on(consumer.events.CRASH, (event) => {
      this.logger.error(`consumer ${groupId} crashed (restart: ${event.payload.restart}): ${event.payload.error.message}`);
      // kafkajs restarts a consumer only after a retriable error. After any other (such as "Failed
      // to find group coordinator" while a broker shuts down, kafkajs issues 1445 and 1630) the
      // consumer stays stopped while the process lives on, a worker doing nothing: a new one takes
      // its place. It joins as a new member, so its group waits out the old member's session first.
      pipelineMetrics.consumerCrashes.inc({ stage: spec.stage, recovery: event.payload.restart ? 'kafkajs-restart' : 'replaced' });
      if (event.payload.restart) return;
      // A consumer that worked a while before it crashed starts the streak again.
      if (Date.now() - startedAt >= STABLE_CONSUMER_MS) this.crashStreaks.delete(groupId);
      this.replaceCrashed(spec, groupId, consumer);
    });
    try {
      await consumer.connect();
      // A new group starts from the earliest offset: nothing produced before it joined is skipped.
      await consumer.subscribe({ topic: namespacedTopic(spec.topic, this.options.topicNamespace), fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.concurrentPartitions,
        eachBatch: this.batchHandler(spec),
      });
    } catch (error) {
      this.forget(consumer);
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.logger.log(`consuming ${spec.topic} as ${groupId}`);
  }

  /**
   * Starts a new consumer for `spec` in place of one kafkajs gave up on (or one that failed to
   * start), after a pause that grows while replacements keep crashing: each new member makes its
   * group rebalance, so an error that recurs at once must not do so every few seconds.
   */
  private replaceCrashed<T extends Topic>(spec: ConsumerSpec<T>, groupId: string, crashed?: Consumer): void {
    if (crashed) this.forget(crashed);
    if (this.stopping) return;
    const streak = (this.crashStreaks.get(groupId) ?? 0) + 1;
    this.crashStreaks.set(groupId, streak);
    const pauseMs = Math.min(MAX_REPLACEMENT_PAUSE_MS, FIRST_REPLACEMENT_PAUSE_MS * 2 ** (streak - 1));
    this.logger.warn(`starting a new ${spec.stage} consumer in ${pauseMs} ms`);
    const timer = setTimeout(() => {
      this.replacementTimers.delete(timer);
      if (this.stopping) return;
      const starting = this.start(spec).catch((error: Error) => {
        this.logger.error(`the new ${spec.stage} consumer failed to start: ${error.message}`);
        this.replaceCrashed(spec, groupId);
      });
      this.replacementsStarting.add(starting);
      void starting.finally(() => this.replacementsStarting.delete(starting));
    }, pauseMs);
    this.replacementTimers.add(timer);
  }

  private forget(consumer: Consumer): void {
    const index = this.consumers.indexOf(consumer);
    if (index >= 0) this.consumers.splice(index, 1);
  }

  /**
   * The eachBatch handler of one consumer: batches of partitions consumed at the same time share
   * units of work (see ChunkCoalescer).
   */
  batchHandler<T extends Topic>(spec: ConsumerSpec<T>): (payload: EachBatchPayload) => Promise<void> {
    const coalescer = new ChunkCoalescer<PendingMessage>((unit) => this.processUnit(spec, unit), {
      maxItems: this.options.batchSize,
      lingerMs: COALESCE_LINGER_MS,
    });
    return async (payload) => {
      coalescer.enter();
      try {
        await this.consumeBatch(spec, payload, coalescer);
      } finally {
        coalescer.leave();
      }
    };
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    for (const timer of this.replacementTimers) clearTimeout(timer);
    this.replacementTimers.clear();
    this.logger.log(`stopping consumers${signal ? ` on ${signal}` : ''}`);
    // kafkajs lets the batch in flight finish, then commits what was resolved.
    // A replacement still starting is in `consumers` once it has, and is disconnected with the rest.
    const disconnectAll = Promise.allSettled([...this.replacementsStarting]).then(() => Promise.all(this.consumers.map((consumer) => consumer.disconnect())));
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs).unref());
    if ((await Promise.race([disconnectAll, timeout])) === 'timeout') {
      this.logger.warn(`consumers did not stop within ${this.options.shutdownTimeoutMs} ms; uncommitted work will be redelivered`);
    }
  }

  private countFailure<T extends Topic>(spec: ConsumerSpec<T>, error: unknown): void {
    pipelineMetrics.failed.inc({ stage: spec.stage, topic: spec.topic, error_class: errorClass(error) });
  }

  /**
   * One partition's batch, in chunks of at most `batchSize`; each chunk joins the chunks other
   * partitions submit at the same time in one unit of work (see ChunkCoalescer), and its offsets
   * are resolved once that unit's effects are done.
   */
  private async consumeBatch<T extends Topic>(spec: ConsumerSpec<T>, payload: EachBatchPayload, coalescer: ChunkCoalescer<PendingMessage>): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    for (let start = 0; start < batch.messages.length; start += this.options.batchSize) {
      const chunk = batch.messages.slice(start, start + this.options.batchSize);
      const pending = chunk.map((message): PendingMessage => ({ topic: batch.topic, partition: batch.partition, message, heartbeat }));
      // A transient failure holds this partition and retries the chunk after a growing pause,
      // heartbeating meanwhile: nothing is skipped, dead-lettered or committed while it lasts.
      for (let attempt = 1; ; attempt++) {
        if (!isRunning() || isStale()) return;
        try {
          await coalescer.submit(pending);
          break;
        } catch (error) {
          if (!isTransient(error)) throw error;
          const pauseMs = transientBackoffMs(attempt);
          this.logger.warn(
            `${spec.stage}: transient failure on ${batch.topic}[${batch.partition}] (attempt ${attempt}): ${(error as Error).message}; retrying in ${pauseMs} ms`,
          );
          await this.holdPartition(pauseMs, heartbeat, isRunning);
        }
      }
      for (const message of chunk) resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
      pipelineMetrics.consumed.inc({ stage: spec.stage, topic: spec.topic }, chunk.length);
      pipelineMetrics.consumerLag.set(
        { group: `${this.options.consumerGroupPrefix}-${spec.stage}`, topic: spec.topic, partition: String(batch.partition) },
        Math.max(0, Number(batch.highWatermark) - Number(chunk[chunk.length - 1].offset) - 1),
      );
    }
  }

  /** One unit of work: decode, process and dead-letter its messages, then produce everything in one request. */
  private async processUnit<T extends Topic>(spec: ConsumerSpec<T>, unit: PendingMessage[]): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const { records, deadLetterCount } = await this.decodeAndProcess(spec, unit);
    await this.producer.sendPrepared(records);
    const perMessageSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9 / unit.length;
    for (let i = 0; i < unit.length; i++) pipelineMetrics.processingSeconds.observe({ stage: spec.stage }, perMessageSeconds);
    pipelineMetrics.unitMessages.observe({ stage: spec.stage }, unit.length);
    if (deadLetterCount > 0) pipelineMetrics.deadLettered.inc({ stage: spec.stage, topic: spec.topic }, deadLetterCount);
  }

  /** Decodes, processes and dead-letters one unit's messages; returns everything to produce for them. */
  private async decodeAndProcess<T extends Topic>(spec: ConsumerSpec<T>, unit: PendingMessage[]): Promise<{ records: PreparedRecord[]; deadLetterCount: number }> {
    const deadLetters: OutgoingRecord[] = [];
    const valid: ConsumedMessage<MessageOf<T>>[] = [];
    // Every message of a unit belongs to this consumer, so any partition's heartbeat keeps the group.
    const heartbeat = unit[0].heartbeat;
    for (const { topic, partition, message } of unit) {
      const headers = headersAsStrings(message.headers);
      try {
        valid.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: decodeMessage(spec.topic, message.value),
          headers,
          traceContext: contextFromHeaders(headers),
        });
      } catch (error) {
        this.countFailure(spec, error);
        this.logger.warn(`dead-lettering ${topic}[${partition}]@${message.offset} key=${message.key?.toString() ?? null}${whereFrom(undecodedValue(message.value))}: ${(error as Error).message}`);
        deadLetters.push(deadLetterRecord(spec.stage, failedMessage(topic, partition, message, headers), error, 1));
      }
    }
    const outputs =
      'processMessage' in spec
        ? await this.processEach(spec, valid, deadLetters, heartbeat)
        : await this.processBatchIsolating(spec, valid, deadLetters, heartbeat);
    return { records: [...outputs, ...deadLetters.map((letter) => this.producer.prepare(letter))], deadLetterCount: deadLetters.length };
  }

  /** Waits without losing the group: heartbeats every few seconds, and gives up on shutdown. */
  private async holdPartition(pauseMs: number, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
    const until = Date.now() + pauseMs;
    while (Date.now() < until && isRunning()) {
      await sleep(Math.min(HEARTBEAT_SLICE_MS, until - Date.now()));
      await heartbeat();
    }
  }

  private async processEach<T extends Topic>(
    spec: PerMessageConsumerSpec<T>,
    messages: ConsumedMessage<MessageOf<T>>[],
    deadLetters: OutgoingRecord[],
    heartbeat: () => Promise<void>,
  ): Promise<PreparedRecord[]> {
    const outputs: PreparedRecord[] = [];
    for (const message of messages) {
      const produced = await this.withAttempts(spec, message, deadLetters, heartbeat, () =>
        inSpan(
          `wirestream-${spec.stage}`,
          `${spec.stage} ${spec.topic}`,
          {
            parent: message.traceContext,
            kind: SpanKind.CONSUMER,
            attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': message.topic, 'wirestream.article_id': message.key ?? '' },
          },
          async () => {
            const records = await spec.processMessage(message);
            this.logger.debug(`processed ${message.topic}[${message.partition}]@${message.offset} key=${message.key}: ${records.length} record(s)`);
            // Records are sent after the span ends: bind them to it now so the trace continues.
            const spanContext = otelContext.active();
            return records.map((outgoing) => this.producer.prepare({ ...outgoing, traceContext: outgoing.traceContext ?? spanContext }));
          },
        ),
      );
      outputs.push(...produced);
    }
    return outputs;
  }

  private async processBatchIsolating<T extends Topic>(
    spec: BatchConsumerSpec<T>,
    messages: ConsumedMessage<MessageOf<T>>[],
    deadLetters: OutgoingRecord[],
    heartbeat: () => Promise<void>,
  ): Promise<PreparedRecord[]> {
    if (messages.length === 0) return [];
    const processAndPrepare = async (some: ConsumedMessage<MessageOf<T>>[]) =>
      (await spec.processBatch(some)).map((outgoing) => this.producer.prepare(outgoing));
    try {
      return await processAndPrepare(messages);
    } catch (error) {
      this.countFailure(spec, error);
      if (isTransient(error)) throw error;
      this.logger.warn(`batch of ${messages.length} failed (${(error as Error).message}); retrying message by message`);
    }
    const outputs: PreparedRecord[] = [];
    for (const message of messages) {
      outputs.push(...(await this.withAttempts(spec, message, deadLetters, heartbeat, () => processAndPrepare([message]))));
    }
    return outputs;
  }

  /** Retries unclassified failures a few times; permanent ones and exhausted ones are parked. */
  private async withAttempts<T extends Topic>(
    spec: ConsumerSpec<T>,
    message: ConsumedMessage<MessageOf<T>>,
    deadLetters: OutgoingRecord[],
    heartbeat: () => Promise<void>,
    attempt: () => Promise<PreparedRecord[]>,
  ): Promise<PreparedRecord[]> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt();
      } catch (error) {
        this.countFailure(spec, error);
        if (isTransient(error)) throw error;
        if (error instanceof PermanentError || attemptNumber >= this.options.maxAttempts) {
          // Logged in the story's trace context, so the line carries its trace_id.
          otelContext.with(message.traceContext, () =>
            this.logger.warn(`dead-lettering ${message.topic}[${message.partition}]@${message.offset} key=${message.key}${whereFrom(message.value)}: ${(error as Error).message}`),
          );
          deadLetters.push(deadLetterRecord(spec.stage, asFailed(message), error, attemptNumber));
          return [];
        }
        await heartbeat();
        await sleep(100 * 2 ** attemptNumber);
      }
    }
  }
}

/** How long a partition waits between retries of a transient failure: 0.5 s doubling to 10 s, with jitter (a short cap: an outage ends unannounced, and each retry costs one attempt). */
export function transientBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_TRANSIENT_BACKOFF_MS, 500 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const MAX_TRANSIENT_BACKOFF_MS = 10_000;
const HEARTBEAT_SLICE_MS = 3_000;
/** The pause before a consumer kafkajs gave up on is replaced, doubling while replacements crash soon after they start. */
const FIRST_REPLACEMENT_PAUSE_MS = 5_000;
const MAX_REPLACEMENT_PAUSE_MS = 5 * 60_000;
/** A consumer that crashes later than this after its start is taken to have worked: its replacement waits the first pause again. */
const STABLE_CONSUMER_MS = 10 * 60_000;

/**
 * A consumer's own retries (its fetch loop and group membership; kafkajs gives it 5 whatever the
 * client's), for about twice the session timeout. While a restarting broker is away they keep the
 * member, and the restarted coordinator, which starts the member's session clock afresh when it
 * loads the group, lets it straight back in. On a cluster of several brokers a coordinator that
 * moved drops the member after one session, and only a crash and restart looks the new one up
 * (kafkajs does so on a rebalance alone), so the retries must end.
 */
export function consumerRetry(sessionTimeoutMs: number) {
  return { ...SERVICE_RETRY, retries: Math.ceil((2 * sessionTimeoutMs) / SERVICE_RETRY.maxRetryTime) + 2 };
}

/** Longest a chunk waits for other partitions' chunks to join its unit of work. */
const COALESCE_LINGER_MS = 20;

/** A consumed message with where it came from, waiting for its unit of work. */
interface PendingMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat: () => Promise<void>;
}

/**
 * ` source=… uri=…` for a message that names where its story came from (every pipeline message
 * does: a raw document's source and documentUri, an article's sourceId and documentUri), so an
 * operator can find the file or feed item a dead letter was; empty when it names neither.
 */
export function whereFrom(value: unknown): string {
  const message = value as { source?: { id?: unknown }; sourceId?: unknown; documentUri?: unknown; article?: { sourceId?: unknown; documentUri?: unknown } } | null;
  const source = message?.source?.id ?? message?.sourceId ?? message?.article?.sourceId;
  const uri = message?.documentUri ?? message?.article?.documentUri;
  return `${typeof source === 'string' ? ` source=${source}` : ''}${typeof uri === 'string' ? ` uri=${uri}` : ''}`;
}

/** A message that failed decoding, parsed as far as JSON goes (small ones only), for whereFrom. */
function undecodedValue(raw: Buffer | null): unknown {
  if (!raw || raw.length > 1_000_000) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function isTransient(error: unknown): boolean {
  return error instanceof TransientError || (error instanceof KafkaJSError && error.retriable);
}

function failedMessage(topic: string, partition: number, message: KafkaMessage, headers: Record<string, string>): FailedMessage {
  return { topic, partition, offset: message.offset, key: message.key, value: message.value, headers };
}

function asFailed<V>(message: ConsumedMessage<V>): FailedMessage {
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key, value: JSON.stringify(message.value), headers: message.headers };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
