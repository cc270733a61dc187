import { Worker } from 'node:worker_threads';

export interface FileEntry {
  name: string;
  size: number;
  mtimeMs: number;
}

/** A file as the worker read it: its bytes, or why it could not be read. */
export type FileRead = { bytes: Buffer } | { error: Error & { code?: string } };

interface WorkerError {
  message: string;
  code?: string;
}

type WorkerReadResult = { bytes: Uint8Array } | { error: WorkerError };

type Call =
  | { op: 'list'; directory: string }
  | { op: 'read'; paths: string[] }
  | { op: 'move'; directory: string; moves: Array<{ name: string; folder: string }> };

type WorkerRequest = Call & { id: number };

type WorkerReply = { id: number; result: unknown } | { id: number; error: WorkerError };

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A running worker and the calls it has yet to answer. */
interface RunningWorker {
  worker: Worker;
  pending: Map<number, PendingCall>;
}

/**
 * One drop directory's file system calls, made synchronously on a worker thread of its own.
 * Through libuv's thread pool (fs/promises) each call is a hand-off to a pool thread and back:
 * reading a 3-6 KB file cost ~140 µs of CPU that way against ~20 µs synchronously, and a stat
 * ~40 µs against ~5, on this 2-core machine; a drop directory is statted twice, read and renamed
 * once per file. On the main thread the synchronous calls would stall the event loop (and the
 * health probes) whenever a network mount hangs; here a hung call stalls this directory's worker
 * only, and other directories, each with its own worker, go on. Calls are made a batch per message.
 */
export class DropDirectory {
  private running: RunningWorker | null = null;
  private nextId = 1;

  /** The directory's files (not folders) with their size and modification time; files that cannot be statted are left out. */
  list(directory: string): Promise<FileEntry[]> {
    return this.call({ op: 'list', directory }) as Promise<FileEntry[]>;
  }

  /** Each file's bytes or error, in order. */
  async read(paths: string[]): Promise<FileRead[]> {
    if (paths.length === 0) return [];
    const results = (await this.call({ op: 'read', paths })) as WorkerReadResult[];
    return results.map((result) =>
      'error' in result ? { error: asError(result.error) } : { bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength) },
    );
  }

  /** Moves files of `directory` into its sub-folders, creating them; a file already gone is skipped. */
  async move(directory: string, moves: Array<{ name: string; folder: string }>): Promise<void> {
    if (moves.length > 0) await this.call({ op: 'move', directory, moves });
  }

  /** Stops the worker, failing its pending calls; a later call starts a new one. */
  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.worker.terminate();
  }

  private call(call: Call): Promise<unknown> {
    const running = this.running ?? (this.running = this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Referenced only while calls are pending: an idle worker keeps no process alive.
      if (running.pending.size === 0) running.worker.ref();
      running.pending.set(id, { resolve, reject });
      running.worker.postMessage({ ...call, id } satisfies WorkerRequest);
    });
  }

  private start(): RunningWorker {
    const worker = new Worker(`(${dropDirectoryWorker.toString()})()`, {
      eval: true,
      // The worker only stats, reads and moves files: it takes none of the process's flags. It would
      // write a profile under the fetcher's name with --cpu-prof, and flags a worker refuses
      // (--trace-gc, say) made every start of it throw, so no drop was ever scanned.
      execArgv: [],
    });
    worker.unref();
    const running: RunningWorker = { worker, pending: new Map() };
    const settle = (id: number): PendingCall | undefined => {
      const call = running.pending.get(id);
      running.pending.delete(id);
      if (running.pending.size === 0) worker.unref();
      return call;
    };
    worker.on('message', (reply: WorkerReply) => {
      const call = settle(reply.id);
      if (!call) return;
      if ('error' in reply) call.reject(asError(reply.error));
      else call.resolve(reply.result);
    });
    // A worker that dies fails its own pending calls; the next call starts a new one.
    const fail = (error: Error) => {
      if (this.running === running) this.running = null;
      for (const id of [...running.pending.keys()]) settle(id)?.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`drop directory worker exited (code ${code})`)));
    return running;
  }
}

function asError(error: WorkerError): Error & { code?: string } {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/**
 * The worker's code, run from its source text (`eval`), so that it works the same from the build
 * and from the TypeScript sources under Jest; it must not use anything from outside its body (so
 * coverage instrumentation, which adds counters from outside, would break it).
 */
function dropDirectoryWorker(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the worker's body stands alone */
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const describeError = (error: unknown) => ({ message: (error as Error).message, code: (error as NodeJS.ErrnoException).code });
  parentPort!.on('message', (request: WorkerRequest) => {
    try {
      let result: unknown;
      const transfer: ArrayBuffer[] = [];
      if (request.op === 'list') {
        const entries = [];
        for (const entry of fs.readdirSync(request.directory, { withFileTypes: true })) {
          if (!entry.isFile()) continue;
          try {
            const info = fs.statSync(path.join(request.directory, entry.name));
            entries.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
          } catch {
            // Gone since the listing, or not statable now: seen again at the next scan if it is still there.
          }
        }
        result = entries;
      } else if (request.op === 'read') {
        result = request.paths.map((file) => {
          try {
            const bytes = fs.readFileSync(file);
            // Small buffers share Node's pool: such a one is copied, so that only its own bytes are handed over.
            const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
            transfer.push(own.buffer as ArrayBuffer);
            return { bytes: own };
          } catch (error) {
            return { error: describeError(error) };
          }
        });
      } else {
        for (const folder of new Set(request.moves.map((move) => move.folder))) fs.mkdirSync(path.join(request.directory, folder), { recursive: true });
        for (const { name, folder } of request.moves) {
          try {
            fs.renameSync(path.join(request.directory, name), path.join(request.directory, folder, name));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          }
        }
      }
      parentPort!.postMessage({ id: request.id, result }, transfer);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: describeError(error) });
    }
  });
}
