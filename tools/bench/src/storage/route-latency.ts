import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asApiReader, listeningPort, REPO_ROOT } from '@wirestream/harness';
import type { DataSource } from 'typeorm';

export interface RouteLatency {
  route: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Starts services/api on the schema as its read-only role, without auth or rate limit: the figures are the queries'. */
export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const apiEntry = path.join(REPO_ROOT, 'services', 'api', 'dist', 'main.js');
  if (!existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: build first (npm run build)`);
  const portFile = path.join(tmpdir(), `wirestream-bench-api-${process.pid}.port`);
  rmSync(portFile, { force: true });
  const api: ChildProcess = spawn(process.execPath, [apiEntry], {
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
  const stop = async () => {
    if (api.exitCode !== null) return;
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  };
  try {
    const url = `http://127.0.0.1:${await listeningPort(portFile, api, 'its output above', 60_000)}`;
    rmSync(portFile, { force: true });
    await waitUntilReady(`${url}/health/ready`, api);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What the routes are asked about: ids and words sampled across the archive, entities across fame, windows across dates. */
export interface RouteSamples {
  articleIds: string[];
  /** Entities at evenly spaced ranks of their article counts: the famous, the middling and the rare. */
  entityIds: string[];
  namePrefixes: string[];
  storyIds: string[];
  words: string[];
  agencies: string[];
  /** Month-long windows starting on days spread over the archive's dates. */
  windows: Array<{ from: string; to: string }>;
}

export async function sampleRoutes(db: DataSource, count = 200): Promise<RouteSamples> {
  const articleIds = (await db.query(`SELECT article_id FROM articles ORDER BY md5(article_id) LIMIT $1`, [count])).map((row: { article_id: string }) => row.article_id);
  const entityRows: Array<{ id: string; canonical_name: string }> = await db.query(
    `WITH ranked AS (
       SELECT entity_id, row_number() OVER (ORDER BY count(*) DESC, entity_id) AS rank, count(*) OVER () AS total
         FROM mentions GROUP BY entity_id)
     SELECT e.id, e.canonical_name FROM ranked r JOIN entities e ON e.id = r.entity_id
      WHERE r.rank % greatest(1, r.total / $1) = 0 ORDER BY r.rank LIMIT $1`,
    [count],
  );
  const storyIds = (await db.query(`SELECT id FROM stories ORDER BY md5(id::text) LIMIT $1`, [count])).map((row: { id: string }) => String(row.id));
  const words = (await db.query(`SELECT split_part(body, ' ', 4) AS word FROM articles ORDER BY md5(article_id) LIMIT $1`, [count]))
    .map((row: { word: string }) => row.word.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean);
  const agencies = (await db.query(`SELECT DISTINCT originating_agency FROM articles WHERE originating_agency IS NOT NULL`)).map(
    (row: { originating_agency: string }) => row.originating_agency,
  );
  const [range] = await db.query(`SELECT min(published_at) AS first, max(published_at) AS last FROM articles`);
  const first = new Date(range.first ?? Date.UTC(2025, 0, 1)).getTime();
  const span = Math.max(0, new Date(range.last ?? first).getTime() - first - 30 * 86_400_000);
  const windows = Array.from({ length: 24 }, (_, index) => {
    const from = new Date(first + Math.floor((span * index) / 23));
    return { from: from.toISOString().slice(0, 10), to: new Date(from.getTime() + 30 * 86_400_000).toISOString().slice(0, 10) };
  });
  return { articleIds, entityIds: entityRows.map((row) => String(row.id)), namePrefixes: entityRows.map((row) => row.canonical_name.slice(0, 4)), storyIds, words, agencies, windows };
}

export function routesOf(samples: RouteSamples): Array<[string, (index: number) => string]> {
  const at = <T>(items: T[], index: number): T => items[index % items.length];
  return [
    ['GET /articles (latest)', () => '/articles?limit=20'],
    ['GET /articles?q=', (index) => `/articles?q=${encodeURIComponent(at(samples.words, index))}`],
    ['GET /articles?entity=', (index) => `/articles?entity=${at(samples.entityIds, index)}`],
    ['GET /articles?source=&from=&to=', (index) => `/articles?source=wire-${index % 20}&from=${at(samples.windows, index).from}&to=${at(samples.windows, index).to}`],
    ['GET /articles?agency=', (index) => `/articles?agency=${encodeURIComponent(at(samples.agencies, index))}`],
    ['GET /articles/:id', (index) => `/articles/${at(samples.articleIds, index)}`],
    ['GET /entities?q=', (index) => `/entities?q=${encodeURIComponent(at(samples.namePrefixes, index))}`],
    ['GET /entities/:id', (index) => `/entities/${at(samples.entityIds, index)}`],
    ['GET /stories/:id', (index) => `/stories/${at(samples.storyIds, index)}`],
  ];
}

/** Each route `requests` times in turn (after 10 unmeasured), one request at a time. */
export async function measureRoutes(apiUrl: string, samples: RouteSamples, requests: number, log: (line: string) => void): Promise<RouteLatency[]> {
  const latencies: RouteLatency[] = [];
  for (const [route, pathFor] of routesOf(samples)) {
    for (let index = 0; index < 10; index++) await request(`${apiUrl}${pathFor(index + 1000)}`);
    const times: number[] = [];
    for (let index = 0; index < requests; index++) {
      const started = performance.now();
      await request(`${apiUrl}${pathFor(index)}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const result = { route, requests: times.length, p50Ms: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), p99Ms: round(quantile(times, 0.99)) };
    latencies.push(result);
    log(`${route.padEnd(34)} p50 ${String(result.p50Ms).padStart(7)} ms   p95 ${String(result.p95Ms).padStart(7)} ms   p99 ${String(result.p99Ms).padStart(7)} ms`);
  }
  return latencies;
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

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
