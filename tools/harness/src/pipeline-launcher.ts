import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { API_READER_ROLE } from '@wirestream/db';
import { API_SERVICE, SERVICES, serviceEntryPoint, STATE_DIR, type LaunchableService, type ServiceName } from './repo-paths';

/**
 * V8 heap settings every service runs with, here as in the Docker image (its NODE_OPTIONS, held
 * to this list by deploy-checks): a young generation of 2 × 8 MB instead of 2 × 16 MB, and an
 * old-generation limit small enough that V8 grows the heap by its small-device factor (1.3 instead
 * of up to 4) between collections. Together they kept each worker under 200 MB RSS under a full
 * run with no more CPU per story (docs/performance.md, Memory per worker); the largest document
 * the limits admit peaks at about 70 MB of heap above the ~60 MB a worker holds.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];

export interface PipelineOptions {
  /** Environment shared by every service (KAFKA_BROKERS, DATABASE_URL, FETCHER_DROP_DIR, …). */
  env: Record<string, string>;
  /** Instances per service (default 1 each). */
  scale?: Partial<Record<ServiceName, number>>;
  /** Also start the read-only query API (services/api) on the same database. */
  withApi?: boolean;
  /** Where each instance's output goes: `<logDir>/<service>-<n>.log`. */
  logDir?: string;
  readyTimeoutMs?: number;
  /** Write a V8 CPU profile of each instance into this directory when it exits (`--cpu-prof`). */
  cpuProfileDir?: string;
  /** The stages to start (default: all four). */
  services?: ServiceName[];
  /** false: return once every instance listens, ready or not (a test of a service that must stay not ready). */
  waitForReady?: boolean;
}

export interface RunningInstance {
  service: LaunchableService;
  index: number;
  process: ChildProcess;
  /** Its /health/ready URL: known once it listens, which startPipeline and restart wait for. */
  healthUrl: string;
  /** Where it writes the port it listens on (HTTP_PORT_FILE). */
  portFile: string;
  /** Where it writes its admin port (ADMIN_HTTP_PORT_FILE), written before the health port when it serves admin routes. */
  adminPortFile: string;
  logFile: string;
}

