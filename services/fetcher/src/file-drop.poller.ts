import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ErrorCode, PermanentError, type RawDocumentV1 } from '@wirestream/contracts';
import { documentsFromDroppedFile, FileDropTracker, type SourceRef } from '@wirestream/feeds';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DocumentEmitter } from './document-emitter';
import { DropDirectory, type FileEntry } from './drop-directory';
import { FETCH_STATE, type FetchState } from './fetch-state';
import { FETCHER_CONFIG, fetcherInstanceId, type FetcherConfig } from './fetcher.config';
import { SourceRegistry, type FileDropSource, type SourceDeclaration } from './source-registry';

interface WatchedDirectory {
  source: FileDropSource;
  tracker: FileDropTracker;
  timer: NodeJS.Timeout | null;
  scanning: Promise<void> | null;
  /** Whether this instance held the directory's lease at its last scan (logged when it changes). */
  leased: boolean;
  /** The directory's file calls, on a worker of its own: a hung mount stalls this directory only. */
  files: DropDirectory;
}

/**
 * Watches each file-drop source's directory by polling (portable, and immune to missed inotify
 * events on network mounts). A file is read once its size and mtime hold still across two scans.
 * Instances share a directory as they share URL sources, by the source's lease: one scans it at a
 * time, so two never read and send the same new file; a crashed holder's lease lapses and another
 * takes over, re-reading only what the durable state has not seen emitted.
 */
