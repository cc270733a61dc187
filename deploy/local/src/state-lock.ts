import fs from 'node:fs';
import path from 'node:path';
import { readFileOrNull, removeFile } from './file-helpers';
import type { Log } from './infra-log';
import { sleep } from './timing';
import { errorCode, InfraError } from './infra-error';
import { relativeToRepo } from './state-paths';
import { isProcessAlive, POLL_INTERVAL_MS } from './system-processes';

/** A lock not refreshed for this long belongs to a process that hangs or died without cleaning up. */
export const LOCK_STALE_MS = 3 * 60_000;
const LOCK_HEARTBEAT_MS = 30_000;
const LOCK_WAIT_TIMEOUT_MS = 5 * 60_000;

export interface LockFileState {
  /** The lock file's content: its owner's pid, or '' while the owner is still writing it. */
  ownerText: string;
  /** When the owner last refreshed the lock. */
  modifiedMs: number;
}

/** A lock is stale when its owner died or it was not refreshed for LOCK_STALE_MS. */
export function isLockStale(lock: LockFileState, nowMs: number, isAlive: (pid: number) => boolean): boolean {
  const owner = Number(lock.ownerText);
  const ownerDied = lock.ownerText !== '' && Number.isInteger(owner) && owner > 0 && !isAlive(owner);
  const expired = nowMs - lock.modifiedMs > LOCK_STALE_MS;
  return ownerDied || expired;
}

/** Removes the lock if it is stale; true if it is gone. */
function removeLockIfStale(lockFile: string): boolean {
  let lock: LockFileState;
  try {
    const modifiedMs = fs.statSync(lockFile).mtimeMs;
    lock = { ownerText: fs.readFileSync(lockFile, 'utf8').trim(), modifiedMs };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return true;
    throw err;
  }
  if (!isLockStale(lock, Date.now(), isProcessAlive)) return false;
  removeFile(lockFile);
  return true;
}

function tryTakeLock(lockFile: string): boolean {
  try {
    const fd = fs.openSync(lockFile, 'wx');
    fs.writeSync(fd, `${process.pid}\n`);
    fs.closeSync(fd);
    return true;
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    return false;
  }
}

/**
 * One process at a time starts or stops a local server (the broker, the trace viewer): `action`
 * runs holding `lockFile`; `what` names the server in the waiting message.
 */
export async function withStateLock<T>(lockFile: string, what: string, log: Log, action: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_TIMEOUT_MS;
  let announcedWait = false;
  while (!tryTakeLock(lockFile)) {
    if (removeLockIfStale(lockFile)) continue;
    if (Date.now() > deadline) {
      throw new InfraError(
        `Timed out waiting for ${relativeToRepo(lockFile)}. If no other infra command is running, delete that file.`,
      );
    }
    if (!announcedWait) {
      log(`Another infra command is starting or stopping ${what}; waiting for it…`);
      announcedWait = true;
    }
    await sleep(POLL_INTERVAL_MS);
  }

  // Refresh the lock while we hold it (a first Maven download can take minutes), so that
  // nobody removes it as stale.
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(lockFile, now, now, () => {});
  }, LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await action();
  } finally {
    clearInterval(heartbeat);
    if ((readFileOrNull(lockFile) ?? '').trim() === String(process.pid)) removeFile(lockFile);
  }
}