export interface RunningPipeline {
  instances: RunningInstance[];
  /** Base URL of the query API (`http://127.0.0.1:<port>`), when it was asked for. */
  apiUrl: string | null;
  /**
   * Kills every instance of a service with the signal, starts new ones (with `env` overriding the
   * pipeline's, e.g. a fixed configuration) and waits until they are ready.
   */
  restart(service: ServiceName, signal?: NodeJS.Signals, env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** Reads `stage=K[,stage=K]` (the `--scale` option of the demo and the benchmark) into instance counts. */
export function parseScale(text: string, into: Partial<Record<ServiceName, number>> = {}): Partial<Record<ServiceName, number>> {
  for (const entry of text.split(',').filter(Boolean)) {
    const [stage, count] = entry.split('=');
    if (!SERVICES.includes(stage as ServiceName)) throw new Error(`--scale: unknown stage "${stage}" (one of ${SERVICES.join(', ')})`);
    const instances = Number(count);
    if (!Number.isInteger(instances) || instances < 1) throw new Error(`--scale ${entry}: the count must be a positive integer`);
    into[stage as ServiceName] = instances;
  }
  return into;
}

/**
 * Starts each service as its own OS process, as it runs in production, and waits until every
 * instance reports ready on /health/ready. Used by the demo and the end-to-end tests.
 */
export async function startPipeline(options: PipelineOptions): Promise<RunningPipeline> {
  const logDir = options.logDir ?? path.join(STATE_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  const instances: RunningInstance[] = [];
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const launchOptions: LaunchOptions = { logDir, cpuProfileDir: options.cpuProfileDir };
  const pipeline: RunningPipeline = {
    instances,
    apiUrl: null,
    stop: () => stopInstances(instances),
    restart: async (service, signal = 'SIGKILL', env = {}) => {
      for (const [position, old] of instances.entries()) {
        if (old.service !== service) continue;
        await stopInstances([old], signal === 'SIGKILL' ? 0 : 20_000, signal);
        const fresh = launch(service, old.index, { ...options.env, ...env }, { ...launchOptions, appendLog: true });
        instances[position] = fresh;
        await waitUntilReady(fresh, readyTimeoutMs);
      }
    },
  };
  try {
    for (const service of options.services ?? SERVICES) {
      for (let index = 1; index <= (options.scale?.[service] ?? 1); index++) {
        instances.push(launch(service, index, options.env, launchOptions));
      }
    }
    if (options.withApi) {
      instances.push(launch(API_SERVICE, 1, options.env, launchOptions));
    }
    await Promise.all(instances.map((instance) => waitUntilReady(instance, readyTimeoutMs, options.waitForReady ?? true)));
    const api = instances.find((instance) => instance.service === API_SERVICE);
    if (api) pipeline.apiUrl = new URL(api.healthUrl).origin;
    return pipeline;
  } catch (error) {
    await pipeline.stop();
    throw error;
  }
}

interface LaunchOptions {
  logDir: string;
  appendLog?: boolean;
  cpuProfileDir?: string;
}

function launch(service: LaunchableService, index: number, env: Record<string, string>, options: LaunchOptions): RunningInstance {
  const logFile = path.join(options.logDir, `${service}-${index}.log`);
  const portFile = path.join(options.logDir, `${service}-${index}.port`);
  const adminPortFile = path.join(options.logDir, `${service}-${index}.admin-port`);
  rmSync(portFile, { force: true });
  rmSync(adminPortFile, { force: true });
  const log = createWriteStream(logFile, { flags: options.appendLog ? 'a' : 'w' });
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, `--cpu-prof-name=${service}-${index}.cpuprofile`] : [];
  const inherited = { ...process.env };
  // Jest sets NODE_ENV=test, and libraries behave differently for it (kafkajs's retry defaults
  // do, though every service sets its own): services launched by a test run as they do anywhere else.
  if (inherited.NODE_ENV === 'test') delete inherited.NODE_ENV;
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...profiling, serviceEntryPoint(service)], {
    env: {
      ...inherited,
      ...env,
      // A restarted fetcher keeps its name, so it takes its own source leases back at once.
      ...(service === 'fetcher' ? { FETCHER_INSTANCE_ID: `fetcher-${index}` } : {}),
      // The API reads the writers' database as its own read-only role, unless told otherwise.
      ...(service === API_SERVICE && !env.API_DATABASE_URL && env.DATABASE_URL ? { API_DATABASE_URL: asApiReader(env.DATABASE_URL) } : {}),
      HTTP_PORT: '0',
      HTTP_PORT_FILE: portFile,
      HTTP_HOST: '127.0.0.1',
      ADMIN_HTTP_PORT: '0',
      ADMIN_HTTP_PORT_FILE: adminPortFile,
      ADMIN_HTTP_HOST: '127.0.0.1',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { service, index, process: child, healthUrl: '', portFile, adminPortFile, logFile };
}

/** The same database URL as the API's read-only role (created by the migrations). */
export function asApiReader(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = API_READER_ROLE;
  url.password = '';
  return url.toString();
}

async function waitUntilReady(instance: RunningInstance, timeoutMs: number, ready = true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  try {
    const port = await listeningPort(instance.portFile, instance.process, instance.logFile, timeoutMs);
    instance.healthUrl = `http://127.0.0.1:${port}/health/ready`;
  } catch (error) {
    throw new Error(`${instance.service}-${instance.index} ${(error as Error).message}`);
  }
  if (!ready) return;
  while (Date.now() < deadline) {
    if (instance.process.exitCode !== null) {
      throw new Error(`${instance.service}-${instance.index} exited with code ${instance.process.exitCode}; see ${instance.logFile}`);
    }
    const ready = await fetch(instance.healthUrl, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`${instance.service}-${instance.index} not ready after ${timeoutMs} ms; see ${instance.logFile}`);
}

/** SIGTERM (graceful: consumers commit what is done), then SIGKILL for any that hang. */
async function stopInstances(instances: RunningInstance[], graceMs = 20_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const running = instances.filter((instance) => instance.process.exitCode === null && instance.process.signalCode === null);
  await Promise.all(
    running.map(
      (instance) =>
        new Promise<void>((resolve) => {
          const killer = setTimeout(() => instance.process.kill('SIGKILL'), graceMs);
          instance.process.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          instance.process.kill(signal);
        }),
    ),
  );
}

/**
 * The port a service started with HTTP_PORT=0 and HTTP_PORT_FILE=`portFile` listens on, once it
 * does. Picking a free port first and handing it over raced with other launches (tests run in
 * parallel): a service could fail to bind it while another answered its health checks. `output`
 * says where the service's output is, for the error.
 */
export async function listeningPort(portFile: string, child: ChildProcess, output: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(portFile)) return Number(readFileSync(portFile, 'utf8'));
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode} before listening; see ${output}`);
    await sleep(50);
  }
  throw new Error(`not listening after ${timeoutMs} ms; see ${output}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