@Injectable()
export class FileDropPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FileDropPoller.name);
  private readonly watched = new Map<string, WatchedDirectory>();
  private readonly instanceId: string;

  constructor(
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
    @Inject(FETCH_STATE) private readonly state: FetchState,
    private readonly registry: SourceRegistry,
    private readonly emitter: DocumentEmitter,
  ) {
    this.instanceId = fetcherInstanceId(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const source of this.registry.list()) await this.watch(source);
    this.registry.onAdded((source) => void this.watch(source));
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const directory of this.watched.values()) if (directory.timer) clearInterval(directory.timer);
    await Promise.all([...this.watched.values()].map((directory) => directory.scanning));
    const sourceIds = [...this.watched.keys()];
    if (sourceIds.length > 0) {
      await this.state.releaseLeases(this.instanceId, sourceIds).catch((error: Error) => this.logger.warn(`releasing drop leases failed: ${error.message}`));
    }
    await Promise.all([...this.watched.values()].map((directory) => directory.files.close()));
  }

  private async watch(source: SourceDeclaration): Promise<void> {
    if (source.kind !== 'file-drop') return;
    await mkdir(source.path, { recursive: true });
    const interval = source.pollIntervalMs ?? this.config.FETCHER_DROP_POLL_MS;
    const directory: WatchedDirectory = { source, tracker: new FileDropTracker(), timer: null, scanning: null, leased: false, files: new DropDirectory() };
    this.watched.set(source.id, directory);
    this.logger.log(`watching ${source.path} as source ${source.id} every ${interval} ms`);
    directory.timer = setInterval(() => void this.scanOnce(source.id), interval);
  }

  /** One pass over a directory; overlapping passes are skipped, not queued. */
  async scanOnce(sourceId: string): Promise<void> {
    const directory = this.watched.get(sourceId);
    if (!directory || directory.scanning) return;
    directory.scanning = this.scan(directory)
      .catch((error: Error) => this.logger.error(`scan of ${directory.source.path} failed: ${error.message}`))
      .finally(() => (directory.scanning = null));
    await directory.scanning;
  }

  private async scan(directory: WatchedDirectory): Promise<void> {
    const { source, tracker } = directory;
    if (!(await this.holdLease(directory))) return;
    const entries = await directory.files.list(source.path);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const ready = tracker.observe(entries).map((name) => byName.get(name)!);
    // Renewed before each batch: a backlog of thousands of files can outlast the lease.
    await this.emitFiles(source, directory.files, ready, (entry) => tracker.markEmitted(entry.name, entry.size, entry.mtimeMs), () => this.holdLease(directory));
  }

  /** Takes or renews the directory's lease; false while another instance holds it. */
  private async holdLease(directory: WatchedDirectory): Promise<boolean> {
    const held = await this.state.tryLease(directory.source.id, this.instanceId, this.config.FETCHER_LEASE_TTL_MS);
    if (held !== directory.leased) {
      this.logger.log(held ? `scanning ${directory.source.path}: this instance holds its lease` : `leaving ${directory.source.path} to the instance holding its lease`);
      directory.leased = held;
    }
    return held;
  }

  /**
   * Reads every file of the directory now, without waiting for sizes to settle, and emits the
   * documents not emitted before (`npm run cli -- fetch <dir>`: a backfill of files known complete);
   * with `onlyFile`, that one file of it. Returns how many documents were emitted. It takes no
   * lease: a backfill is started by hand, and the durable state keeps it from re-sending what a
   * running instance already sent.
   */
  async ingestOnce(source: FileDropSource, onlyFile?: string): Promise<number> {
    const files = new DropDirectory();
    try {
      const entries = (await files.list(source.path)).filter((entry) => onlyFile === undefined || entry.name === onlyFile);
      return await this.emitFiles(source, files, entries, () => undefined);
    } finally {
      await files.close();
    }
  }

  /**
   * Files are read and their documents produced together, a batch per send: one round trip to the
   * broker per batch instead of per file. A batch is marked emitted only once it is sent.
   */
  private async emitFiles(
    source: FileDropSource,
    directory: DropDirectory,
    files: FileEntry[],
    markEmitted: (entry: FileEntry) => void,
    stillLeased: () => Promise<boolean> = async () => true,
  ): Promise<number> {
    let emitted = 0;
    for (let start = 0; start < files.length; start += this.config.FETCHER_DROP_BATCH_FILES) {
      // The first batch goes under the lease the scan just took.
      if (start > 0 && !(await stillLeased())) break;
      const batch = files.slice(start, start + this.config.FETCHER_DROP_BATCH_FILES);
      const documents: RawDocumentV1[] = [];
      const refused = new Set<string>();
      const maxBytes = source.limits.maxBytes ?? this.config.FETCHER_MAX_DOCUMENT_BYTES;
      const oversize = batch.filter((entry) => entry.size > maxBytes);
      for (const slice of slicesOfSize(batch.filter((entry) => entry.size <= maxBytes), READ_SLICE_BYTES)) {
        const reads = await directory.read(slice.map((entry) => path.join(source.path, entry.name)));
        for (const [index, entry] of slice.entries()) {
          const read = reads[index];
          if ('error' in read) {
            // Gone since it was listed (taken back by its sender): nothing to send. Any other error
            // fails the scan, as a read error always did, and the batch is tried again next scan.
            if (read.error.code === 'ENOENT') continue;
            throw read.error;
          }
          const readDocuments = await this.documentsOf(source, path.join(source.path, entry.name), read.bytes, maxBytes);
          if (readDocuments) documents.push(...readDocuments);
          else refused.add(entry.name);
        }
      }
      // Refused once the batch's reads have gone through, so a failed read does not refuse them twice.
      for (const entry of oversize) {
        await this.emitter.refuse(source.id, path.join(source.path, entry.name), null, new PermanentError(`file is ${entry.size} bytes; the limit is ${maxBytes}`, { code: ErrorCode.OVERSIZE }));
        refused.add(entry.name);
      }
      // The tracker lives in memory; the durable state keeps a restart from emitting the directory again.
      const fresh = await this.state.unemitted(source.id, documents);
      const refusedDocuments = await this.emitter.emit(fresh);
      await this.state.markEmitted(source.id, fresh);
      emitted += fresh.length - refusedDocuments.length;
      if (fresh.length > 0) this.logger.log(`emitted ${fresh.length - refusedDocuments.length} document(s) from ${batch.length} file(s) in ${source.path}`);
      batch.forEach(markEmitted);
      if (this.config.FETCHER_DROP_ARCHIVE) await this.archive(source, directory, batch, refused);
    }
    return emitted;
  }

  /** Moves handled files out of the scanned directory: `.done/`, or `.refused/` for dead-lettered ones. */
  private async archive(source: FileDropSource, directory: DropDirectory, files: FileEntry[], refused: Set<string>): Promise<void> {
    // A file already gone (moved by its sender) needs no archiving; its documents were sent.
    await directory.move(
      source.path,
      files.map((entry) => ({ name: entry.name, folder: refused.has(entry.name) ? REFUSED_FOLDER : DONE_FOLDER })),
    );
  }

  /** The file's documents; a file whose contents cannot be read is refused (dead-lettered): null. */
  private async documentsOf(source: FileDropSource, filePath: string, bytes: Buffer, maxBytes: number): Promise<RawDocumentV1[] | null> {
    const ref: SourceRef = { id: source.id, kind: 'file-drop', uri: source.path };
    try {
      return await documentsFromDroppedFile(bytes, { source: ref, path: filePath, fetchedAt: new Date(), maxBytes });
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      await this.emitter.refuse(source.id, filePath, bytes, error);
      return null;
    }
  }
}

/**
 * Most bytes of files read in one call to the worker: the documents of a whole batch are held until
 * it is sent anyway, but its files' raw bytes need not all be held beside them.
 */
const READ_SLICE_BYTES = 8 * 1024 * 1024;

/** Consecutive runs of `entries` of at most `maxBytes` in all, each run at least one entry. */
export function slicesOfSize(entries: FileEntry[], maxBytes: number): FileEntry[][] {
  const slices: FileEntry[][] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (slices.length === 0 || bytes + entry.size > maxBytes) {
      slices.push([]);
      bytes = 0;
    }
    slices[slices.length - 1].push(entry);
    bytes += entry.size;
  }
  return slices;
}

/** Hidden folders (never scanned) for FETCHER_DROP_ARCHIVE. */
const DONE_FOLDER = '.done';
const REFUSED_FOLDER = '.refused';
