import { trace } from '@opentelemetry/api';
import { startTelemetry } from './start-telemetry';
import { contextFromHeaders, currentTraceId, headersFromContext, inSpan } from './trace-context';

describe('trace context across Kafka headers', () => {
  const telemetry = startTelemetry('test', { env: {} });
  afterAll(() => telemetry.shutdown());

  it('continues the producer trace in the consumer, as a child span', async () => {
    const headers = await inSpan('test', 'fetch', {}, async () => headersFromContext());
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const producerTraceId = headers.traceparent.split('-')[1];
    const producerSpanId = headers.traceparent.split('-')[2];

    const consumer = await inSpan('test', 'normalize', { parent: contextFromHeaders({ traceparent: Buffer.from(headers.traceparent) }) }, async (span) => ({
      traceId: currentTraceId(),
      spanId: span.spanContext().spanId,
    }));
    expect(consumer.traceId).toBe(producerTraceId);
    expect(consumer.spanId).not.toBe(producerSpanId);
  });

  it('has no trace id outside a span, and starts a new trace without headers', async () => {
    expect(currentTraceId()).toBeNull();
    const traceId = await inSpan('test', 'root', { parent: contextFromHeaders(undefined) }, async () => currentTraceId());
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('ends the span with an error status when the work throws', async () => {
    let spanRef: ReturnType<typeof trace.getActiveSpan>;
    await expect(
      inSpan('test', 'failing', {}, async (span) => {
        spanRef = span;
        throw new Error('bad document');
      }),
    ).rejects.toThrow('bad document');
    expect(spanRef!.isRecording()).toBe(false);
  });
});
