import fs from 'node:fs';
import { readFileOrNull, removeFile } from '../file-helpers';
import type { Log } from '../infra-log';
import { sleep } from '../timing';
import { errorCode, InfraError } from '../infra-error';
import { KAFKA_DIR, paths, relativeToRepo } from '../state-paths';
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
function removeLockIfStale(): boolean {
  let lock: LockFileState;
  try {
    const modifiedMs = fs.statSync(paths.lock).mtimeMs;
    lock = { ownerText: fs.readFileSync(paths.lock, 'utf8').trim(), modifiedMs };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return true;
    throw err;
  }
  if (!isLockStale(lock, Date.now(), isProcessAlive)) return false;
  removeFile(paths.lock);
  return true;
}

function tryTakeLock(): boolean {
  try {
    const fd = fs.openSync(paths.lock, 'wx');
    fs.writeSync(fd, `${process.pid}\n`);
    fs.closeSync(fd);
    return true;
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    return false;
  }
}

/** One process at a time starts or stops the local broker: `action` runs holding the lock file. */
export async function withKafkaLock<T>(log: Log, action: () => Promise<T>): Promise<T> {
  fs.mkdirSync(KAFKA_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_TIMEOUT_MS;
  let announcedWait = false;
  while (!tryTakeLock()) {
    if (removeLockIfStale()) continue;
    if (Date.now() > deadline) {
      throw new InfraError(
        `Timed out waiting for ${relativeToRepo(paths.lock)}. If no other infra command is running, delete that file.`,
      );
    }
    if (!announcedWait) {
      log('Another infra command is starting or stopping Kafka; waiting for it…');
      announcedWait = true;
    }
    await sleep(POLL_INTERVAL_MS);
  }

  // Refresh the lock while we hold it (a first Maven download can take minutes), so that
  // nobody removes it as stale.
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(paths.lock, now, now, () => {});
  }, LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await action();
  } finally {
    clearInterval(heartbeat);
    if ((readFileOrNull(paths.lock) ?? '').trim() === String(process.pid)) removeFile(paths.lock);
  }
}
