import { context as otelContext } from '@opentelemetry/api';
import { Logger } from '@nestjs/common';
import { decodeMessage, ErrorCode, PermanentError, type DeadLetterV1, type MessageOf, type Topic } from '@wirestream/contracts';
import { contextFromHeaders, pipelineMetrics } from '@wirestream/telemetry';
import type { KafkaMessage } from 'kafkajs';
import type { ConsumedMessage } from './consumed-message';
import { asFailed, errorClass, failedMessage, isTransient, sleep, undecodedValue, whereFrom } from './consumer-failures';
import type { BatchConsumerSpec, ConsumerSpec, PerMessageConsumerSpec } from './consumer-spec';
import { inMessageSpan } from './consumer-spans';
import { deadLetterRecord, headersAsStrings } from './dead-letter';
import type { KafkaOptions } from './kafka.config';
import type { MessageProducer, PreparedRecord } from './message-producer';
import type { OutgoingRecord } from './outgoing-record';

/** A consumed message with where it came from, waiting for its unit of work. */
export interface PendingMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat: () => Promise<void>;
}

/**
 * What the consumer runner does with one unit of work (chunks of partitions consumed at the same
 * time): decodes each message against its topic's schema, processes them one by one or as a
 * batch, parks what fails for good in the stage's dead-letter topic, and produces everything in
 * one request. Transient failures are thrown for the runner to hold the partitions and retry.
 */
export class UnitProcessor {
  // Logged as the runner, whose work this is.
  private readonly logger = new Logger('ConsumerRunner');

  constructor(
    private readonly producer: MessageProducer,
    private readonly options: Pick<KafkaOptions, 'maxAttempts'>,
  ) {}

  private countFailure<T extends Topic>(spec: ConsumerSpec<T>, error: unknown): void {
    pipelineMetrics.failed.inc({ stage: spec.stage, topic: spec.topic, error_class: errorClass(error) });
  }

  /** One unit of work: decode, process and dead-letter its messages, then produce everything in one request. */
  async processUnit<T extends Topic>(spec: ConsumerSpec<T>, unit: PendingMessage[]): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const { records, deadLetterCodes } = await this.decodeAndProcess(spec, unit);
    await this.producer.sendPrepared(records);
    const perMessageSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9 / unit.length;
    for (let i = 0; i < unit.length; i++) pipelineMetrics.processingSeconds.observe({ stage: spec.stage }, perMessageSeconds);
    pipelineMetrics.unitMessages.observe({ stage: spec.stage }, unit.length);
    for (const code of deadLetterCodes) pipelineMetrics.deadLettered.inc({ stage: spec.stage, topic: spec.topic, code });
  }

  /** Decodes, processes and dead-letters one unit's messages; returns everything to produce for them. */
  private async decodeAndProcess<T extends Topic>(spec: ConsumerSpec<T>, unit: PendingMessage[]): Promise<{ records: PreparedRecord[]; deadLetterCodes: string[] }> {
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
    return { records: [...outputs, ...deadLetters.map((letter) => this.producer.prepare(letter))], deadLetterCodes: deadLetters.map((letter) => (letter.value as DeadLetterV1).errorCode ?? ErrorCode.UNCLASSIFIED) };
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
        inMessageSpan(spec, message, async () => {
          const records = await spec.processMessage(message);
          this.logger.debug(`processed ${message.topic}[${message.partition}]@${message.offset} key=${message.key}: ${records.length} record(s)`);
          // Records are sent after the span ends: bind them to it now so the trace continues.
          const spanContext = otelContext.active();
          return records.map((outgoing) => this.producer.prepare({ ...outgoing, traceContext: outgoing.traceContext ?? spanContext }));
        }),
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
