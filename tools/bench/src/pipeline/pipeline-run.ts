import { createDataSource } from '@wirestream/db';
import { migrate, SERVICES, startPipeline, STATE_DIR, withClient, type RunningPipeline, type ServiceName, type WireStory } from '@wirestream/harness';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Options } from './bench-options';
import { expectedIds } from './in-process-run';
import { MemorySampler, type ServiceMemory } from './memory-sampler';
import { machineBusySeconds, postgresServerPids, ProcessCpuMeter } from './process-cpu';
import { round } from './run-report';
import { stageFigures, stageFiguresSince, type StageFigures } from './stage-metrics';

const DROP_POLL_MS = 100;

export interface RunFigures {
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
  /** Each service's memory over the measured run (RSS at steady state, peak, heap after GC). */
  memory: Record<string, ServiceMemory>;
}

export async function runThroughPipeline(
  label: string,
  corpus: WireStory[],
  scale: Partial<Record<ServiceName, number>>,
  options: Options & { brokers: string; baseDatabaseUrl: string; brokerPid: number | null; localPostgres: boolean; offeredPerSec: number | null; warmupCorpus: WireStory[] },
  log: (line: string) => void,
): Promise<RunFigures> {
  const namespace = `bench-${label}-${Date.now()}`;
  const schema = namespace.replace(/-/g, '_');
  const dropDir = mkdtempSync(path.join(tmpdir(), `wirestream-bench-${label}-`));
  const ids = await expectedIds(corpus, dropDir);
  const warmupIds = await expectedIds(options.warmupCorpus, dropDir);
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
    const memory = new MemorySampler(
      instances.flatMap((instance) =>
        instance.process.pid === undefined ? [] : [{ service: instance.service, pid: instance.process.pid, metricsUrl: instance.healthUrl.replace('/health/ready', '/metrics') }],
      ),
    );
    cpu.start();
    memory.start();
    const machineBefore = machineBusySeconds();
    const started = Date.now();
    await dropAndWait(corpus, warmupIds.length + ids.length, options.offeredPerSec);
    const cpuSeconds = cpu.stop();
    const memoryFigures = memory.stop();
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
    return { label, scale, stories: ids.length, offeredPerSec: options.offeredPerSec, seconds, storiesPerSec: ids.length / seconds, p50Ms, p95Ms, p99Ms, stages, cpuMsPerStory, warmupCpuMsPerStory, machineCpuMsPerStory, memory: memoryFigures };
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
