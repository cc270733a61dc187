import { DEAD_LETTER_TOPICS, errorCodeOf, MAX_MESSAGE_BYTES, type DeadLetterV1, type Stage } from '@wirestream/contracts';
import type { OutgoingRecord } from './outgoing-record';

export interface FailedMessage {
  topic: string;
  partition: number | null;
  offset: string | null;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/**
 * The record that parks a message in the stage's dead-letter topic: the original key, value and
 * headers, plus what failed, so an operator can read the reason and replay it after a fix.
 */
export function deadLetterRecord(stage: Stage, failed: FailedMessage, error: unknown, attempts: number): OutgoingRecord {
  const original = failed.value;
  const tooLarge = original !== null && Buffer.byteLength(original) > MAX_DEAD_LETTER_VALUE_BYTES;
  // Kept whole when it fits, so it can be replayed; an oversize value (itself the usual reason) is cut.
  const kept = tooLarge ? Buffer.from(original).subarray(0, MAX_DEAD_LETTER_VALUE_BYTES) : original;
  const { value, valueEncoding } = preserveValue(kept);
  const headers = tooLarge ? { ...failed.headers, [TRUNCATED_HEADER]: String(Buffer.byteLength(original)) } : failed.headers;
  const key = failed.key === null ? null : failed.key.toString();
  const letter: DeadLetterV1 = {
    schemaVersion: 1,
    stage,
    sourceTopic: failed.topic,
    partition: failed.partition,
    offset: failed.offset,
    key,
    value,
    valueEncoding,
    headers,
    errorClass: error instanceof Error ? error.name : typeof error,
    errorMessage: (error instanceof Error ? error.message : String(error)).slice(0, 4000),
    errorCode: errorCodeOf(error),
    attempts,
    failedAt: new Date().toISOString(),
  };
  // Keep the original key so a replayed message lands on the same partition as its siblings.
  return { topic: DEAD_LETTER_TOPICS[stage], key: key ?? `${failed.topic}:${failed.partition}:${failed.offset}`, value: letter, headers };
}

/** Room for the letter's own fields and base64 growth within one Kafka message. */
const MAX_DEAD_LETTER_VALUE_BYTES = Math.floor((MAX_MESSAGE_BYTES * 0.7) / (4 / 3));

/** Header naming the original size of a value that was too large to keep whole. */
export const TRUNCATED_HEADER = 'ws-value-truncated-from';

function preserveValue(value: Buffer | string | null): Pick<DeadLetterV1, 'value' | 'valueEncoding'> {
  if (value === null) return { value: null, valueEncoding: 'utf8' };
  if (typeof value === 'string') return { value, valueEncoding: 'utf8' };
  const text = value.toString('utf8');
  // A round trip that changes the bytes means they were not valid UTF-8: keep them exactly.
  return Buffer.from(text, 'utf8').equals(value) ? { value: text, valueEncoding: 'utf8' } : { value: value.toString('base64'), valueEncoding: 'base64' };
}

export function headersAsStrings(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
  }
  return result;
}
