import { type RawDocumentV1 } from '@wirestream/contracts';
import { createDataSource } from '@wirestream/db';
import { extractArticle } from '@wirestream/extract';
import { documentsFromDroppedFile } from '@wirestream/feeds';
import { normalizeDocument } from '@wirestream/normalize';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { commandLine } from '@wirestream/harness';
import { mixedCorpus, type WireStory } from '@wirestream/harness';
import { migrate, withClient } from '@wirestream/harness';
import { parseScale, startPipeline, type RunningPipeline } from '@wirestream/harness';
import { API_SERVICE, localInfra, SERVICES, STATE_DIR, type ServiceName } from '@wirestream/harness';
import { machineBusySeconds, postgresServerPids, ProcessCpuMeter, waitUntilQuiet } from './process-cpu';

/**
 * `npm run bench:pipeline -- [--stories N] [--scale stage=K]… [--partitions P] [--runs full,paced,scaled] [--paced-rate N] [--warmup N] [--profile DIR] [--json]`
 *
 * Generates a corpus of invented wire stories (wire text, RSS feeds, HTML pages), then:
 *  1. runs the stage code in this process on it (no Kafka, no Postgres): the ceiling;
 *  2. pushes it through the running services over the real broker into Postgres, as fast as the
 *     pipeline takes it: end-to-end stories/s; then the in-process run again, and the ratio uses
 *     the mean of the two (the machine's speed drifts);
 *  3. again at half that rate: latency from fetch to stored (p50/p95/p99);
 *  4. again as fast as it goes with one more extractor instance.
 * Every pipeline run first drops a warm-up corpus of its own (`--warmup N` stories, default 2,000;
 * 0 for none) and measures from when that is stored: a pipeline that runs for weeks has its code
 * compiled (the services' V8 and the broker's JIT) and its caches filled, which one just started has not.
 * Each run has its own topic namespace, consumer groups and schema in the `wirestream_bench`
 * database, removed afterwards. With `--profile DIR`, every service instance writes a V8 CPU profile
 * to `DIR/<run>/<service>-<n>.cpuprofile` when it stops (open it in Chrome DevTools).
 * Each run also reports the CPU time every process group used per story (each stage's instances,
 * the local broker, the local Postgres server with all its processes), read from /proc at the
 * run's start and end: what Kafka and Postgres cost on top of the stage code.
 * `--runs` picks which of runs 2–4 to make (all by default; `paced` needs `full` for its rate, or
 * `--paced-rate N` stories/s).
 * The last line printed is one JSON object.
 */

const USAGE = 'bench:pipeline -- [--stories N] [--scale stage=K] [--partitions P] [--runs full,paced,scaled] [--paced-rate N] [--warmup N] [--profile DIR] [--json]';
/** Stories each pipeline run drops and waits for before it measures, by default. */
const DEFAULT_WARMUP_STORIES = 2_000;
/** Seed of the warm-up corpus: its files and articles are not the measured corpus's. */
const WARMUP_SEED = 404;
const BENCH_DATABASE = 'wirestream_bench';
const DROP_POLL_MS = 100;

interface Options {
  stories: number;
  scale: Partial<Record<ServiceName, number>>;
  partitions: number;
  json: boolean;
  /** Where each service writes its CPU profile, per run (`--profile DIR`). */
  profileDir: string | null;
  runs: Set<RunName>;
  /** The paced run's offered rate (`--paced-rate`); by default half the full run's. */
  pacedRate: number | null;
  /** Stories each pipeline run drops, unmeasured, before the measured ones (`--warmup`); 0 for none. */
  warmupStories: number;
}

const RUN_NAMES = ['full', 'paced', 'scaled'] as const;
type RunName = (typeof RUN_NAMES)[number];

interface StageFigures {
  instances: number;
  messages: number;
  busySeconds: number;
  /** Messages per second of processing time, summed over instances: what the stage could do alone. */
  perBusySecond: number;
  /** Time the instances' main threads stood in garbage collection (prom-client's nodejs_gc_duration_seconds). */
  gcSeconds: number;
  /** Units of work (see wirestream_unit_messages): messages / units is the stage's mean batch. */
  units: number;
}

/** The figures read from counters, which a run's figures are the difference of. */
type StageCounter = 'messages' | 'busySeconds' | 'gcSeconds' | 'units';

