import { documentsFromDroppedFile } from '@wirestream/feeds';
import { ApiKeyStore, createDataSource } from '@wirestream/db';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  commandLine,
  localInfra,
  migrate,
  parseScale,
  REPO_ROOT,
  type RunningPipeline,
  type ServiceName,
  SERVICES,
  startPipeline,
  STATE_DIR,
  summarizeArticles,
  type TraceSummary,
  waitForArticles,
  waitForTrace,
} from '@wirestream/harness';
import { apiTour } from './api-tour';
import { formatArticleTable } from './print-table';

const DEMO_DATABASE = 'wirestream';
const DEFAULT_SAMPLES_DIR = path.join(REPO_ROOT, 'samples', 'stories');
const STORED_TIMEOUT_MS = 120_000;
const DEMO_API_KEY = 'wirestream-demo';
/** Services export spans in batches; the last ones of a story reach the viewer within a few seconds. */
const TRACE_WAIT_MS = 20_000;
const USAGE = 'usage: npm run demo -- [directory] [--scale stage=K,…] [--traces [--keep-viewer]]';

/**
 * `npm run demo [-- <directory of stories>] [--scale stage=K,…] [--traces [--keep-viewer]]`: starts what is not
 * running (broker, database, migrations, the four services and the query API as separate processes; with
 * --traces the trace viewer, which the services export to), drops the stories into the fetcher's directory,
 * waits until every one is stored, prints what Postgres holds (and each story's trace URL), and stops what it
 * started — the trace viewer too, unless --keep-viewer.
 */
async function main(): Promise<number> {
  const { samplesDir, scale, traces, keepViewer } = parseArguments(process.argv.slice(2));
  const log = (line: string) => console.log(`[demo] ${line}`);
  const infra = localInfra();
  const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${DEMO_DATABASE}`;

  const kafka = await infra.ensureKafka({ log });
  let pipeline: RunningPipeline | null = null;
  let viewer: Awaited<ReturnType<typeof infra.ensureTraceViewer>> | null = null;
  try {
    if (traces) viewer = await infra.ensureTraceViewer({ log });
    // Short export batches, so each story's spans reach the viewer within a second or two.
    const traceEnv = viewer ? { ...viewer.exportEnv, OTEL_BSP_SCHEDULE_DELAY: '500' } : {};
    if (!process.env.DATABASE_URL) await infra.ensureDatabases([DEMO_DATABASE], { log });
    await migrate(databaseUrl);
    log('database migrated');

    const dropDir = path.join(STATE_DIR, 'demo', 'drop');
    rmSync(dropDir, { recursive: true, force: true });
    mkdirSync(dropDir, { recursive: true });
    const files = readdirSync(samplesDir)
      .filter((name) => !name.startsWith('.') && statSync(path.join(samplesDir, name)).isFile())
      .sort();
    if (files.length === 0) throw new Error(`no story files in ${samplesDir}`);

    // The ids the pipeline will assign, computed by the same pure code the fetcher runs.
    const fetchedAt = new Date();
    const expectedIds: string[] = [];
    for (const name of files) {
      const documents = await documentsFromDroppedFile(readFileSync(path.join(samplesDir, name)), {
        source: { id: 'file-drop', kind: 'file-drop', uri: dropDir },
        path: path.join(dropDir, name),
        fetchedAt,
      });
      expectedIds.push(...documents.map((document) => document.articleId));
    }

    log(`starting the four services and the query API (logs in ${path.join(STATE_DIR, 'logs')})`);
    pipeline = await startPipeline({
      // The fetcher keeps its state in memory here (no FETCHER_STATE_DATABASE_URL): each demo run
      // ingests the samples again, and storage updates them in place without adding rows.
      env: { KAFKA_BROKERS: kafka.brokers, DATABASE_URL: databaseUrl, FETCHER_DROP_DIR: dropDir, FETCHER_DROP_POLL_MS: '300', ...traceEnv },
      scale,
      withApi: true,
    });

    const since = new Date();
    files.forEach((name) => copyFileSync(path.join(samplesDir, name), path.join(dropDir, name)));
    log(`dropped ${files.length} file(s) from ${samplesDir}: ${expectedIds.length} stor${expectedIds.length === 1 ? 'y' : 'ies'} expected`);

    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    // The API runs as it does anywhere (API_AUTH=keys): the demo makes itself a key and revokes it when done.
    const keys = new ApiKeyStore(dataSource);
    await keys.revoke(DEMO_API_KEY);
    const { token } = await keys.create(DEMO_API_KEY);
    log(`API_AUTH=keys: created API key "${DEMO_API_KEY}" for this run (revoked when it stops)`);
    try {
      const missing = await waitForArticles(dataSource, [...new Set(expectedIds)], since, STORED_TIMEOUT_MS);
      if (missing.length > 0) {
        log(`not stored within ${STORED_TIMEOUT_MS / 1000} s: ${missing.join(', ')} (see the dead-letter topics and the service logs)`);
        return 1;
      }
      log(`stored ${new Set(expectedIds).size} article(s) in ${((Date.now() - since.getTime()) / 1000).toFixed(1)} s\n`);
      const articles = await summarizeArticles(dataSource, [...new Set(expectedIds)]);
      const traceLinks = viewer ? await traceLinksOf(viewer, articles.map((article) => article.traceId)) : undefined;
      console.log(formatArticleTable(articles, traceLinks));
      console.log('');
      if (viewer) {
        log(`each story's trace is in the viewer at ${viewer.uiUrl}: spans of ${SERVICES.join(', ')} under one trace id`);
        if (viewer.startedByUs && !keepViewer) log('the viewer stops with the demo: run with --keep-viewer to open the links afterwards');
      }
      (await apiTour(pipeline.apiUrl!, token, [...new Set(expectedIds)])).forEach((line) => log(line));
    } finally {
      await keys.revoke(DEMO_API_KEY);
      await dataSource.destroy();
    }
    return 0;
  } finally {
    if (pipeline) {
      log('stopping the services');
      await pipeline.stop();
    }
    if (kafka.startedByUs) await infra.stopKafka({ log });
    if (viewer?.startedByUs && !keepViewer) await infra.stopTraceViewer({ log });
    else if (viewer) log(`the trace viewer keeps running at ${viewer.uiUrl} (\`npm run infra:down\` stops it)`);
  }
}

