import { Worker } from 'node:worker_threads';

export interface FileEntry {
  name: string;
  size: number;
  mtimeMs: number;
}

/** A file read by the worker: its bytes, or the error reading it threw. */
type ReadResult = { path: string; bytes: Uint8Array } | { path: string; error: WorkerError };

interface WorkerError {
  message: string;
  code?: string;
}

type Call =
  | { op: 'list'; directory: string }
  | { op: 'read'; paths: string[] }
  | { op: 'move'; directory: string; moves: Array<{ name: string; folder: string }> };

type Request = Call & { id: number };

type Reply = { id: number; result: unknown } | { id: number; error: WorkerError };

/**
 * The drop directory's file system calls, made synchronously on a worker thread. Through libuv's
 * thread pool (fs/promises) each call is a hand-off to a pool thread and back: reading a 3-6 KB
 * file cost ~140 µs of CPU that way against ~20 µs synchronously, and a stat ~40 µs against ~5, on
 * this 2-core machine; a drop directory is read, statted twice and renamed once per file. On the
 * main thread the synchronous calls would stall the event loop (and the health probes) whenever a
 * network mount hangs; here they stall only the worker, as a hung call held a pool thread before.
 * Calls are made a batch per message.
 */
export class DropDirectory {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** The directory's files (not folders) with their size and modification time; files gone meanwhile are left out. */
  list(directory: string): Promise<FileEntry[]> {
    return this.call({ op: 'list', directory }) as Promise<FileEntry[]>;
  }

  /** Each file's bytes, in order; the first that cannot be read rejects the whole call with its error. */
  async read(paths: string[]): Promise<Buffer[]> {
    if (paths.length === 0) return [];
    const results = (await this.call({ op: 'read', paths })) as ReadResult[];
    return results.map((result) => {
      if ('error' in result) throw asError(result.error);
      return Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength);
    });
  }

  /** Moves files of `directory` into its sub-folders, creating them; a file already gone is skipped. */
  async move(directory: string, moves: Array<{ name: string; folder: string }>): Promise<void> {
    if (moves.length > 0) await this.call({ op: 'move', directory, moves });
  }

  /** Stops the worker; a later call starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private call(request: Call): Promise<unknown> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Referenced only while calls are pending: an idle worker keeps no process alive.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  private start(): Worker {
    const worker = new Worker(`(${dropDirectoryWorker.toString()})()`, { eval: true });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.settled(worker, reply.id);
      if ('error' in reply) call.reject(asError(reply.error));
      else call.resolve(reply.result);
    });
    // A worker that dies fails its pending calls; the next call starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, call] of this.pending) {
        this.settled(worker, id);
        call.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`drop directory worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settled(worker: Worker, id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) worker.unref();
  }
}

function asError(error: WorkerError): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/**
 * The worker's code, run from its source text (`eval`), so that it works the same from the build
 * and from the TypeScript sources under Jest: it must not use anything from outside its body.
 */
function dropDirectoryWorker(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- the worker's body stands alone */
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const describe = (error: unknown) => ({ message: (error as Error).message, code: (error as NodeJS.ErrnoException).code });
  parentPort!.on('message', (request: Request) => {
    try {
      let result: unknown;
      const transfer: ArrayBuffer[] = [];
      if (request.op === 'list') {
        const entries = [];
        for (const entry of fs.readdirSync(request.directory, { withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const info = fs.statSync(path.join(request.directory, entry.name), { throwIfNoEntry: false });
          if (info) entries.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
        }
        result = entries;
      } else if (request.op === 'read') {
        result = request.paths.map((file) => {
          try {
            const bytes = fs.readFileSync(file);
            // Small buffers share Node's pool: such a one is copied, so that only its own bytes are handed over.
            const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
            transfer.push(own.buffer as ArrayBuffer);
            return { path: file, bytes: own };
          } catch (error) {
            return { path: file, error: describe(error) };
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
      parentPort!.postMessage({ id: request.id, error: describe(error) });
    }
  });
}
