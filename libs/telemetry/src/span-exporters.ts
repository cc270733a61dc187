import { SpanKind } from '@opentelemetry/api';
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from '@opentelemetry/core';
import { tracing } from '@opentelemetry/sdk-node';

/** One span as one JSON object: what `OTEL_TRACES_EXPORTER=console` writes, one line each. */
export interface SpanLine {
  service: string | undefined;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  startMicros: number;
  durationMicros: number;
  status: { code: number; message?: string };
  attributes: Record<string, unknown>;
  links: Array<{ traceId: string; spanId: string }>;
}

export function spanLine(span: tracing.ReadableSpan): SpanLine {
  const { traceId, spanId } = span.spanContext();
  return {
    service: span.resource.attributes['service.name'] as string | undefined,
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: SpanKind[span.kind],
    startMicros: hrTimeToMicroseconds(span.startTime),
    durationMicros: hrTimeToMicroseconds(span.duration),
    status: span.status,
    attributes: { ...span.attributes },
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
  };
}

/**
 * The console exporter, on stderr as JSON lines: the SDK's own writes multi-line objects to stdout,
 * which must stay one JSON log object per line.
 */
export class JsonLinesSpanExporter implements tracing.SpanExporter {
  constructor(private readonly write: (text: string) => void = (text) => void process.stderr.write(text)) {}

  export(spans: tracing.ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.write(spans.map((span) => `${JSON.stringify(spanLine(span))}\n`).join(''));
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}

/** The OTLP span exporter for the protocol `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL` names, as the SDK would choose it. */
function otlpExporter(protocol: string | undefined): tracing.SpanExporter {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (protocol ?? 'http/protobuf') {
    case 'http/json':
      return new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
    case 'grpc':
      return new (require('@opentelemetry/exporter-trace-otlp-grpc') as typeof import('@opentelemetry/exporter-trace-otlp-grpc')).OTLPTraceExporter();
    default:
      return new (require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Span processors for an `OTEL_TRACES_EXPORTER` list that names `console`, which the SDK would send
 * to stdout: console spans go to stderr as JSON lines, the others as the SDK would export them
 * (`otlp` by protocol, `zipkin`); `none` and unknown names export nothing. Null when the list has no
 * `console`: the SDK then reads the variables itself, unchanged.
 */
export function consoleAwareSpanProcessors(exporters: string[], otlpProtocol: string | undefined, write?: (text: string) => void): tracing.SpanProcessor[] | null {
  if (!exporters.includes('console')) return null;
  const processors: tracing.SpanProcessor[] = [new tracing.SimpleSpanProcessor(new JsonLinesSpanExporter(write))];
  if (exporters.includes('otlp')) processors.push(new tracing.BatchSpanProcessor(otlpExporter(otlpProtocol)));
  if (exporters.includes('zipkin')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ZipkinExporter } = require('@opentelemetry/exporter-zipkin') as typeof import('@opentelemetry/exporter-zipkin');
    processors.push(new tracing.BatchSpanProcessor(new ZipkinExporter()));
  }
  return processors;
}

/** `OTEL_TRACES_EXPORTER`'s names: comma-separated, trimmed, lower-case, as the SDK reads them. */
export function traceExporterNames(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean))];
}
