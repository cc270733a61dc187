import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics every service exposes on /metrics. One registry per process; labels are
 * bounded (stages, topics, partitions, sources, outcome names), never article ids.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const pipelineMetrics = {
  consumed: new Counter({
    name: 'wirestream_messages_consumed_total',
    help: 'Messages consumed, by stage and topic.',
    labelNames: ['stage', 'topic'] as const,
    registers: [metricsRegistry],
  }),
  produced: new Counter({
    name: 'wirestream_messages_produced_total',
    help: 'Messages produced (acknowledged by all in-sync replicas), by topic.',
    labelNames: ['topic'] as const,
    registers: [metricsRegistry],
  }),
  failed: new Counter({
    name: 'wirestream_messages_failed_total',
    help: 'Failed processing attempts, by stage, topic and error class.',
    labelNames: ['stage', 'topic', 'error_class'] as const,
    registers: [metricsRegistry],
  }),
  deadLettered: new Counter({
    name: 'wirestream_messages_dead_lettered_total',
    help: "Messages parked in the stage's dead-letter topic, by stage, the topic they came from and error code.",
    labelNames: ['stage', 'topic', 'code'] as const,
    registers: [metricsRegistry],
  }),
  processingSeconds: new Histogram({
    name: 'wirestream_processing_seconds',
    help: 'Time to process one message, by stage (batch stages: the batch time divided evenly).',
    labelNames: ['stage'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metricsRegistry],
  }),
  unitMessages: new Histogram({
    name: 'wirestream_unit_messages',
    help: 'Messages per unit of work (one processing call, one produce request, for storage one transaction), by stage: how well batching is doing.',
    labelNames: ['stage'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 200, 500],
    registers: [metricsRegistry],
  }),
  consumerLag: new Gauge({
    name: 'wirestream_consumer_lag',
    help: "Messages behind the partition's high watermark after the last batch, by group, topic and partition.",
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [metricsRegistry],
  }),
  consumerCrashes: new Counter({
    name: 'wirestream_consumer_crashes_total',
    help: 'Consumers kafkajs crashed, by stage and who brings them back (kafkajs restarts them, or a new consumer replaces them).',
    labelNames: ['stage', 'recovery'] as const,
    registers: [metricsRegistry],
  }),
  producerReplacements: new Counter({
    name: 'wirestream_producer_replacements_total',
    help: 'Idempotent producers replaced, by reason (the broker refused their sequence numbers, or they failed to connect).',
    labelNames: ['reason'] as const,
    registers: [metricsRegistry],
  }),
  fetchOutcomes: new Counter({
    name: 'wirestream_fetch_outcomes_total',
    help: 'Fetch attempts by source and outcome (emitted, unchanged, not_modified, refused, failed).',
    labelNames: ['source', 'outcome'] as const,
    registers: [metricsRegistry],
  }),
  storyLatency: new Histogram({
    name: 'wirestream_story_latency_seconds',
    help: 'Time from the fetch of a story to the commit of its batch in Postgres (observed by storage).',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
    registers: [metricsRegistry],
  }),
};

/** The query API's requests, by route template (never the raw path, whose ids are unbounded) and status class. */
export const apiMetrics = {
  requests: new Counter({
    name: 'wirestream_api_requests_total',
    help: 'Query API requests answered, by route template and status class (2xx, 4xx, 5xx).',
    labelNames: ['route', 'status_class'] as const,
    registers: [metricsRegistry],
  }),
  requestSeconds: new Histogram({
    name: 'wirestream_api_request_seconds',
    help: 'Time to answer a query API request, by route template.',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metricsRegistry],
  }),
};
