import { ArticleStore, createDataSource } from '@wirestream/db';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { asApiReader, commandLine, listeningPort, migrate, REPO_ROOT, withClient, reportBenchResult } from '@wirestream/harness';
import { generateArticles, type GeneratedArticle } from './generate-articles';
import { StatementCpuMeter } from './statement-cpu';
import { benchDatabaseUrl } from './test-database';
import { wireMessages } from './wire-messages';

const USAGE = `usage: npm run bench:storage -- [--json] [--save] [--articles N] [--batch N] [--requests N] [--statements] [--corpus generated|wire]

  Stores N generated articles (default 100000) through ArticleStore.saveBatch in batches (default
  500) into a schema of its own in the test database, starts services/api on it, and measures
  each main route's latency (default 200 requests per route). Prints a table (or, with --json,
  only JSON); the last line is always one JSON object. The schema is dropped afterwards. With
  --statements, the Postgres server's CPU per article is also given for each kind of statement
  the store sends (local server only). With --corpus wire, the articles are bench:pipeline's
  stories as the extractor sends them (longer, with more mentions); the story grouping is then not
  measured, having no known truth.
  Database: WIRESTREAM_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wirestream_test).`;

interface Options {
  json: boolean;
  save: boolean;
  articles: number;
  batch: number;
  requests: number;
  statements: boolean;
  corpus: 'generated' | 'wire';
}

function parseOptions(argv: string[]): Options {
  const valued = { type: 'string' } as const;
  const args = commandLine(
    { args: argv, options: { json: { type: 'boolean' }, save: { type: 'boolean' }, articles: valued, batch: valued, requests: valued, statements: { type: 'boolean' }, corpus: valued } },
    USAGE,
  );
  const corpus = args.values.corpus ?? 'generated';
  if (corpus !== 'generated' && corpus !== 'wire') args.fail(`--corpus takes generated or wire, got "${corpus}"`);
  return {
    json: args.values.json === true,
    save: args.values.save === true,
    articles: args.integer('articles', 100_000),
    batch: args.integer('batch', 500),
    requests: args.integer('requests', 200),
    statements: args.values.statements === true,
    corpus: corpus as Options['corpus'],
  };
}

/** Main-thread time in garbage collection from now until stop(), in ms. */
function gcMeter(): { stop(): number } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (ms += entry.duration)));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      // Entries are delivered asynchronously; those already queued are taken before disconnecting.
      observer.takeRecords().forEach((entry) => (ms += entry.duration));
      observer.disconnect();
      return ms;
    },
  };
}

interface RouteResult {
  route: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => {
    if (!options.json) console.log(line);
  };
  const apiEntry = path.join(REPO_ROOT, 'services', 'api', 'dist', 'main.js');
  if (!existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: build first (npm run build)`);
  const baseUrl = await benchDatabaseUrl(log);
  const schema = `bench_${process.pid}_${Date.now()}`;
  const databaseUrl = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  let api: ChildProcess | undefined;
  try {
    await migrate(databaseUrl);
    log(`${options.corpus === 'wire' ? 'fetching, normalizing and extracting' : 'generating'} ${options.articles} articles…`);
    const generated = options.corpus === 'generated' ? generateArticles({ articles: options.articles }) : null;
    const messages = generated ? generated.map((item) => item.message) : await wireMessages(options.articles);
    const db = createDataSource(databaseUrl);
    await db.initialize();
    const store = new ArticleStore(db);
    const meter = new StatementCpuMeter();
    if (options.statements && !(await meter.install(db.manager))) log("--statements: the server's backend processes are not readable here; not measured");
    log(`storing in batches of ${options.batch}…`);
    const gc = gcMeter();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    try {
      for (let index = 0; index < messages.length; index += options.batch) {
        await store.saveBatch(messages.slice(index, index + options.batch).map((message) => ({ message, traceId: null })));
      }
    } finally {
      meter.uninstall();
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = process.cpuUsage(cpuBefore);
    const gcMs = gc.stop();
    const statements = meter.report().map((cost) => ({
      statement: cost.statement,
      calls: cost.calls,
      backendCpuMsPerArticle: round(cost.backendCpuMs / messages.length, 3),
      wallMsPerArticle: round(cost.wallMs / messages.length, 3),
    }));
    const [rows] = await db.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM mentions)::int AS mentions,
              (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM stories)::int AS stories`,
    );
    const redeliveryStarted = performance.now();
    await store.saveBatch(messages.slice(0, options.batch).map((message) => ({ message, traceId: null })));
    const redeliveryMs = performance.now() - redeliveryStarted;
    const grouping = generated ? await measureGrouping(db, generated) : null;
    await db.query('ANALYZE');
    const samples = await sampleIds(db);
    await db.destroy();

