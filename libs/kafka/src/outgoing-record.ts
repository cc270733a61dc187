import type { Context } from '@opentelemetry/api';
import type { MessageOf, Topic } from '@wirestream/contracts';

/** A message a stage wants produced: validated against its topic's schema when sent. */
export interface OutgoingRecord<T extends Topic = Topic> {
  topic: T;
  key: string;
  value: MessageOf<T>;
  /** The trace context to propagate in headers (defaults to the active one when sent). */
  traceContext?: Context;
  /** Extra headers, e.g. the original ones of a dead-lettered message. */
  headers?: Record<string, string>;
}

export function record<T extends Topic>(topic: T, key: string, value: MessageOf<T>, traceContext?: Context): OutgoingRecord<T> {
  return { topic, key, value, traceContext };
}