interface RunFigures {
  label: string;
  scale: Partial<Record<ServiceName, number>>;
  stories: number;
  offeredPerSec: number | null;
  seconds: number;
  storiesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  stages: Partial<Record<ServiceName, StageFigures>>;
  /** CPU milliseconds per story of each process group (stages, `kafka`, `postgres`), and their sum. */
  cpuMsPerStory: Record<string, number>;
  /** The same over the warm-up stories, which a just-started pipeline handles: null without a warm-up. */
  warmupCpuMsPerStory: Record<string, number> | null;
  /**
   * The whole machine's busy CPU per story over the run, all processes and the kernel: what the
   * groups above miss is kernel threads, this benchmark and whatever else runs here. Null where
   * /proc/stat cannot be read.
   */
  machineCpuMsPerStory: number | null;
}

function parseOptions(argv: string[]): Options {
  const valued = { type: 'string' } as const;
  const args = commandLine(
    {
      args: argv,
      options: {
        json: { type: 'boolean' },
        stories: valued,
        partitions: valued,
        scale: { type: 'string', multiple: true },
        profile: valued,
        runs: valued,
        'paced-rate': valued,
        warmup: valued,
      },
    },
    `usage: npm run ${USAGE}`,
  );
  const { values } = args;
  const scale: Partial<Record<ServiceName, number>> = {};
  for (const text of values.scale ?? []) parseScale(text, scale);
  const pacedRate = values['paced-rate'] === undefined ? null : args.integer('paced-rate', 0);
  const options: Options = {
    stories: args.integer('stories', 20_000),
    scale,
    partitions: args.integer('partitions', 6),
    json: values.json === true,
    profileDir: values.profile === undefined ? null : path.resolve(values.profile),
    runs: values.runs === undefined ? new Set(RUN_NAMES) : parseRuns(values.runs),
    pacedRate,
    warmupStories: args.integer('warmup', DEFAULT_WARMUP_STORIES, 0),
  };
  if (options.runs.has('paced') && !options.runs.has('full') && options.pacedRate === null) {
    args.fail('--runs: paced runs at half the rate full measured, so it needs full (or --paced-rate N)');
  }
  return options;
}

function parseRuns(text: string): Set<RunName> {
  const runs = text.split(',').filter(Boolean);
  for (const run of runs) if (!RUN_NAMES.includes(run as RunName)) throw new Error(`--runs: unknown run "${run}" (one of ${RUN_NAMES.join(', ')})`);
  return new Set(runs as RunName[]);
}

/** The stage code of fetch (reading dropped files), normalize and extract, in one process. */
interface InProcessFigures {
  storiesPerSec: number;
  /** Stories per second of each stage's own time. */
  stages: Record<string, number>;
}