    const write = {
      articles: rows.articles,
      mentions: rows.mentions,
      entities: rows.entities,
      stories: rows.stories,
      batchSize: options.batch,
      seconds: round(seconds),
      articlesPerSecond: Math.round(rows.articles / seconds),
      rowsPerSecond: Math.round((rows.articles + rows.mentions) / seconds),
      redeliveredBatchMs: round(redeliveryMs),
      // This process's side of storing (the store's own code, pg, garbage collection): the storage
      // service's work per article less decoding its messages. Not comparable with --statements,
      // whose meter reads the server's CPU around every statement.
      clientCpuMsPerArticle: round((cpuUsed.user + cpuUsed.system) / 1000 / messages.length, 3),
      clientGcMsPerArticle: round(gcMs / messages.length, 3),
    };
    log(`stored ${write.articles} articles and ${write.mentions} mentions in ${write.seconds} s: ${write.articlesPerSecond} articles/s, ${write.rowsPerSecond} rows/s`);
    log(`this process's CPU per article stored: ${write.clientCpuMsPerArticle} ms, ${write.clientGcMsPerArticle} ms of it (main thread) in garbage collection`);
    if (statements.length > 0) {
      const total = statements.reduce((sum, cost) => sum + cost.backendCpuMsPerArticle, 0);
      log(`Postgres CPU per article, by statement (commits not included): ${round(total, 3)} ms`);
      for (const cost of statements) {
        log(`  ${cost.backendCpuMsPerArticle.toFixed(3).padStart(7)} ms  (round trip ${cost.wallMsPerArticle.toFixed(3)} ms, ${cost.calls} calls)  ${cost.statement}`);
      }
    }
    if (grouping) {
      log(`stories: ${write.stories}; syndicated copies joined ${pct(grouping.syndicatedJoined)}, retold joined ${pct(grouping.retoldJoined)}, stories mixing events ${grouping.mixedStories}`);
    } else log(`stories: ${write.stories}`);

    const portFile = path.join(tmpdir(), `wirestream-bench-api-${process.pid}.port`);
    rmSync(portFile, { force: true });
    api = spawn(process.execPath, [apiEntry], {
      // Query cost is measured here, not the key check or the rate limit: no auth, on loopback, no limit in reach.
      env: {
        ...process.env,
        API_DATABASE_URL: asApiReader(databaseUrl),
        API_AUTH: 'off',
        API_RATE_LIMIT_PER_MINUTE: String(1_000_000_000),
        HTTP_PORT: '0',
        HTTP_PORT_FILE: portFile,
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const apiUrl = `http://127.0.0.1:${await listeningPort(portFile, api, 'its output above', 60_000)}`;
    rmSync(portFile, { force: true });
    await waitUntilReady(`${apiUrl}/health/ready`, api);
    const routes: Array<[string, (index: number) => string]> = [
      ['GET /articles (latest)', () => '/articles?limit=20'],
      ['GET /articles?q=', (index) => `/articles?q=${encodeURIComponent(samples.words[index % samples.words.length])}`],
      ['GET /articles?entity=', (index) => `/articles?entity=${samples.entityIds[index % samples.entityIds.length]}`],
      ['GET /articles?source=&from=&to=', (index) => `/articles?source=wire-${index % 20}&from=2025-03-01&to=2025-03-31`],
      ['GET /articles?agency=', (index) => `/articles?agency=${encodeURIComponent(samples.agencies[index % samples.agencies.length])}`],
      ['GET /articles/:id', (index) => `/articles/${samples.articleIds[index % samples.articleIds.length]}`],
      ['GET /entities?q=', (index) => `/entities?q=${encodeURIComponent(samples.namePrefixes[index % samples.namePrefixes.length])}`],
      ['GET /entities/:id', (index) => `/entities/${samples.entityIds[index % samples.entityIds.length]}`],
      ['GET /stories/:id', (index) => `/stories/${samples.storyIds[index % samples.storyIds.length]}`],
    ];
    const latencies: RouteResult[] = [];
    for (const [route, pathFor] of routes) {
      for (let index = 0; index < 10; index++) await request(`${apiUrl}${pathFor(index + 1000)}`);
      const times: number[] = [];
      for (let index = 0; index < options.requests; index++) {
        const requestStarted = performance.now();
        await request(`${apiUrl}${pathFor(index)}`);
        times.push(performance.now() - requestStarted);
      }
      times.sort((a, b) => a - b);
      const result = { route, requests: times.length, p50Ms: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), p99Ms: round(quantile(times, 0.99)) };
      latencies.push(result);
      log(`${route.padEnd(34)} p50 ${String(result.p50Ms).padStart(7)} ms   p95 ${String(result.p95Ms).padStart(7)} ms   p99 ${String(result.p99Ms).padStart(7)} ms`);
    }
    reportBenchResult('bench:storage', { write, grouping, api: latencies, ...(statements.length > 0 ? { statements } : {}) }, { save: options.save, argv: process.argv.slice(2) });
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api!.once('exit', resolve));
    }
    await withClient(baseUrl, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
  }
}