/** Each story's trace URL, with the services the viewer has spans from once they all arrived (or the wait ended). */
async function traceLinksOf(
  viewer: { traceUrl: (id: string) => string; traceApiUrl: (id: string) => string },
  traceIds: Array<string | null>,
): Promise<string[]> {
  const expected = SERVICES.map((service) => `wirestream-${service}`);
  return Promise.all(
    traceIds.map(async (traceId) => {
      if (!traceId) return '— (no trace id stored)';
      const trace: TraceSummary | null = await waitForTrace(viewer.traceApiUrl(traceId), expected, TRACE_WAIT_MS);
      const missing = expected.filter((service) => !trace?.services.includes(service));
      return missing.length === 0 ? viewer.traceUrl(traceId) : `${viewer.traceUrl(traceId)} (no spans yet from ${missing.join(', ')})`;
    }),
  );
}

interface DemoArguments {
  samplesDir: string;
  scale: Partial<Record<ServiceName, number>>;
  traces: boolean;
  keepViewer: boolean;
}

function parseArguments(argv: string[]): DemoArguments {
  const args = commandLine(
    {
      args: argv,
      options: { scale: { type: 'string', multiple: true }, traces: { type: 'boolean' }, 'keep-viewer': { type: 'boolean' } },
      allowPositionals: true,
    },
    USAGE,
  );
  if (args.values['keep-viewer'] && !args.values.traces) args.fail('--keep-viewer goes with --traces');
  if (args.positionals.length > 1) args.fail(`one samples directory at most, got ${args.positionals.length}`);
  const scale: Partial<Record<ServiceName, number>> = {};
  for (const text of args.values.scale ?? []) parseScale(text, scale);
  return {
    samplesDir: args.positionals.length === 1 ? path.resolve(args.positionals[0]) : DEFAULT_SAMPLES_DIR,
    scale,
    traces: Boolean(args.values.traces),
    keepViewer: Boolean(args.values['keep-viewer']),
  };
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[demo] failed: ${error.message}`);
    process.exit(1);
  },
);
