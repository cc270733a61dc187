import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { lastLines, readFileOrNull, removeFile } from '../file-helpers';
import { traceViewerHostSetting, traceViewerPortSetting } from '../infra-environment';
import { errorCode, InfraError } from '../infra-error';
import { defaultLog, type Log, type LogOption } from '../infra-log';
import { relativeToRepo, traceViewerPaths } from '../state-paths';
import { withStateLock } from '../state-lock';
import { HAS_PROC, isProcessAlive, javaExecutable, POLL_INTERVAL_MS, waitForExit } from '../system-processes';
import { secondsSince, sleep } from '../timing';
import { traceExportEnvironment, traceViewerAddress, traceViewerUrls, type TraceViewerAddress } from './trace-viewer-address';
import { ensureZipkinJar } from './zipkin-jar';

/** Zipkin starts in ~20 s on an idle 2-core machine; a busy one (a test run beside it) takes longer. */
export const TRACE_VIEWER_READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;
const WHAT = 'the trace viewer';

// A small heap (spans are kept in memory, capped by MEM_MAX_SPANS) and the C1 compiler only,
// which starts the JVM sooner on a shared machine; the viewer does little work.
const ZIPKIN_JVM_FLAGS = ['-Xms64m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

export interface EnsuredTraceViewer {
  /** The UI's address, e.g. http://127.0.0.1:9411/zipkin/ */
  uiUrl: string;
  /** A trace's page in the UI. */
  traceUrl: (traceId: string) => string;
  /** A trace's spans as JSON (Zipkin's API v2). */
  traceApiUrl: (traceId: string) => string;
  /** The variables that make a service export its spans to this viewer. */
  exportEnv: Record<string, string>;
  /** True only when this call started it: whoever started it stops it. */
  startedByUs: boolean;
}

export interface TraceViewerStatus {
  uiUrl: string;
  /** It answers its health check as Zipkin. */
  running: boolean;
  /** The viewer this checkout started (alive), null for none. */
  pid: number | null;
  logFile: string;
}

function currentAddress(): TraceViewerAddress {
  return traceViewerAddress(traceViewerHostSetting(), traceViewerPortSetting());
}

function ensured(address: TraceViewerAddress, startedByUs: boolean): EnsuredTraceViewer {
  const urls = traceViewerUrls(address);
  return { uiUrl: urls.ui, traceUrl: urls.trace, traceApiUrl: urls.traceApi, exportEnv: traceExportEnvironment(address), startedByUs };
}

/** What answers on the viewer's port: Zipkin, something else, or nothing. */
export async function probeTraceViewer(healthUrl: string): Promise<'zipkin' | 'other' | 'none'> {
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    const body = await response.text();
    return response.ok && /"zipkin"/i.test(body) ? 'zipkin' : 'other';
  } catch {
    return 'none';
  }
}

function readPid(): number | null {
  const pid = Number((readFileOrNull(traceViewerPaths.pid) ?? '').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Guards against a recycled pid: only a java process running the zipkin-server jar counts. */
function isZipkinProcess(pid: number): boolean {
  if (!HAS_PROC) return true;
  const cmdline = readFileOrNull(`/proc/${pid}/cmdline`);
  return cmdline !== null && cmdline.split('\0').some((arg) => /zipkin-server-.+-exec\.jar$/.test(arg));
}

function runningViewerPid(): number | null {
  const pid = readPid();
  return pid !== null && isProcessAlive(pid) && isZipkinProcess(pid) ? pid : null;
}

function tailOfLog(): string {
  const text = readFileOrNull(traceViewerPaths.log);
  return text && text.trim() ? `Last lines of ${relativeToRepo(traceViewerPaths.log)}:\n${lastLines(text, 30)}` : '';
}

async function waitUntilHealthy(pid: number, healthUrl: string, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isProcessAlive(pid)) return 'exited';
    if ((await probeTraceViewer(healthUrl)) === 'zipkin') return 'ready';
    if (Date.now() > deadline) return 'timeout';
    await sleep(POLL_INTERVAL_MS * 4);
  }
}

async function killViewer(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if (errorCode(err) !== 'ESRCH') throw err;
  }
  await waitForExit(pid, 5000);
}

