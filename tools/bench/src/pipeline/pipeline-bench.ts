import { localInfra, mixedCorpus, reportBenchResult, STATE_DIR } from '@wirestream/harness';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BENCH_DATABASE, parseOptions, WARMUP_SEED } from './bench-options';
import { runFullChainInProcess, type FullChainFigures } from './full-chain-run';
import { meanInProcess, runInProcess } from './in-process-run';
import { runThroughPipeline } from './pipeline-run';
import { postgresServerPids, waitUntilQuiet } from './process-cpu';
import { describeScale, printRun, round } from './run-report';


/**
 * `npm run bench:pipeline -- [--stories N] [--scale stage=K]… [--partitions P] [--runs full,paced,scaled] [--paced-rate N] [--warmup N] [--profile DIR] [--json]`
 *
 * Generates a corpus of invented wire stories (wire text, RSS feeds, HTML pages), then:
 *  1. runs the stage code in this process on it (no Kafka, no Postgres), and the full chain in
 *     this process: fetch, normalize, extract and store through the same ArticleStore into the
 *     same Postgres, in batches as storage writes — the same work without the distribution;
 *  2. pushes it through the running services over the real broker into Postgres, as fast as the
 *     pipeline takes it: end-to-end stories/s, and each service's memory; then both in-process
 *     runs again, and the ratio to the full chain uses the mean of the two (the machine's speed drifts);
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
    const inProcessBefore = await runInProcess(corpus, path.join(tmpdir(), 'wirestream-bench'));
    log(`in-process (fetch + normalize + extract, one core): ${inProcessBefore.storiesPerSec.toFixed(0)} stories/s`);
    const fullChainOptions = { baseDatabaseUrl, postgresPids: localPostgres ? postgresServerPids() : [] };
    const fullChainBefore = options.runs.has('full') ? await runFullChainInProcess(corpus, warmupCorpus, { ...fullChainOptions, label: 'before' }) : null;
    if (fullChainBefore) log(`full chain in process (fetch + normalize + extract + store into Postgres): ${fullChainBefore.storiesPerSec.toFixed(0)} stories/s, ${fullChainBefore.cpuMsPerStory.total} ms CPU per story`);

    const full = options.runs.has('full') ? await runThroughPipeline('full', corpus, options.scale, { ...common, offeredPerSec: null }, log) : null;
    if (full) printRun(full);
    // This machine's speed drifts by a fifth over minutes (shared hosts): the ratio compares the
    // full run with the mean of in-process runs just before and just after it, the second once the
    // services have stopped and Postgres and the broker have settled (autovacuum, checkpoint, log clean-up).
    if (full) await waitUntilQuiet([...(localPostgres ? postgresServerPids() : []), ...(brokerPid === null ? [] : [brokerPid])]);
    const inProcessAfter = full ? await runInProcess(corpus, path.join(tmpdir(), 'wirestream-bench')) : null;
    if (inProcessAfter) log(`in-process again, after the full run: ${inProcessAfter.storiesPerSec.toFixed(0)} stories/s`);
    const inProcess = inProcessAfter ? meanInProcess(inProcessBefore, inProcessAfter) : inProcessBefore;
    const fullChainAfter = full ? await runFullChainInProcess(corpus, warmupCorpus, { ...fullChainOptions, label: 'after' }) : null;
    if (fullChainAfter) log(`full chain in process again, after the full run: ${fullChainAfter.storiesPerSec.toFixed(0)} stories/s`);
    const fullChain = fullChainBefore && fullChainAfter ? meanFullChain(fullChainBefore, fullChainAfter) : null;
    const paced =
      options.runs.has('paced')
        ? await runThroughPipeline('paced', mixedCorpus(options.stories, 202), options.scale, { ...common, offeredPerSec: options.pacedRate ?? full!.storiesPerSec / 2 }, log)
        : null;
    if (paced) printRun(paced);
    const scaledScale = { ...options.scale, extractor: (options.scale.extractor ?? 1) + 1 };
    const scaled = options.runs.has('scaled') ? await runThroughPipeline('scaled', mixedCorpus(options.stories, 303), scaledScale, { ...common, offeredPerSec: null }, log) : null;
    if (scaled) printRun(scaled);

    const ratio = full && fullChain ? full.storiesPerSec / fullChain.storiesPerSec : null;
    console.log(
      `\nin-process ${inProcess.storiesPerSec.toFixed(0)} stories/s (fetch ${inProcess.stages.fetch.toFixed(0)}, normalize ${inProcess.stages.normalize.toFixed(0)}, extract ${inProcess.stages.extract.toFixed(0)} stories/s alone)` +
        (full && fullChain && ratio !== null
          ? `; full chain in process ${fullChain.storiesPerSec.toFixed(0)} stories/s (${fullChain.cpuMsPerStory.total} ms CPU per story); pipeline ${full.storiesPerSec.toFixed(0)} stories/s (${full.cpuMsPerStory.total} ms) = ${(ratio * 100).toFixed(0)}% of the full chain`
          : ''),
    );
    if (full) console.log(`memory per service (steady RSS / peak / heap after GC, MB): ${Object.entries(full.memory).map(([service, memory]) => `${service} ${memory.rssMb} / ${memory.rssPeakMb} / ${memory.heapAfterGcMb ?? '?'}`).join('; ')}`);
    const result = {
      stories: full?.stories ?? scaled?.stories ?? null,
      storiesPerSec: full ? round(full.storiesPerSec) : null,
      p50Ms: paced?.p50Ms ?? null,
      p95Ms: paced?.p95Ms ?? null,
      p99Ms: paced?.p99Ms ?? null,
      latencyAtStoriesPerSec: paced ? round(paced.offeredPerSec ?? 0) : null,
      inProcessStoriesPerSec: round(inProcess.storiesPerSec),
      inProcessRuns: [inProcessBefore, inProcessAfter].filter((run) => run !== null).map((run) => round(run.storiesPerSec)),
      fullChainInProcessStoriesPerSec: fullChain ? round(fullChain.storiesPerSec) : null,
      fullChainRuns: [fullChainBefore, fullChainAfter].filter((run) => run !== null).map((run) => round(run.storiesPerSec)),
      fullChainCpuMsPerStory: fullChain?.cpuMsPerStory ?? null,
      pipelineToFullChain: ratio === null ? null : round(ratio, 100),
      rssMb: full ? Object.fromEntries(Object.entries(full.memory).map(([service, memory]) => [service, memory.rssMb])) : null,
      memory: full?.memory ?? null,
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
    reportBenchResult('bench:pipeline', result, { save: options.save, argv: process.argv.slice(2) });
  } finally {
    if (kafka.startedByUs) await infra.stopKafka({ log });
  }
}

function meanFullChain(...runs: FullChainFigures[]): FullChainFigures {
  const mean = (pick: (run: FullChainFigures) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    storiesPerSec: mean((run) => run.storiesPerSec),
    cpuMsPerStory: Object.fromEntries(Object.keys(runs[0].cpuMsPerStory).map((group) => [group, round(mean((run) => run.cpuMsPerStory[group]), 100)])),
  };
}

main().catch((error: unknown) => {
  console.error(`bench:pipeline failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
