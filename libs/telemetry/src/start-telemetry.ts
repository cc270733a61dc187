import { context, propagation, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { consoleAwareSpanProcessors, traceExporterNames } from './span-exporters';
import { telemetryConfig } from './telemetry.config';

export interface TelemetryHandle {
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for one service. Call it on the first line of `main.ts`, before kafkajs,
 * pg or Nest are loaded, so instrumentations can patch them on require.
 *
 * Configured by the standard variables (TelemetryEnvSchema): `OTEL_TRACES_EXPORTER` (otlp | zipkin | console | none),
 * `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`, `OTEL_SDK_DISABLED`. When no exporter is
 * configured, spans are still created (trace ids still follow a story through Kafka headers and
 * land in Postgres) but nothing is exported.
 */
export type InstrumentationName = 'pg' | 'undici';

export function startTelemetry(
  serviceName: string,
  options: { instrumentations?: InstrumentationName[]; env?: NodeJS.ProcessEnv } = {},
): TelemetryHandle {
  const env = telemetryConfig(options.env);
  // Trace context must cross Kafka even when the SDK is disabled, so the propagator is set always.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (env.OTEL_SDK_DISABLED === 'true') return { shutdown: async () => undefined };

  const exporterConfigured = Boolean(
    env.OTEL_TRACES_EXPORTER || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  );
  // `console` is ours (JSON lines on stderr); any other list is left to the SDK, which reads it itself.
  const consoleProcessors = consoleAwareSpanProcessors(
    traceExporterNames(env.OTEL_TRACES_EXPORTER),
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL,
  );
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? serviceName,
    instrumentations: (options.instrumentations ?? []).map(loadInstrumentation),
    // NodeSDK registers no tracer at all without a processor; this one keeps ids, exports nothing.
    ...(consoleProcessors ? { spanProcessors: consoleProcessors } : exporterConfigured ? {} : { spanProcessors: [keepIdsExportNothing] }),
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/** Loaded on demand, so a service pays only for the libraries it patches. */
function loadInstrumentation(name: InstrumentationName) {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (name) {
    case 'pg': {
      const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
      return new PgInstrumentation({ requireParentSpan: true });
    }
    case 'undici': {
      const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
      return new UndiciInstrumentation();
    }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

const keepIdsExportNothing = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

/** The active context, for code that must carry it across a callback boundary. */
export function activeContext(): Context {
  return context.active();
}
