import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lastLines, readFileOrNull, removeFile } from '../file-helpers';
import type { Log } from '../infra-log';
import { sleep } from '../timing';
import { errorCode, InfraError } from '../infra-error';
import { KAFKA_DIR, paths, relativeToRepo } from '../state-paths';
import { LOCAL_HOST, type KafkaPorts } from './broker-address';
import { clusterIdForDataDir, formatStorage } from './broker-storage';
import { ensureKafkaJars } from './kafka-jars';
import { advertisedBrokerPort, serverPropertiesText } from './server-properties';
import { canConnect, HAS_PROC, isProcessAlive, javaExecutable, POLL_INTERVAL_MS, waitForExit } from '../system-processes';

export const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_LINES = 40;

// Kafka's default JVM flags (bin/kafka-run-class.sh), with a smaller heap than its 512m/1g:
// the broker shares small dev and CI machines with everything else.
const BROKER_JVM_FLAGS = [
  '-Xms256m',
  '-Xmx768m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-Djava.awt.headless=true',
];

export function tailOfBrokerLog(): string {
  const text = readFileOrNull(paths.log);
  if (!text || !text.trim()) return `(${relativeToRepo(paths.log)} is empty)`;
  return `Last lines of ${relativeToRepo(paths.log)}:\n${lastLines(text, LOG_TAIL_LINES)}`;
}

/** Guards against a recycled pid: only a `java … kafka.Kafka …` process counts as our broker. */
export function isKafkaBrokerProcess(pid: number): boolean {
  if (!HAS_PROC) return true; // no way to tell: trust the pid file
  const cmdline = readFileOrNull(`/proc/${pid}/cmdline`);
  return cmdline !== null && cmdline.split('\0').includes('kafka.Kafka');
}

/** The pid this repository's state dir records for its broker, alive or not. */
export function readPidFile(): number | null {
  const text = readFileOrNull(paths.pid);
  const pid = text === null ? NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function removePidFile(): void {
  removeFile(paths.pid);
}

/** The pid of the broker this repository started, if it is still alive; null otherwise. */
export function runningBrokerPid(): number | null {
  const pid = readPidFile();
  return pid !== null && isProcessAlive(pid) && isKafkaBrokerProcess(pid) ? pid : null;
}

/** The broker port the running broker was started with (its server.properties is written per start). */
export function runningBrokerPort(): number | null {
  return advertisedBrokerPort(readFileOrNull(paths.serverProperties));
}

export type PortWaitOutcome = 'ready' | 'exited' | 'timeout';

/** Waits for the broker port: 'ready', 'exited' (process gone) or 'timeout'. */
export async function waitForBrokerPort(pid: number, port: number, hasExited: () => boolean): Promise<PortWaitOutcome> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (hasExited() || !isProcessAlive(pid)) return 'exited';
    if (await canConnect(LOCAL_HOST, port)) return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await sleep(POLL_INTERVAL_MS);
  }
}

export async function killBroker(pid: number, log: Log): Promise<void> {
  process.kill(pid, 'SIGTERM'); // Kafka shuts down cleanly on SIGTERM
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(`Kafka (pid ${pid}) did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; sending SIGKILL.`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if (errorCode(err) !== 'ESRCH') throw err;
  }
  await waitForExit(pid, 5000);
}

type BrokerExit = { code: number | null; signal: NodeJS.Signals | null } | { error: Error };

export function describeBrokerExit(exit: BrokerExit | null): string {
  if (!exit || 'error' in exit) return 'exited';
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

/** Resolves the jars, writes the configuration, formats the data dir if new, and starts the broker detached. */
export async function startBroker(ports: KafkaPorts, log: Log): Promise<number> {
  const java = javaExecutable();
  log(`Starting Kafka at ${LOCAL_HOST}:${ports.broker}…`);
  await ensureKafkaJars(log);

  fs.mkdirSync(paths.data, { recursive: true });
  fs.writeFileSync(paths.serverProperties, serverPropertiesText(ports, paths.data));
  const { clusterId, needsFormat } = clusterIdForDataDir(log);
  if (needsFormat) {
    log(`Formatting ${relativeToRepo(paths.data)} (cluster id ${clusterId})…`);
    await formatStorage(java, clusterId);
  }

  if (fs.existsSync(paths.log)) fs.renameSync(paths.log, paths.previousLog);
  const logFd = fs.openSync(paths.log, 'a');
  const child = spawn(
    java,
    [
      ...BROKER_JVM_FLAGS,
      `-Dlog4j.configuration=file:${paths.log4jConfig}`,
      '-cp',
      path.join(paths.libs, '*'), // expanded by java itself, not by a shell
      'kafka.Kafka',
      paths.serverProperties,
    ],
    { cwd: KAFKA_DIR, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);
  let exit: BrokerExit | null = null;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  child.once('error', (error) => (exit = { error }));
  child.unref(); // the broker outlives this process
  if (!child.pid) {
    await sleep(0); // let the 'error' event arrive
    const reason = exit && 'error' in exit ? (exit as { error: Error }).error.message : 'unknown error';
    throw new InfraError(`Could not start ${java}: ${reason}`);
  }
  fs.writeFileSync(paths.pid, `${child.pid}\n`);

  const outcome = await waitForBrokerPort(child.pid, ports.broker, () => exit !== null);
  if (outcome === 'ready') return child.pid;

  const address = `${LOCAL_HOST}:${ports.broker}`;
  if (outcome === 'timeout') {
    await killBroker(child.pid, log);
    removePidFile();
    throw new InfraError(
      `Kafka did not accept connections on ${address} within ${READY_TIMEOUT_MS / 1000} s; stopped it.\n` +
        tailOfBrokerLog(),
    );
  }
  removePidFile();
  throw new InfraError(`Kafka ${describeBrokerExit(exit)} during startup.\n${tailOfBrokerLog()}`);
}
