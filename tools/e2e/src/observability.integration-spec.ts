import { copyFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { waitForArticles } from '@wirestream/harness';
import { SEEDS_DIR, startTestPipeline, type TestPipeline } from './test-pipeline';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
  links: Array<{ traceId: string; spanId: string }>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

/** An OTLP/HTTP JSON receiver on this machine, standing in for a collector. */
function startOtlpReceiver(spans: ReceivedSpan[]): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>;
        };
        for (const resourceSpans of payload.resourceSpans) {
          const service = attributesOf(resourceSpans.resource.attributes)['service.name'] as string;
          for (const span of resourceSpans.scopeSpans.flatMap((scope) => scope.spans)) {
            spans.push({
              service,
              traceId: span.traceId as string,
              spanId: span.spanId as string,
              parentSpanId: (span.parentSpanId as string | undefined) ?? '',
              name: span.name as string,
              attributes: attributesOf((span.attributes as OtlpAttribute[]) ?? []),
              links: ((span.links as Array<{ traceId: string; spanId: string }>) ?? []).map(({ traceId, spanId }) => ({ traceId, spanId })),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function attributesOf(attributes: OtlpAttribute[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('observability of a running pipeline', () => {
  const spans: ReceivedSpan[] = [];
  let receiver: Server;
  let pipeline: TestPipeline;
  const seed = path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort()[0]);

  beforeAll(async () => {
    receiver = await startOtlpReceiver(spans);
    pipeline = await startTestPipeline('otel', {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  });

  afterAll(async () => {
    await pipeline?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  function metricsUrl(service: string): string {
    return pipeline.pipeline.instances.find((instance) => instance.service === service)!.healthUrl.replace('/health/ready', '/metrics');
  }

  async function consumedByNormalizer(): Promise<number> {
    const text = await (await fetch(metricsUrl('normalizer'))).text();
    const line = text.split('\n').find((row) => row.startsWith('wirestream_messages_consumed_total{stage="normalizer",topic="news.raw.v1"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('traces one story across all four services as one trace of parent and child spans', async () => {
    const consumedBefore = await consumedByNormalizer();
    const [articleId] = await pipeline.expectedIds(seed);
    copyFileSync(seed, path.join(pipeline.dropDir, path.basename(seed)));
    expect(await waitForArticles(pipeline.db, [articleId], new Date(0), 60_000)).toEqual([]);

    const ofStory = (service: string) => spans.find((span) => span.service === service && span.attributes['wirestream.article_id'] === articleId);
    const fetch = await eventually(() => ofStory('wirestream-fetcher'));
    const normalize = await eventually(() => ofStory('wirestream-normalizer'));
    const extract = await eventually(() => ofStory('wirestream-extractor'));
    const store = await eventually(() => ofStory('wirestream-storage'));

    expect(fetch.parentSpanId).toBe('');
    expect([normalize, extract, store].map((span) => span.traceId)).toEqual([fetch.traceId, fetch.traceId, fetch.traceId]);
    expect(normalize.parentSpanId).toBe(fetch.spanId);
    expect(extract.parentSpanId).toBe(normalize.spanId);
    expect(store.parentSpanId).toBe(extract.spanId);

    // The batch write links to the story, and its Postgres queries hang under it.
    const write = await eventually(() => spans.find((span) => span.name === 'storage write batch' && span.links.some((link) => link.spanId === store.spanId)));
    await eventually(() => spans.find((span) => span.service === 'wirestream-storage' && span.parentSpanId === write.spanId && /pg|INSERT|SELECT/i.test(span.name)));

    // The trace id is kept with the stored row, to find a story's trace from the database.
    const [row] = await pipeline.db.query('SELECT trace_id FROM articles WHERE article_id = $1', [articleId]);
    expect(row.trace_id).toBe(fetch.traceId);

    expect(await consumedByNormalizer()).toBeGreaterThan(consumedBefore);
  });

  it('reports readiness and metrics on every worker', async () => {
    for (const instance of pipeline.pipeline.instances) {
      const ready = await fetch(instance.healthUrl);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', details: { kafka: { status: 'up' } } });
      const metrics = await (await fetch(instance.healthUrl.replace('/health/ready', '/metrics'))).text();
      expect(metrics).toContain('wirestream_messages_produced_total');
      expect(metrics).toContain('process_cpu_seconds_total');
    }
    const storageReady = (await (await fetch(pipeline.pipeline.instances.find((instance) => instance.service === 'storage')!.healthUrl)).json()) as {
      details: { postgres: { status: string } };
    };
    expect(storageReady.details.postgres.status).toBe('up');
    const storageMetrics = await (await fetch(metricsUrl('storage'))).text();
    expect(storageMetrics).toMatch(/wirestream_consumer_lag\{group="[^"]+-storage",topic="news.enriched.v1",partition="\d+"\} 0/);
    expect(storageMetrics).toMatch(/wirestream_processing_seconds_count\{stage="storage"\} [1-9]/);
    expect(storageMetrics).toMatch(/wirestream_unit_messages_count\{stage="storage"\} [1-9]/);
  });
});
