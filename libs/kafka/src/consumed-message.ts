import type { Context } from '@opentelemetry/api';

/** A consumed message whose value passed its topic's schema. */
export interface ConsumedMessage<V> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: V;
  headers: Record<string, string>;
  /** The producer's trace context, from the W3C headers: the parent of this stage's work. */
  traceContext: Context;
}
