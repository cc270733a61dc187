import { context, ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ErrorCode, TOPICS, UnprocessableDocumentError } from '@wirestream/contracts';
import type { ConsumedMessage } from './consumed-message';
import { inBatchSpans, inMessageSpan } from './consumer-spans';

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager().enable();

beforeAll(() => {
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

/** The context a producer's traceparent header carries, as contextFromHeaders reads it. */
function producerContext(traceDigit: string, spanDigit: string): Context {
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: traceDigit.repeat(32), spanId: spanDigit.repeat(16), traceFlags: TraceFlags.SAMPLED, isRemote: true });
}

function consumed(key: string, traceContext: Context): ConsumedMessage<{ articleId: string }> {
  return { topic: 'ns.news.enriched.v1', partition: 0, offset: '7', key, value: { articleId: key }, headers: {}, traceContext };
}

const finished = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.name === name);
const consumer = { stage: 'storage', topic: TOPICS.enriched } as const;

describe('consumer spans', () => {
  it('continues the producer trace of one message in a consumer span, active while the work runs', async () => {
    const activeTraceId = await inMessageSpan(consumer, consumed('a1', producerContext('a', '1')), async () => trace.getActiveSpan()?.spanContext().traceId);

    const [span] = finished('storage news.enriched.v1');
    expect(activeTraceId).toBe('a'.repeat(32));
    expect(span.spanContext().traceId).toBe('a'.repeat(32));
    expect(span.parentSpanContext?.spanId).toBe('1'.repeat(16));
    expect(span.instrumentationScope.name).toBe('wirestream-storage');
    expect(span.attributes).toEqual({ 'messaging.system': 'kafka', 'messaging.destination.name': 'ns.news.enriched.v1', 'wirestream.article_id': 'a1' });
  });

  it('gives each message of a batch a span in its own story trace, and links the batch span to them', async () => {
    const messages = [consumed('a1', producerContext('a', '1')), consumed('b2', producerContext('b', '2'))];
    const seen = await inBatchSpans(consumer, messages, { batchSpanName: 'storage write batch', attributesOf: () => ({ 'wirestream.entity_count': 3 }) }, async (contexts) => ({
      traceIds: contexts.map((ctx) => trace.getSpan(ctx)?.spanContext().traceId),
      active: trace.getActiveSpan()?.spanContext().spanId,
    }));

    const stories = finished('storage news.enriched.v1');
    const [batch] = finished('storage write batch');
    expect(seen.traceIds).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
    expect(stories.map((span) => [span.spanContext().traceId, span.parentSpanContext?.spanId])).toEqual([
      ['a'.repeat(32), '1'.repeat(16)],
      ['b'.repeat(32), '2'.repeat(16)],
    ]);
    expect(stories[1].attributes).toMatchObject({ 'wirestream.article_id': 'b2', 'wirestream.entity_count': 3, 'wirestream.batch_size': 2 });
    expect(seen.active).toBe(batch.spanContext().spanId);
    expect(batch.links.map((link) => link.context.spanId)).toEqual(stories.map((span) => span.spanContext().spanId));
    expect(batch.attributes).toEqual({ 'wirestream.batch_size': 2 });
  });

  it('marks every message span of a failed batch failed, and rethrows', async () => {
    const messages = [consumed('a1', producerContext('a', '1')), consumed('b2', producerContext('b', '2'))];
    await expect(inBatchSpans(consumer, messages, { batchSpanName: 'storage write batch' }, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');

    const stories = finished('storage news.enriched.v1');
    expect(stories).toHaveLength(2);
    expect(stories.map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
    expect(stories[0].events.map((event) => event.name)).toEqual(['exception']);
    expect(stories[0].attributes['error.type']).toBe('UNCLASSIFIED');
  });

  it("names a failed message span's error type by the failure's code", async () => {
    const failing = async () => Promise.reject(new UnprocessableDocumentError('cut', { code: ErrorCode.XML_MALFORMED }));
    await expect(inMessageSpan(consumer, consumed('a1', producerContext('a', '1')), failing)).rejects.toThrow('cut');
    const [span] = finished('storage news.enriched.v1');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('XML_MALFORMED');
  });
});
