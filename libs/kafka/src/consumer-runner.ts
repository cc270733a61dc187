import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { MAX_MESSAGE_BYTES, namespacedTopic, type Topic } from '@wirestream/contracts';
import { pipelineMetrics } from '@wirestream/telemetry';
import { Kafka, type Consumer, type EachBatchPayload } from 'kafkajs';
import { ChunkCoalescer } from './chunk-coalescer';
import { isTransient, sleep, transientBackoffMs } from './consumer-failures';
import type { ConsumerSpec } from './consumer-spec';
import { SERVICE_RETRY } from './kafka-client';
import { KAFKA_OPTIONS } from './kafka.tokens';
import type { KafkaOptions } from './kafka.config';
import { MessageProducer } from './message-producer';
import { UnitProcessor, type PendingMessage } from './unit-processor';

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

  /** Decodes, processes and dead-letters each unit of work. */
  private readonly units: UnitProcessor;

  constructor(
    private readonly kafka: Kafka,
    producer: MessageProducer,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions,
  ) {
    this.units = new UnitProcessor(producer, options);
  }

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
    const coalescer = new ChunkCoalescer<PendingMessage>((unit) => this.units.processUnit(spec, unit), {
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

  /** Waits without losing the group: heartbeats every few seconds, and gives up on shutdown. */
  private async holdPartition(pauseMs: number, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
    const until = Date.now() + pauseMs;
    while (Date.now() < until && isRunning()) {
      await sleep(Math.min(HEARTBEAT_SLICE_MS, until - Date.now()));
      await heartbeat();
    }
  }
}

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
