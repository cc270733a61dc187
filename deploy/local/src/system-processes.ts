import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { readFileOrNull } from './file-helpers';
import { sleep } from './timing';
import { executableSearchPath, javaHomeSetting } from './infra-environment';
import { errorCode, InfraError } from './infra-error';

/** How often readiness, exits and the lock are checked. */
export const POLL_INTERVAL_MS = 250;

const INSTALL_HINT =
  'Install Java 17+ (apt-get install openjdk-17-jre-headless) and Maven (apt-get install maven), ' +
  'or point KAFKA_BROKERS at a running broker';

/** Without /proc (macOS), a process's state and command line cannot be read. */
export const HAS_PROC = fs.existsSync('/proc/self/cmdline');

export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (connected: boolean) => {
      socket.destroy();
      resolve(connected);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (errorCode(err) !== 'EPERM') return false;
  }
  if (!HAS_PROC) return true;
  // A broker that is a child of this very process stays a zombie until Node reaps it.
  const stat = readFileOrNull(`/proc/${pid}/stat`);
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** True once the process is gone, false if it is still alive after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(POLL_INTERVAL_MS);
  }
  return true;
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function requireExecutable(name: string): string {
  for (const dir of executableSearchPath().split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  throw new InfraError(`\`${name}\` was not found on PATH. ${INSTALL_HINT}.`);
}

export function javaExecutable(): string {
  // Same preference as Kafka's own scripts.
  const javaHome = javaHomeSetting();
  const fromJavaHome = javaHome && path.join(javaHome, 'bin', 'java');
  return fromJavaHome && isExecutableFile(fromJavaHome) ? fromJavaHome : requireExecutable('java');
}

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved, colour codes removed. */
  output: string;
}

/** Runs a short-lived command and collects its combined output. */
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    child.once('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}
