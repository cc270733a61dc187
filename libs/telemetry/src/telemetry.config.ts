import { parseConfig } from '@wirestream/config';
import { z } from 'zod';

/**
 * The standard OpenTelemetry variables this library reads itself, before Nest starts (the SDK reads
 * them, and the other OTEL_* variables, on its own as well). Kept as given: the SDK decides what a
 * value means, so none is refused here.
 */
export const TelemetryEnvSchema = z.object({
  OTEL_SDK_DISABLED: z.string().optional().describe('`true`: no OpenTelemetry SDK, so no spans; trace context still crosses Kafka in message headers.'),
  OTEL_TRACES_EXPORTER: z
    .string()
    .optional()
    .describe('Where spans go, comma-separated: `otlp`, `zipkin`, `console` (one JSON line per span on stderr, so stdout stays one log object per line) or `none`. Unset, with no OTLP endpoint either: spans keep their trace ids (which still reach Postgres) but are exported nowhere.'),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.string().optional().describe('OTLP protocol: `http/protobuf` (the default), `http/json` or `grpc`.'),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.string().optional().describe('OTLP protocol for spans only, instead of OTEL_EXPORTER_OTLP_PROTOCOL.'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional().describe('OTLP endpoint spans are exported to, e.g. `http://127.0.0.1:4318` (Jaeger); setting it turns export on.'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().optional().describe('OTLP endpoint for spans only, instead of OTEL_EXPORTER_OTLP_ENDPOINT; setting it turns export on.'),
  OTEL_SERVICE_NAME: z.string().optional().describe('Service name on spans. Unset: `wirestream-<service>`.'),
}).meta({ title: 'Traces (OpenTelemetry)' });

export type TelemetryConfig = z.infer<typeof TelemetryEnvSchema>;

/** Telemetry's settings, read on the first line of main.ts (before Nest, so not through a provider). */
export function telemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  return parseConfig(TelemetryEnvSchema, env);
}
