import { TransientError } from '@wirestream/contracts';
import { KafkaJSError, type KafkaMessage } from 'kafkajs';
import type { ConsumedMessage } from './consumed-message';
import type { FailedMessage } from './dead-letter';

/** Transient failures (broker or database away) hold the partition and are retried; nothing is dead-lettered meanwhile. */
export function isTransient(error: unknown): boolean {
  return error instanceof TransientError || (error instanceof KafkaJSError && error.retriable);
}

/** How long a partition waits between retries of a transient failure: 0.5 s doubling to 10 s, with jitter (a short cap: an outage ends unannounced, and each retry costs one attempt). */
export function transientBackoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_TRANSIENT_BACKOFF_MS, 500 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const MAX_TRANSIENT_BACKOFF_MS = 10_000;

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
export function undecodedValue(raw: Buffer | null): unknown {
  if (!raw || raw.length > 1_000_000) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

/** The `error_class` label of a failure metric. */
export function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** A message that could not be decoded, as its dead letter keeps it. */
export function failedMessage(topic: string, partition: number, message: KafkaMessage, headers: Record<string, string>): FailedMessage {
  return { topic, partition, offset: message.offset, key: message.key, value: message.value, headers };
}

/** A decoded message that failed, as its dead letter keeps it. */
export function asFailed<V>(message: ConsumedMessage<V>): FailedMessage {
  return { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key, value: JSON.stringify(message.value), headers: message.headers };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