async function startViewer(address: TraceViewerAddress, log: Log): Promise<number> {
  const jar = await ensureZipkinJar(log);
  const java = javaExecutable();
  if (fs.existsSync(traceViewerPaths.log)) fs.renameSync(traceViewerPaths.log, `${traceViewerPaths.log}.previous`);
  const logFd = fs.openSync(traceViewerPaths.log, 'a');
  const child = spawn(
    java,
    [
      ...ZIPKIN_JVM_FLAGS,
      '-jar',
      jar,
      // The whole port entry is given: Spring replaces a list element, so an address alone would lose the port.
      `--armeria.ports[0].ip=${address.host}`,
      `--armeria.ports[0].port=${address.port}`,
      '--armeria.ports[0].protocols[0]=http',
    ],
    { cwd: traceViewerPaths.dir, detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, STORAGE_TYPE: 'mem' } },
  );
  fs.closeSync(logFd);
  child.unref();
  if (!child.pid) throw new InfraError(`Could not start ${java} for the trace viewer.`);
  fs.writeFileSync(traceViewerPaths.pid, `${child.pid}\n`);
  const outcome = await waitUntilHealthy(child.pid, traceViewerUrls(address).health, TRACE_VIEWER_READY_TIMEOUT_MS);
  if (outcome === 'ready') return child.pid;
  if (outcome === 'timeout') await killViewer(child.pid);
  removeFile(traceViewerPaths.pid);
  throw new InfraError(
    outcome === 'timeout'
      ? `The trace viewer did not answer at ${traceViewerUrls(address).health} within ${TRACE_VIEWER_READY_TIMEOUT_MS / 1000} s; stopped it.\n${tailOfLog()}`
      : `The trace viewer exited during startup.\n${tailOfLog()}`,
  );
}

/**
 * Makes sure a Zipkin server (UI and API, spans in memory) answers at WIRESTREAM_TRACES_HOST:PORT
 * (default 127.0.0.1:9411), starting this checkout's own when nothing is there. A Zipkin already
 * listening there is used as it is.
 */
export async function ensureTraceViewer({ log = defaultLog }: LogOption = {}): Promise<EnsuredTraceViewer> {
  const address = currentAddress();
  const urls = traceViewerUrls(address);
  return withStateLock(traceViewerPaths.lock, WHAT, log, async () => {
    const pid = runningViewerPid();
    if (pid !== null) {
      const outcome = await waitUntilHealthy(pid, urls.health, TRACE_VIEWER_READY_TIMEOUT_MS);
      if (outcome === 'ready') {
        log(`The trace viewer is already running at ${urls.ui} (pid ${pid}).`);
        return ensured(address, false);
      }
      if (outcome === 'timeout') throw new InfraError(`The trace viewer (pid ${pid}) does not answer at ${urls.health}.\n${tailOfLog()}`);
    }
    removeFile(traceViewerPaths.pid);
    const probe = await probeTraceViewer(urls.health);
    if (probe === 'zipkin') {
      log(`A Zipkin server this checkout did not start answers at ${urls.ui}; using it.`);
      return ensured(address, false);
    }
    if (probe === 'other') {
      throw new InfraError(`${address.host}:${address.port} is in use by something that is not Zipkin. Set WIRESTREAM_TRACES_PORT to a free port.`);
    }
    const started = Date.now();
    log(`Starting the trace viewer (Zipkin) at ${urls.ui}…`);
    const newPid = await startViewer(address, log);
    log(`Trace viewer started at ${urls.ui} (pid ${newPid}) in ${secondsSince(started)} s. Log: ${relativeToRepo(traceViewerPaths.log)}`);
    return ensured(address, true);
  });
}

/** Stops the viewer this checkout started, if it runs; another's is left alone. */
export async function stopTraceViewer({ log = defaultLog }: LogOption = {}): Promise<{ stopped: boolean }> {
  if (readPid() === null) return { stopped: false };
  return withStateLock(traceViewerPaths.lock, WHAT, log, async () => {
    const pid = runningViewerPid();
    removeFile(traceViewerPaths.pid);
    if (pid === null) return { stopped: false };
    log(`Stopping the trace viewer (pid ${pid})…`);
    await killViewer(pid);
    log('Trace viewer stopped.');
    return { stopped: true };
  });
}

export async function traceViewerStatus(): Promise<TraceViewerStatus> {
  const urls = traceViewerUrls(currentAddress());
  return {
    uiUrl: urls.ui,
    running: (await probeTraceViewer(urls.health)) === 'zipkin',
    pid: runningViewerPid(),
    logFile: traceViewerPaths.log,
  };
}
