import { ArticleStore, createDataSource } from '@wirestream/db';
import type { EnrichedArticleV3 } from '@wirestream/contracts';
import { commandLine, migrate, reportBenchResult, withClient } from '@wirestream/harness';
import { PerformanceObserver } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { postgresServerPids, ProcessCpuMeter } from '../pipeline/process-cpu';
import { generateArticleStream } from './generate-articles';
import { measureGrouping } from './grouping';
import { ReferenceWrites } from './reference-writes';
import { lastToFirst } from './write-curve';
import { measureRoutes, quantile, round, sampleRoutes, startApi, type RouteLatency, type RunningApi } from './route-latency';
import { StatementCpuMeter, type StatementCost } from './statement-cpu';
import { benchDatabaseUrl } from './test-database';
import { wireMessages } from './wire-messages';

const USAGE = `usage: npm run bench:storage -- [--json] [--save] [--articles N] [--points N,N,…] [--batch N] [--requests N] [--schema NAME] [--statements] [--corpus generated|wire]

  Stores N generated articles (default 100000; events over two years in the order they happened,
  each read within two hours of its date, entities of Zipf-like fame, some events syndicated or
  retold) through ArticleStore.saveBatch in batches (default 500) into a schema of its own in the
  test database. At each point (--points; by default 100000, 250000, 500000 and 1000000 below N,
  and N) it reports the write rate, the Postgres server's CPU, WAL and buffer reads per article
  since the previous point, the tables' and indexes' sizes, and each API route's latency
  (services/api on the schema; default 200 requests per route, entities sampled across fame, date
  windows across the archive). Prints a table (or, with --json, only
  JSON); the last line is always one JSON object. While writing, it runs ANALYZE whenever the
  archive has grown by a tenth (autovacuum's default), outside the timed writes.
  The schema is dropped afterwards, unless --schema NAME names it: then it is kept, and a later run
  with the same name resumes where the archive stopped (the generator is deterministic), so a
  database built once can be measured again. With --statements, the server's CPU per article is
  also given per kind of statement (local server only). With --corpus wire, the articles are
  bench:pipeline's stories as the extractor sends them (no grouping truth, no resuming).
  Every 25000 articles (and at each segment's ends) it also writes a fixed batch into a
  small scratch archive and deletes it again, not timed and left out of the server's figures: the
  machine's speed at that moment, as \`referenceArticlesPerSec\`, so that segments can be compared
  (\`lastToFirst\` in the JSON).
  Database: WIRESTREAM_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/wirestream_test).`;

const STANDARD_POINTS = [100_000, 250_000, 500_000, 1_000_000];
/** Articles between two probes of the reference writes (see ReferenceWrites). */
const REFERENCE_EVERY = 25_000;
/** Postgres's defaults for autovacuum's analyze: after 50 rows and a tenth of the table more. */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;

interface Options {
  json: boolean;
  save: boolean;
  articles: number;
  points: number[];
  batch: number;
  requests: number;
  schema: string | null;
  statements: boolean;
  corpus: 'generated' | 'wire';
}

function parseOptions(argv: string[]): Options {
  const valued = { type: 'string' } as const;
  const args = commandLine(
    {
      args: argv,
      options: { json: { type: 'boolean' }, save: { type: 'boolean' }, articles: valued, points: valued, batch: valued, requests: valued, schema: valued, statements: { type: 'boolean' }, corpus: valued },
    },
    USAGE,
  );
  const corpus = args.values.corpus ?? 'generated';
  if (corpus !== 'generated' && corpus !== 'wire') args.fail(`--corpus takes generated or wire, got "${corpus}"`);
  const articles = args.integer('articles', 100_000);
  const points = args.values.points
    ? args.values.points.split(',').map((text) => Number(text.trim()))
    : [...STANDARD_POINTS.filter((point) => point < articles), articles];
  if (points.some((point) => !Number.isInteger(point) || point < 1 || point > articles)) args.fail(`--points: whole numbers from 1 to --articles (${articles})`);
  const schema = args.values.schema ?? null;
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,50}$/.test(schema)) args.fail('--schema: lower-case letters, digits and _');
  if (schema !== null && corpus === 'wire') args.fail('--schema resumes generated archives only');
  return {
    json: args.values.json === true,
    save: args.values.save === true,
    articles,
    points: [...new Set(points)].sort((a, b) => a - b),
    batch: args.integer('batch', 500),
    requests: args.integer('requests', 200),
    schema,
    statements: args.values.statements === true,
    corpus: corpus as Options['corpus'],
  };
}

