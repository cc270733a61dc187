import { context, SpanKind, trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { consoleAwareSpanProcessors, JsonLinesSpanExporter, traceExporterNames } from './span-exporters';

describe('console spans', () => {
  it('are written one JSON line per span, with ids, parent, kind, timing and attributes', () => {
    let written = '';
    const provider = new tracing.BasicTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(new JsonLinesSpanExporter((text) => (written += text)))] });
    const tracer = provider.getTracer('test');
    const parentSpan = tracer.startSpan('parent', { kind: SpanKind.CONSUMER, attributes: { 'wirestream.article_id': 'a1' } });
    tracer.startSpan('child', {}, trace.setSpan(context.active(), parentSpan)).end();
    parentSpan.end();
    const lines = written.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(written.endsWith('\n')).toBe(true);
    expect(lines.map((line) => line.name)).toEqual(['child', 'parent']);
    const [child, parent] = lines;
    expect(child.traceId).toBe(parent.traceId);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(parent).toMatchObject({ parentSpanId: null, kind: 'CONSUMER', attributes: { 'wirestream.article_id': 'a1' } });
    expect(parent.durationMicros).toBeGreaterThanOrEqual(0);
  });

  it('take over the exporter list only when it names console, keeping the others it names', () => {
    expect(consoleAwareSpanProcessors(['otlp'], undefined)).toBeNull();
    expect(consoleAwareSpanProcessors([], undefined)).toBeNull();
    const processors = consoleAwareSpanProcessors(['console', 'otlp', 'zipkin'], 'http/json', () => undefined)!;
    expect(processors.map((processor) => processor.constructor.name)).toEqual(['SimpleSpanProcessor', 'BatchSpanProcessor', 'BatchSpanProcessor']);
    expect(consoleAwareSpanProcessors(['console'], undefined, () => undefined)).toHaveLength(1);
  });

  it('reads the exporter list as the SDK does', () => {
    expect(traceExporterNames(' Console , otlp,console,')).toEqual(['console', 'otlp']);
    expect(traceExporterNames(undefined)).toEqual([]);
  });
});
