import { REPO_ROOT, waitForArticles } from '@wirestream/harness';
import { metricFamilyOf, metricsReadBy, observabilityDir } from '@wirestream/deploy-checks';
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR, startTestPipeline, type TestPipeline } from './test-pipeline';

/** Series Prometheus makes itself for every target, not the services. */
const PROMETHEUS_OWN = new Set(['up']);

/** Metric families a /metrics page declares (`# TYPE name kind`), whether or not they have samples yet. */
function declaredFamilies(exposition: string): Set<string> {
  return new Set(exposition.split('\n').flatMap((line) => (line.startsWith('# TYPE ') ? [line.split(' ')[2]] : [])));
}

describe('the dashboard and alert rules against the running services', () => {
  let pipeline: TestPipeline;

  beforeAll(async () => {
    pipeline = await startTestPipeline('metrics', {}, { withApi: true });
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('read only metrics some service exports, and the new ones have samples once a story is stored and queried', async () => {
    const seed = path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort()[0]);
    const [articleId] = await pipeline.expectedIds(seed);
    copyFileSync(seed, path.join(pipeline.dropDir, path.basename(seed)));
    expect(await waitForArticles(pipeline.db, [articleId], new Date(0), 60_000)).toEqual([]);
    const api = pipeline.pipeline.instances.find((instance) => instance.service === 'api')!;
    // Without a key: refused (401), and counted all the same.
    expect((await fetch(api.healthUrl.replace('/health/ready', `/articles/${articleId}`))).status).toBe(401);

    const scrapes = new Map<string, string>();
    for (const instance of pipeline.pipeline.instances) {
      scrapes.set(`${instance.service}-${instance.index}`, await (await fetch(instance.healthUrl.replace('/health/ready', '/metrics'))).text());
    }
    const exported = new Set([...scrapes.values()].flatMap((text) => [...declaredFamilies(text)]));
    const readers = metricsReadBy(observabilityDir(REPO_ROOT));
    const missing = [...readers].filter(([name]) => !PROMETHEUS_OWN.has(name) && !exported.has(metricFamilyOf(name))).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(missing).toEqual([]);

    const storage = [...scrapes].find(([name]) => name.startsWith('storage'))![1];
    expect(storage).toMatch(/^wirestream_story_latency_seconds_count [1-9]/m);
    const apiScrape = [...scrapes].find(([name]) => name.startsWith('api'))![1];
    expect(apiScrape).toMatch(/^wirestream_api_requests_total\{route="\/articles\/:id",status_class="4xx"\} [1-9]/m);
  });
});
