import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { localInfra, SERVICES, STATE_DIR, waitForArticles, waitForTrace } from '@wirestream/harness';
import { ensureChromium, renderPage } from './headless-chromium';
import { SEEDS_DIR, startTestPipeline, type TestPipeline } from './test-pipeline';

type TraceViewer = Awaited<ReturnType<ReturnType<typeof localInfra>['ensureTraceViewer']>>;

const SERVICE_NAMES = SERVICES.map((service) => `wirestream-${service}`);
const log = (line: string) => process.stderr.write(`[trace viewer test] ${line}\n`);

/**
 * The local trace viewer, started by the project's own infra code, receives every service's spans
 * through the standard exporter variables; each seed story's trace is read back from its API and
 * opened in its UI.
 */
describe('traces in the local trace viewer', () => {
  let viewer: TraceViewer;
  let pipeline: TestPipeline;
  const traceIds = new Map<string, string>();

  beforeAll(async () => {
    viewer = await localInfra().ensureTraceViewer({ log });
    pipeline = await startTestPipeline('traces', { ...viewer.exportEnv, OTEL_BSP_SCHEDULE_DELAY: '200' });
    const seeds = readdirSync(SEEDS_DIR).filter((name) => !name.startsWith('.')).map((name) => path.join(SEEDS_DIR, name));
    const articleIds = (await Promise.all(seeds.map((seed) => pipeline.expectedIds(seed)))).flat();
    seeds.forEach((seed) => copyFileSync(seed, path.join(pipeline.dropDir, path.basename(seed))));
    expect(await waitForArticles(pipeline.db, articleIds, new Date(0), 90_000)).toEqual([]);
    const rows: Array<{ article_id: string; trace_id: string | null }> = await pipeline.db.query(
      'SELECT article_id, trace_id FROM articles WHERE article_id = ANY($1)',
      [articleIds],
    );
    rows.forEach((row) => traceIds.set(row.article_id, row.trace_id ?? ''));
    expect(traceIds.size).toBe(articleIds.length);
  }, 420_000);

  afterAll(async () => {
    await pipeline?.stop();
    if (viewer?.startedByUs) await localInfra().stopTraceViewer({ log });
  });

  it('holds each story as one trace with spans from all four services, under the trace id stored with the article', async () => {
    expect(traceIds.size).toBeGreaterThanOrEqual(2);
    for (const [articleId, traceId] of traceIds) {
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const trace = await waitForTrace(viewer.traceApiUrl(traceId), SERVICE_NAMES, 30_000);
      expect({ articleId, services: trace?.services }).toEqual({ articleId, services: expect.arrayContaining(SERVICE_NAMES) });
      expect(trace!.traceId).toBe(traceId);
    }
  });

  it("shows a story's trace in the viewer's UI, in headless Chromium, naming the four services", async () => {
    const chromium = await ensureChromium(log);
    const [traceId] = [...traceIds.values()];
    await waitForTrace(viewer.traceApiUrl(traceId), SERVICE_NAMES, 30_000);
    const screenshotDir = path.join(STATE_DIR, 'screenshots');
    mkdirSync(screenshotDir, { recursive: true });
    const html = await renderPage(chromium, viewer.traceUrl(traceId), { screenshot: path.join(screenshotDir, 'trace.png') });
    expect(html).toContain(traceId);
    for (const service of SERVICE_NAMES) expect(html).toContain(service);
  }, 300_000);
});