function runInProcess(corpus: WireStory[], dropDir: string): InProcessFigures {
  const fetchedAt = new Date();
  const times = { fetch: 0, normalize: 0, extract: 0 };
  let stories = 0;
  const started = performance.now();
  for (const file of corpus) {
    let mark = performance.now();
    const documents: RawDocumentV1[] = documentsFromDroppedFile(Buffer.from(file.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
      path: path.join(dropDir, file.fileName),
      fetchedAt,
    });
    times.fetch += performance.now() - mark;
    for (const document of documents) {
      mark = performance.now();
      const article = normalizeDocument(document, { referenceDate: fetchedAt });
      times.normalize += performance.now() - mark;
      mark = performance.now();
      // As the extractor service does: entities, then quotes with their speakers.
      extractArticle(article.body, { headline: article.headline });
      times.extract += performance.now() - mark;
      stories++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    storiesPerSec: stories / seconds,
    stages: Object.fromEntries(Object.entries(times).map(([stage, ms]) => [stage, stories / (ms / 1000)])),
  };
}

function meanInProcess(...runs: InProcessFigures[]): InProcessFigures {
  const mean = (pick: (run: InProcessFigures) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    storiesPerSec: mean((run) => run.storiesPerSec),
    stages: Object.fromEntries(Object.keys(runs[0].stages).map((stage) => [stage, mean((run) => run.stages[stage])])),
  };
}

function expectedIds(corpus: WireStory[], dropDir: string): string[] {
  const fetchedAt = new Date();
  return corpus.flatMap((file) =>
    documentsFromDroppedFile(Buffer.from(file.text), {
      source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
      path: path.join(dropDir, file.fileName),
      fetchedAt,
    }).map((document) => document.articleId),
  );
}

async function runThroughPipeline(
  label: string,
  corpus: WireStory[],
  scale: Partial<Record<ServiceName, number>>,
  options: Options & { brokers: string; baseDatabaseUrl: string; brokerPid: number | null; localPostgres: boolean; offeredPerSec: number | null; warmupCorpus: WireStory[] },
  log: (line: string) => void,
): Promise<RunFigures> {
  const namespace = `bench-${label}-${Date.now()}`;
  const schema = namespace.replace(/-/g, '_');
  const dropDir = mkdtempSync(path.join(tmpdir(), `wirestream-bench-${label}-`));
  const ids = expectedIds(corpus, dropDir);
  const warmupIds = expectedIds(options.warmupCorpus, dropDir);
  await withClient(options.baseDatabaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const databaseUrl = `${options.baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let pipeline: RunningPipeline | null = null;
  let db: DataSource | null = null;
  try {
    await migrate(databaseUrl);
    db = createDataSource(databaseUrl);
    await db.initialize();
    pipeline = await startPipeline({
      env: {
        KAFKA_BROKERS: options.brokers,
        KAFKA_TOPIC_NAMESPACE: namespace,
        KAFKA_CONSUMER_GROUP_PREFIX: namespace,
        KAFKA_TOPIC_PARTITIONS: String(options.partitions),
        DATABASE_URL: databaseUrl,
        FETCHER_STATE_DATABASE_URL: databaseUrl,
        FETCHER_DROP_DIR: dropDir,
        FETCHER_DROP_POLL_MS: String(DROP_POLL_MS),
        // As a busy production drop box runs: statting 2,000 kept files every 100 ms took a third of a core.
        FETCHER_DROP_ARCHIVE: 'true',
        LOG_LEVEL: 'warn',
        OTEL_TRACES_SAMPLER: 'traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.01',
      },
      scale,
      logDir: path.join(STATE_DIR, 'logs', namespace),
      cpuProfileDir: options.profileDir ? path.join(options.profileDir, label) : undefined,
    });
    const { instances } = pipeline;
    const meter = () =>
      new ProcessCpuMeter({
        ...Object.fromEntries(SERVICES.map((service) => [service, instances.filter((instance) => instance.service === service).flatMap((instance) => instance.process.pid ?? [])])),
        kafka: options.brokerPid === null ? [] : [options.brokerPid],
        postgres: options.localPostgres ? postgresServerPids() : [],
      });
    const dropAndWait = async (what: WireStory[], count: number, offeredPerSec: number | null) => {
      await dropFiles(what, dropDir, offeredPerSec);
      const timeoutMs = 120_000 + count * 20;
      const stored = await waitForCount(db!, count, timeoutMs);
      if (stored < count) throw new Error(`${label}: only ${stored} of ${count} stories stored within ${timeoutMs / 1000} s; see ${path.join(STATE_DIR, 'logs', namespace)}`);
    };
    const perStory = (cpuSeconds: Record<string, number>, stories: number) => {
      const figures = Object.fromEntries(Object.entries(cpuSeconds).map(([group, used]) => [group, round((used * 1000) / stories, 100)]));
      figures.total = round((Object.values(cpuSeconds).reduce((sum, used) => sum + used, 0) * 1000) / stories, 100);
      return figures;
    };
    const ready = instances.map((instance) => `${instance.service}-${instance.index}`).join(' ');
    let warmupCpuMsPerStory: Record<string, number> | null = null;
    let stagesBefore: Partial<Record<ServiceName, StageFigures>> = {};
    if (warmupIds.length > 0) {
      log(`${label}: ${ready} ready; warming up with ${warmupIds.length} stories (not measured)`);
      const warmupCpu = meter();
      warmupCpu.start();
      await dropAndWait(options.warmupCorpus, warmupIds.length, null);
      warmupCpuMsPerStory = perStory(warmupCpu.stop(), warmupIds.length);
      stagesBefore = await stageFigures(pipeline);
    }
    log(`${label}: ${ready} ready; dropping ${ids.length} stories in ${corpus.length} files${options.offeredPerSec ? ` at ${Math.round(options.offeredPerSec)} stories/s` : ''}`);
    const cpu = meter();
    cpu.start();
    const machineBefore = machineBusySeconds();
    const started = Date.now();
    await dropAndWait(corpus, warmupIds.length + ids.length, options.offeredPerSec);
    const cpuSeconds = cpu.stop();
    const machineAfter = machineBusySeconds();
    const machineCpuMsPerStory = machineBefore === null || machineAfter === null ? null : round(((machineAfter - machineBefore) * 1000) / ids.length, 100);
    const [row] = await db.query(
      `SELECT extract(epoch FROM max(stored_at)) * 1000 AS last_stored_ms,
              percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - fetched_at) * 1000) AS latency
         FROM articles WHERE article_id = ANY($1::text[])`,
      [ids],
    );
    const seconds = (Number(row.last_stored_ms) - started) / 1000;
    const [p50Ms, p95Ms, p99Ms] = (row.latency as number[]).map((value) => Math.round(value));
    const stages = stageFiguresSince(stagesBefore, await stageFigures(pipeline));
    const cpuMsPerStory = perStory(cpuSeconds, ids.length);
    return { label, scale, stories: ids.length, offeredPerSec: options.offeredPerSec, seconds, storiesPerSec: ids.length / seconds, p50Ms, p95Ms, p99Ms, stages, cpuMsPerStory, warmupCpuMsPerStory, machineCpuMsPerStory };
  } finally {
    await pipeline?.stop();
    await db?.destroy();
    await withClient(options.baseDatabaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    await deleteTopics(options.brokers, namespace);
    rmSync(dropDir, { recursive: true, force: true });
  }
}

/** Writes each file under a temporary name and renames it, as a well-behaved sender does; paced when a rate is given. */
async function dropFiles(corpus: WireStory[], dropDir: string, storiesPerSec: number | null): Promise<void> {
  const started = Date.now();
  let sent = 0;
  for (const file of corpus) {
    const target = path.join(dropDir, file.fileName);
    writeFileSync(`${target}.part`, file.text);
    renameSync(`${target}.part`, target);
    sent += file.fileName.startsWith('feed-') ? (file.text.match(/<item>/g)?.length ?? 1) : 1;
    if (storiesPerSec) {
      const due = started + (sent / storiesPerSec) * 1000;
      if (due > Date.now() + 20) await sleep(due - Date.now());
    }
  }
}

async function waitForCount(db: DataSource, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let unchangedPolls = 0;
  let lastInserted = -1;
  for (;;) {
    // Counting the rows scans the articles table of the Postgres the run measures: 85-150 ms at
    // 15,000 stories during a run, twice a second, charged to Postgres and taken from the pipeline.
    // The table's insert counter is read instead, and the rows are counted once it says they may all
    // be there. A busy backend publishes its counts at most once a second, and one that has just
    // gone idle up to 10 s later (PGSTAT_IDLE_INTERVAL), so the rows are also counted once the
    // counter has stood still for two seconds.
    const [{ inserted }] = await db.query(`SELECT coalesce(n_tup_ins, 0)::int AS inserted FROM pg_stat_user_tables WHERE relid = 'articles'::regclass`);
    unchangedPolls = inserted === lastInserted ? unchangedPolls + 1 : 0;
    lastInserted = inserted;
    if (inserted >= count || unchangedPolls >= STILL_COUNTER_POLLS || Date.now() > deadline) {
      const [{ stored }] = await db.query('SELECT count(*)::int AS stored FROM articles');
      if (stored >= count || Date.now() > deadline) return stored;
      unchangedPolls = 0;
    }
    await sleep(COUNT_POLL_MS);
  }
}

const COUNT_POLL_MS = 500;
/** Polls of an unchanged insert counter after which the rows are counted anyway (see waitForCount). */
const STILL_COUNTER_POLLS = 4;

/** Per stage: messages handled and processing seconds, from each instance's Prometheus metrics. */
async function stageFigures(pipeline: RunningPipeline): Promise<Partial<Record<ServiceName, StageFigures>>> {
  const figures: Partial<Record<ServiceName, StageFigures>> = {};
  for (const instance of pipeline.instances) {
    if (instance.service === API_SERVICE) continue;
    const text = await fetch(instance.healthUrl.replace('/health/ready', '/metrics')).then((response) => response.text());
    const stage = (figures[instance.service] ??= { instances: 0, messages: 0, busySeconds: 0, perBusySecond: 0, gcSeconds: 0, units: 0 });
    stage.instances++;
    stage.messages += sumMetric(text, instance.service === 'fetcher' ? 'wirestream_messages_produced_total' : 'wirestream_messages_consumed_total');
    stage.busySeconds += sumMetric(text, 'wirestream_processing_seconds_sum');
    stage.gcSeconds += sumMetric(text, 'nodejs_gc_duration_seconds_sum');
    stage.units += sumMetric(text, 'wirestream_unit_messages_count');
  }
  for (const stage of Object.values(figures)) stage.perBusySecond = stage.busySeconds > 0 ? stage.messages / stage.busySeconds : 0;
  return figures;
}

/** Each stage's figures for what it handled between two readings of its metrics. */
function stageFiguresSince(
  before: Partial<Record<ServiceName, StageFigures>>,
  after: Partial<Record<ServiceName, StageFigures>>,
): Partial<Record<ServiceName, StageFigures>> {
  const figures: Partial<Record<ServiceName, StageFigures>> = {};
  for (const [service, now] of Object.entries(after) as Array<[ServiceName, StageFigures]>) {
    const since = (counter: StageCounter) => now[counter] - (before[service]?.[counter] ?? 0);
    const [messages, busySeconds, gcSeconds, units] = [since('messages'), since('busySeconds'), since('gcSeconds'), since('units')];
    figures[service] = { instances: now.instances, messages, busySeconds, perBusySecond: busySeconds > 0 ? messages / busySeconds : 0, gcSeconds, units };
  }
  return figures;
}

function sumMetric(exposition: string, name: string): number {
  let total = 0;
  for (const line of exposition.split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  }
  return total;
}

async function deleteTopics(brokers: string, namespace: string): Promise<void> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeScale(scale: Partial<Record<ServiceName, number>>): string {
  return SERVICES.map((service) => `${service}=${scale[service] ?? 1}`).join(' ');
}

function printRun(run: RunFigures): void {
  console.log(
    `\n${run.label} (${describeScale(run.scale)}${run.offeredPerSec ? `, offered ${Math.round(run.offeredPerSec)} stories/s` : ', as fast as it goes'}): ` +
      `${run.stories} stories in ${run.seconds.toFixed(1)} s = ${run.storiesPerSec.toFixed(0)} stories/s; ` +
      `latency fetch→stored p50 ${run.p50Ms} ms, p95 ${run.p95Ms} ms, p99 ${run.p99Ms} ms`,
  );
  const cpuLine = (figures: Record<string, number>) => Object.entries(figures).map(([group, ms]) => `${group} ${ms.toFixed(2)}`).join(', ');
  console.log(`  CPU ms per story: ${cpuLine(run.cpuMsPerStory)}`);
  if (run.machineCpuMsPerStory !== null) {
    const outside = run.machineCpuMsPerStory - run.cpuMsPerStory.total;
    console.log(`  whole machine: ${run.machineCpuMsPerStory.toFixed(2)} ms per story, ${outside.toFixed(2)} of it outside these groups (kernel threads, this benchmark, other processes)`);
  }
  if (run.warmupCpuMsPerStory) console.log(`  (warm-up, just started: ${cpuLine(run.warmupCpuMsPerStory)})`);
  console.log('  stage        instances  messages  busy s   msgs per busy s   GC ms per story   msgs per unit');
  for (const service of SERVICES) {
    const stage = run.stages[service];
    if (!stage) continue;
    console.log(
      `  ${service.padEnd(12)} ${String(stage.instances).padStart(9)} ${String(stage.messages).padStart(9)} ${stage.busySeconds.toFixed(1).padStart(7)} ${stage.perBusySecond > 0 ? stage.perBusySecond.toFixed(0).padStart(17) : '                -'} ${(run.stories > 0 ? (stage.gcSeconds * 1000) / run.stories : 0).toFixed(3).padStart(17)} ${stage.units > 0 ? (stage.messages / stage.units).toFixed(1).padStart(15) : '              -'}`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => console.log(`[bench] ${line}`);
  const infra = localInfra();
  const kafka = await infra.ensureKafka({ log });
  try {
    if (!process.env.DATABASE_URL) await infra.ensureDatabases([BENCH_DATABASE], { log });
    const baseDatabaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${BENCH_DATABASE}`;
    // null for an external broker (KAFKA_BROKERS): its CPU is not this machine's to count.
    const brokerPid = (await infra.kafkaStatus()).pid;
    // The whole server's CPU is counted (every backend, autovacuum, the checkpointer): only when it is this machine's.
    const localPostgres = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(baseDatabaseUrl).hostname);
    // One warm-up corpus for every run (each run has its own schema and topics).
    const warmupCorpus = options.warmupStories > 0 ? mixedCorpus(options.warmupStories, WARMUP_SEED) : [];
    const common = { ...options, brokers: kafka.brokers, baseDatabaseUrl, brokerPid, localPostgres, warmupCorpus };
    mkdirSync(STATE_DIR, { recursive: true });

    const corpus = mixedCorpus(options.stories, 101);
    const inProcessBefore = runInProcess(corpus, path.join(tmpdir(), 'wirestream-bench'));
    log(`in-process (fetch + normalize + extract, one core): ${inProcessBefore.storiesPerSec.toFixed(0)} stories/s`);

    const full = options.runs.has('full') ? await runThroughPipeline('full', corpus, options.scale, { ...common, offeredPerSec: null }, log) : null;
    if (full) printRun(full);
    // This machine's speed drifts by a fifth over minutes (shared hosts): the ratio compares the
    // full run with the mean of in-process runs just before and just after it, the second once the
    // services have stopped and Postgres and the broker have settled (autovacuum, checkpoint, log clean-up).
    if (full) await waitUntilQuiet([...(localPostgres ? postgresServerPids() : []), ...(brokerPid === null ? [] : [brokerPid])]);
    const inProcessAfter = full ? runInProcess(corpus, path.join(tmpdir(), 'wirestream-bench')) : null;
    if (inProcessAfter) log(`in-process again, after the full run: ${inProcessAfter.storiesPerSec.toFixed(0)} stories/s`);
    const inProcess = inProcessAfter ? meanInProcess(inProcessBefore, inProcessAfter) : inProcessBefore;
    const paced =
      options.runs.has('paced')
        ? await runThroughPipeline('paced', mixedCorpus(options.stories, 202), options.scale, { ...common, offeredPerSec: options.pacedRate ?? full!.storiesPerSec / 2 }, log)
        : null;
    if (paced) printRun(paced);
    const scaledScale = { ...options.scale, extractor: (options.scale.extractor ?? 1) + 1 };
    const scaled = options.runs.has('scaled') ? await runThroughPipeline('scaled', mixedCorpus(options.stories, 303), scaledScale, { ...common, offeredPerSec: null }, log) : null;
    if (scaled) printRun(scaled);

    const ratio = full ? full.storiesPerSec / inProcess.storiesPerSec : null;
    console.log(
      `\nin-process ${inProcess.storiesPerSec.toFixed(0)} stories/s (fetch ${inProcess.stages.fetch.toFixed(0)}, normalize ${inProcess.stages.normalize.toFixed(0)}, extract ${inProcess.stages.extract.toFixed(0)} stories/s alone)` +
        (full && ratio !== null ? `; pipeline ${full.storiesPerSec.toFixed(0)} stories/s = ${(ratio * 100).toFixed(0)}% of in-process` : ''),
    );
    const result = {
      stories: full?.stories ?? scaled?.stories ?? null,
      storiesPerSec: full ? round(full.storiesPerSec) : null,
      p50Ms: paced?.p50Ms ?? null,
      p95Ms: paced?.p95Ms ?? null,
      p99Ms: paced?.p99Ms ?? null,
      latencyAtStoriesPerSec: paced ? round(paced.offeredPerSec ?? 0) : null,
      inProcessStoriesPerSec: round(inProcess.storiesPerSec),
      inProcessRuns: [inProcessBefore, inProcessAfter].filter((run) => run !== null).map((run) => round(run.storiesPerSec)),
      pipelineToInProcess: ratio === null ? null : round(ratio, 100),
      stages: full ? Object.fromEntries(Object.entries(full.stages).map(([stage, figures]) => [stage, { ...figures, busySeconds: round(figures.busySeconds), perBusySecond: round(figures.perBusySecond), gcSeconds: round(figures.gcSeconds, 100) }])) : null,
      cpuMsPerStory: full?.cpuMsPerStory ?? null,
      machineCpuMsPerStory: full?.machineCpuMsPerStory ?? null,
      warmupStories: options.warmupStories,
      warmupCpuMsPerStory: full?.warmupCpuMsPerStory ?? null,
      scaled: scaled
        ? { scale: describeScale(scaled.scale), storiesPerSec: round(scaled.storiesPerSec), p50Ms: scaled.p50Ms, p95Ms: scaled.p95Ms, p99Ms: scaled.p99Ms, cpuMsPerStory: scaled.cpuMsPerStory, machineCpuMsPerStory: scaled.machineCpuMsPerStory }
        : null,
    };
    if (!options.json) console.log('');
    console.log(JSON.stringify(result));
  } finally {
    if (kafka.startedByUs) await infra.stopKafka({ log });
  }
}

function round(value: number, scale = 10): number {
  return Math.round(value * scale) / scale;
}

main().catch((error: unknown) => {
  console.error(`bench:pipeline failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