/** Main-thread time in garbage collection from now, in ms: so far (total()) and until stop(). */
function gcMeter(): { total(): number; stop(): number } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (ms += entry.duration)));
  observer.observe({ entryTypes: ['gc'] });
  const total = () => {
    observer.takeRecords().forEach((entry) => (ms += entry.duration));
    return ms;
  };
  return {
    total,
    stop() {
      const ms = total();
      observer.disconnect();
      return ms;
    },
  };
}

interface ArchivePoint {
  articles: number;
  /** Articles written per second since the previous point (null when the archive already held them: a resumed run). */
  writeArticlesPerSec: number | null;
  pgCpuMsPerArticle: number | null;
  /** WAL written per article since the previous point, and full-page images in it (pages first changed since a checkpoint). */
  walKbPerArticle: number | null;
  walFullPagesPerArticle: number | null;
  /** Buffers read into shared buffers (from the OS) per article written, and buffers the writing backends had to write out themselves to find room. */
  bufferReadsPerArticle: number | null;
  backendWritesPerArticle: number | null;
  /** This process's garbage collection per article since the previous point (part of it falls inside the timed writes). */
  clientGcMsPerArticle: number | null;
  tableMb: number;
  indexMb: number;
  routes: Record<string, { p50Ms: number; p95Ms: number; p99Ms: number }>;
  /** The reference writes' rate during the segment (median of its probes; see ReferenceWrites): the machine's speed then. */
  referenceArticlesPerSec: number | null;
  /** With --statements: the server's CPU per article written since the previous point, by kind of statement. */
  statements?: Array<{ statement: string; backendCpuMsPerArticle: number; wallMsPerArticle: number }>;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => {
    if (!options.json) console.log(line);
  };
  const baseUrl = await benchDatabaseUrl(log);
  const schema = options.schema ?? `bench_${process.pid}_${Date.now()}`;
  const databaseUrl = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
  let api: RunningApi | null = null;
  let db: DataSource | null = null;
  let reference: ReferenceWrites | null = null;
  try {
    await migrate(databaseUrl);
    db = createDataSource(databaseUrl);
    await db.initialize();
    const [{ existing }] = await db.query('SELECT count(*)::int AS existing FROM articles');
    if (existing > 0) await checkSameArchive(db, options.articles);
    if (existing > 0) log(`schema ${schema} holds ${existing} articles: resuming from there`);
    if (existing === 0 && options.schema !== null) await checkSameArchive(db, options.articles);
    const store = new ArticleStore(db);
    const wireCorpus = options.corpus === 'wire' ? await wireMessages(options.articles) : null;
    const messages = messageSource(options, wireCorpus);
    // A resumed archive's first articles are generated again (the generator is deterministic) but not written.
    for (let skipped = 0; skipped < existing; skipped++) if (messages.next().done) break;

    const meter = new StatementCpuMeter();
    if (options.statements && !(await meter.install(db.manager))) log("--statements: the server's backend processes are not readable here; not measured");
    const postgres = postgresServerPids();
    reference = await ReferenceWrites.open(baseUrl, `${schema}_reference`);
    const referenceWrites = reference;
    // What the probes cost the server in the current segment, taken out of its figures.
    let probeCost = emptyTotals();
    let probeServerSeconds = 0;
    let segmentProbes: number[] = [];
    const probeReference = async () => {
      const totalsBefore = await serverTotals(db!);
      const cpu = new ProcessCpuMeter({ postgres });
      cpu.start();
      segmentProbes.push(await meter.without(() => referenceWrites.probe()));
      probeServerSeconds += cpu.stop().postgres ?? 0;
      probeCost = addTotals(probeCost, subtractTotals(await serverTotals(db!), totalsBefore));
    };
    const gc = gcMeter();
    const cpuBefore = process.cpuUsage();
    let written = 0;
    let writingSeconds = 0;
    const points: ArchivePoint[] = [];
    let lastRoutes: RouteLatency[] = [];
    let lastBatch: EnrichedArticleV3[] = [];
    let statementsBefore: StatementCost[] = [];
    let analyzedAt = existing;
    let analyses = 0;
    log(`storing up to ${options.articles} articles in batches of ${options.batch}; points at ${options.points.join(', ')}`);
    for (const point of options.points) {
      let stored = existing + written;
      probeCost = emptyTotals();
      probeServerSeconds = 0;
      segmentProbes = [];
      const serverBefore = await serverTotals(db);
      const gcBefore = gc.total();
      const pgCpu = new ProcessCpuMeter({ postgres });
      pgCpu.start();
      // Only the writes are timed: generating the articles is this benchmark's work, not storage's.
      let seconds = 0;
      const before = stored;
      await probeReference();
      let nextProbeAt = stored + REFERENCE_EVERY;
      while (stored < point) {
        if (stored >= nextProbeAt) {
          await probeReference();
          nextProbeAt += REFERENCE_EVERY;
        }
        const batch: EnrichedArticleV3[] = [];
        while (batch.length < Math.min(options.batch, point - stored)) {
          const next = messages.next();
          if (next.done) break;
          batch.push(next.value);
        }
        if (batch.length === 0) break;
        // Statistics as autovacuum would keep them (analyze once a tenth more rows came), for a
        // server that runs without it (as the development one does): plans made without them are
        // not what a writer meets. Not timed: autovacuum analyzes beside the writers.
        if (stored >= analyzedAt * (1 + ANALYZE_SCALE_FACTOR) + ANALYZE_THRESHOLD) {
          await analyzeSchema(db, schema);
          analyzedAt = stored;
          analyses++;
        }
        const started = performance.now();
        await store.saveBatch(batch.map((message) => ({ message, traceId: null })));
        seconds += (performance.now() - started) / 1000;
        lastBatch = batch;
        stored += batch.length;
        written += batch.length;
        if (!options.json && written % 50_000 < batch.length) process.stdout.write(`  ${stored} articles stored\n`);
      }
      await probeReference();
      writingSeconds += seconds;
      const segment = stored - before;
      const segmentGcMs = gc.total() - gcBefore;
      const pgTotal = pgCpu.stop().postgres;
      const pgSeconds = pgTotal === undefined ? undefined : pgTotal - probeServerSeconds;
      const serverAfter = subtractTotals(await serverTotals(db), probeCost);
      const referenceRate = quantile([...segmentProbes].sort((a, b) => a - b), 0.5);
      const walKbPerArticle = perArticle(serverBefore, serverAfter, 'walBytes', segment, 1024);
      await analyzeSchema(db, schema);
      analyzedAt = stored;
      const [sizes] = await db.query(
        `SELECT coalesce(sum(pg_table_size(c.oid)), 0)::float8 / 1048576 AS table_mb, coalesce(sum(pg_indexes_size(c.oid)), 0)::float8 / 1048576 AS index_mb
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        [schema],
      );
      api ??= await startApi(databaseUrl);
      const bufferReads = perArticle(serverBefore, serverAfter, 'bufferReads', segment);
      const wal = `${walKbPerArticle !== null ? `${walKbPerArticle} kB of WAL per article, ` : ''}${bufferReads !== null ? `${bufferReads} buffer reads per article, ` : ''}`;
      log(`\n${stored} articles: ${segment > 0 ? `${Math.round(segment / seconds)} articles/s since the previous point (reference writes ${Math.round(referenceRate)} articles/s), ${wal}` : ''}tables ${round(sizes.table_mb, 0)} MB, indexes ${round(sizes.index_mb, 0)} MB`);
      const segmentStatements = meter.report(statementsBefore).map((cost) => ({
        statement: cost.statement,
        backendCpuMsPerArticle: round(cost.backendCpuMs / Math.max(1, segment), 3),
        wallMsPerArticle: round(cost.wallMs / Math.max(1, segment), 3),
      }));
      statementsBefore = meter.report();
      for (const cost of segmentStatements.slice(0, 8)) log(`  ${cost.backendCpuMsPerArticle.toFixed(3).padStart(7)} ms CPU, ${cost.wallMsPerArticle.toFixed(3)} ms round trip per article  ${cost.statement}`);
      lastRoutes = await measureRoutes(api.url, await sampleRoutes(db), options.requests, log);
      points.push({
        articles: stored,
        writeArticlesPerSec: segment > 0 ? Math.round(segment / seconds) : null,
        pgCpuMsPerArticle: segment > 0 && pgSeconds !== undefined ? round((pgSeconds * 1000) / segment, 3) : null,
        // The whole server's WAL (this benchmark's writes, unless something else writes meanwhile).
        walKbPerArticle,
        walFullPagesPerArticle: perArticle(serverBefore, serverAfter, 'walFullPages', segment),
        bufferReadsPerArticle: bufferReads,
        backendWritesPerArticle: perArticle(serverBefore, serverAfter, 'backendWrites', segment),
        clientGcMsPerArticle: segment > 0 ? round(segmentGcMs / segment, 3) : null,
        referenceArticlesPerSec: Math.round(referenceRate),
        tableMb: round(sizes.table_mb, 1),
        indexMb: round(sizes.index_mb, 1),
        routes: Object.fromEntries(lastRoutes.map(({ route, p50Ms, p95Ms, p99Ms }) => [route, { p50Ms, p95Ms, p99Ms }])),
        ...(segmentStatements.length > 0 ? { statements: segmentStatements } : {}),
      });
    }
    meter.uninstall();
    const cpuUsed = process.cpuUsage(cpuBefore);
    const gcMs = gc.stop();
    const statements = meter.report().map((cost) => ({
      statement: cost.statement,
      calls: cost.calls,
      backendCpuMsPerArticle: round(cost.backendCpuMs / Math.max(1, written), 3),
      wallMsPerArticle: round(cost.wallMs / Math.max(1, written), 3),
    }));
    const [rows] = await db.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM mentions)::int AS mentions,
              (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM stories)::int AS stories`,
    );
    // Redelivery of the last batch: what a consumer restart costs (idempotent upserts, no new rows).
    const redeliveryStarted = performance.now();
    if (lastBatch.length > 0) await store.saveBatch(lastBatch.map((message) => ({ message, traceId: null })));
    const redeliveryMs = lastBatch.length > 0 ? performance.now() - redeliveryStarted : null;
    // Grouping is judged on the whole archive, a resumed one included: each article's event is in its stored address.
    const grouping = options.corpus === 'generated' ? await measureGrouping(db) : null;

    const write = {
      articles: rows.articles,
      mentions: rows.mentions,
      entities: rows.entities,
      stories: rows.stories,
      batchSize: options.batch,
      written,
      // ANALYZE runs while writing (as autovacuum's would, untimed), besides those at the points.
      analyses,
      seconds: round(writingSeconds),
      articlesPerSecond: written > 0 ? Math.round(written / writingSeconds) : null,
      redeliveredBatchMs: redeliveryMs === null ? null : round(redeliveryMs),
      // This process's side of storing (the store's own code, pg, garbage collection).
      clientCpuMsPerArticle: written > 0 ? round((cpuUsed.user + cpuUsed.system) / 1000 / written, 3) : null,
      clientGcMsPerArticle: written > 0 ? round(gcMs / written, 3) : null,
    };
    log(`\nstored ${write.written} articles in ${write.seconds} s (archive: ${write.articles} articles, ${write.mentions} mentions, ${write.entities} entities)`);
    if (write.clientCpuMsPerArticle !== null) log(`this process's CPU per article stored: ${write.clientCpuMsPerArticle} ms, ${write.clientGcMsPerArticle} ms of it in garbage collection`);
    if (statements.length > 0) {
      log(`Postgres CPU per article, by statement (commits not included): ${round(statements.reduce((sum, cost) => sum + cost.backendCpuMsPerArticle, 0), 3)} ms`);
      for (const cost of statements) log(`  ${cost.backendCpuMsPerArticle.toFixed(3).padStart(7)} ms  (round trip ${cost.wallMsPerArticle.toFixed(3)} ms, ${cost.calls} calls)  ${cost.statement}`);
    }
    if (grouping) log(`stories: ${write.stories}; syndicated copies joined ${pct(grouping.syndicatedJoined)}, retold joined ${pct(grouping.retoldJoined)}, stories mixing events ${grouping.mixedStories}`);
    reportBenchResult(
      'bench:storage',
      { write, grouping, points, lastToFirst: lastToFirst(points), api: lastRoutes, ...(statements.length > 0 ? { statements } : {}) },
      { save: options.save, argv: process.argv.slice(2) },
    );
  } finally {
    await api?.stop();
    await reference?.close();
    await db?.destroy();
    if (options.schema === null) await withClient(baseUrl, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
  }
}

/**
 * ANALYZE of the benchmark's own tables: a bare ANALYZE would also read every other schema of the
 * database (other kept archives), evicting this one's pages from shared buffers before timed writes.
 */
async function analyzeSchema(db: DataSource, schema: string): Promise<void> {
  const tables: Array<{ name: string }> = await db.query(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = $1`, [schema]);
  if (tables.length > 0) await db.query(`ANALYZE ${tables.map((table) => `${schema}.${table.name}`).join(', ')}`);
}

/**
 * The server's counters that show I/O rather than CPU: WAL written and its full-page images
 * (pg_stat_wal, Postgres 14 and later), buffers this database read from outside shared buffers,
 * and buffers backends had to write out themselves to make room (pg_stat_bgwriter, before
 * Postgres 17). Each is null where the server does not have it.
 */
async function serverTotals(db: DataSource): Promise<ServerTotals> {
  const one = async (sql: string): Promise<Record<string, unknown> | null> => {
    try {
      return (await db.query(sql))[0] ?? null;
    } catch {
      return null;
    }
  };
  const wal = await one('SELECT wal_bytes::float8 AS bytes, wal_fpi::float8 AS full_pages FROM pg_stat_wal');
  const reads = await one('SELECT blks_read::float8 AS reads FROM pg_stat_database WHERE datname = current_database()');
  const writes = await one('SELECT buffers_backend::float8 AS writes FROM pg_stat_bgwriter');
  const number = (row: Record<string, unknown> | null, field: string) => (row && row[field] !== null && row[field] !== undefined ? Number(row[field]) : null);
  return { walBytes: number(wal, 'bytes'), walFullPages: number(wal, 'full_pages'), bufferReads: number(reads, 'reads'), backendWrites: number(writes, 'writes') };
}

interface ServerTotals {
  walBytes: number | null;
  walFullPages: number | null;
  bufferReads: number | null;
  backendWrites: number | null;
}

function emptyTotals(): ServerTotals {
  return { walBytes: 0, walFullPages: 0, bufferReads: 0, backendWrites: 0 };
}

function combineTotals(a: ServerTotals, b: ServerTotals, sign: 1 | -1): ServerTotals {
  const combine = (x: number | null, y: number | null) => (x === null || y === null ? null : x + sign * y);
  return {
    walBytes: combine(a.walBytes, b.walBytes),
    walFullPages: combine(a.walFullPages, b.walFullPages),
    bufferReads: combine(a.bufferReads, b.bufferReads),
    backendWrites: combine(a.backendWrites, b.backendWrites),
  };
}

const addTotals = (a: ServerTotals, b: ServerTotals) => combineTotals(a, b, 1);
const subtractTotals = (a: ServerTotals, b: ServerTotals) => combineTotals(a, b, -1);

/** A counter's growth per article over a segment, or null when the server lacks it or nothing was written. */
function perArticle(before: ServerTotals, after: ServerTotals, field: keyof ServerTotals, segment: number, scale = 1): number | null {
  const from = before[field];
  const to = after[field];
  return segment > 0 && from !== null && to !== null ? round((to - from) / scale / segment, 2) : null;
}

/**
 * A kept archive was generated for one --articles (its dates and entity pool scale with it): resuming
 * it with another would write different articles after the first ones. Recorded in the schema.
 */
async function checkSameArchive(db: DataSource, articles: number): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_archive (articles int NOT NULL)');
  const [row] = await db.query('SELECT articles FROM bench_archive');
  if (row && row.articles !== articles) throw new Error(`this schema's archive was generated for --articles ${row.articles}; resume it with that, or use another --schema`);
  if (!row) await db.query('INSERT INTO bench_archive (articles) VALUES ($1)', [articles]);
}

/** The articles to store, one at a time: generated or bench:pipeline's stories. */
function* messageSource(options: Options, wireCorpus: EnrichedArticleV3[] | null): Generator<EnrichedArticleV3> {
  if (wireCorpus) {
    yield* wireCorpus;
    return;
  }
  // Famous entities stay few while the archive grows: the pool grows with it, a twentieth of the articles.
  const entityPool = Math.max(5_000, Math.round(options.articles / 20));
  for (const article of generateArticleStream({ articles: options.articles, days: 730, chronological: true, entityPool })) yield article.message;
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
