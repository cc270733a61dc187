/** Kafka header names wirestream sets. Trace context uses the W3C names so any tracer reads them. */
export const HEADERS = {
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  /** The producing service, for operators reading a topic by hand. */
  producer: 'ws-producer',
} as const;