/** How the story rule did on the generated events, whose true grouping is known. */
async function measureGrouping(db: ReturnType<typeof createDataSource>, generated: GeneratedArticle[]) {
  const rows: Array<{ article_id: string; story_id: string }> = await db.query(`SELECT article_id, story_id FROM articles`);
  const storyOf = new Map(rows.map((row) => [row.article_id, String(row.story_id)]));
  const originalStory = new Map<number, string>();
  generated.filter((item) => item.kind === 'original').forEach((item) => originalStory.set(item.eventId, storyOf.get(item.message.articleId)!));
  const share = (kind: GeneratedArticle['kind']) => {
    const items = generated.filter((item) => item.kind === kind && originalStory.has(item.eventId));
    return items.length === 0 ? 1 : items.filter((item) => storyOf.get(item.message.articleId) === originalStory.get(item.eventId)).length / items.length;
  };
  const eventsByStory = new Map<string, Set<number>>();
  for (const item of generated) {
    const story = storyOf.get(item.message.articleId)!;
    eventsByStory.set(story, (eventsByStory.get(story) ?? new Set()).add(item.eventId));
  }
  return {
    events: originalStory.size,
    syndicatedJoined: round(share('syndicated'), 4),
    retoldJoined: round(share('retold'), 4),
    mixedStories: [...eventsByStory.values()].filter((events) => events.size > 1).length,
  };
}

async function sampleIds(db: ReturnType<typeof createDataSource>) {
  const articleIds = (await db.query(`SELECT article_id FROM articles ORDER BY md5(article_id) LIMIT 200`)).map((row: { article_id: string }) => row.article_id);
  const entityRows: Array<{ id: string; canonical_name: string }> = await db.query(`SELECT id, canonical_name FROM entities ORDER BY md5(id::text) LIMIT 200`);
  const storyIds = (await db.query(`SELECT id FROM stories ORDER BY article_count DESC, id LIMIT 200`)).map((row: { id: string }) => String(row.id));
  const words = (await db.query(`SELECT split_part(body, ' ', 4) AS word FROM articles ORDER BY md5(article_id) LIMIT 200`)).map((row: { word: string }) =>
    row.word.replace(/[^\p{L}]/gu, ''),
  );
  const agencies = (await db.query(`SELECT DISTINCT originating_agency FROM articles WHERE originating_agency IS NOT NULL`)).map(
    (row: { originating_agency: string }) => row.originating_agency,
  );
  return {
    articleIds,
    entityIds: entityRows.map((row) => String(row.id)),
    namePrefixes: entityRows.map((row) => row.canonical_name.slice(0, 4)),
    storyIds,
    words: words.filter(Boolean),
    agencies,
  };
}

async function request(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`services/api exited with code ${child.exitCode}`);
    const ready = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`services/api not ready after ${timeoutMs} ms`);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

if (process.argv.includes('--help')) console.log(USAGE);
else
  main().catch((error) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
