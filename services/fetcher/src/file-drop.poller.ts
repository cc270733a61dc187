import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PermanentError } from '@wirestream/contracts';
import { documentsFromDroppedFile, FileDropTracker, type SourceRef } from '@wirestream/feeds';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentEmitter } from './document-emitter';
import { FETCHER_CONFIG, type FetcherConfig } from './fetcher.config';
import { SourceRegistry, type FileDropSource, type SourceDeclaration } from './source-registry';

interface WatchedDirectory {
  source: FileDropSource;
  tracker: FileDropTracker;
  timer: NodeJS.Timeout | null;
  scanning: Promise<void> | null;
}

/**
 * Watches each file-drop source's directory by polling (portable, and immune to missed inotify
 * events on network mounts). A file is read once its size and mtime hold still across two scans.
 */
@Injectable()
export class FileDropPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FileDropPoller.name);
  private readonly watched = new Map<string, WatchedDirectory>();

  constructor(
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
    private readonly registry: SourceRegistry,
    private readonly emitter: DocumentEmitter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const source of this.registry.list()) await this.watch(source);
    this.registry.onAdded((source) => void this.watch(source));
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const directory of this.watched.values()) if (directory.timer) clearInterval(directory.timer);
    await Promise.all([...this.watched.values()].map((directory) => directory.scanning));
  }

  private async watch(source: SourceDeclaration): Promise<void> {
    if (source.kind !== 'file-drop') return;
    await mkdir(source.path, { recursive: true });
    const interval = source.pollIntervalMs ?? this.config.FETCHER_DROP_POLL_MS;
    const directory: WatchedDirectory = { source, tracker: new FileDropTracker(), timer: null, scanning: null };
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

  private async scan({ source, tracker }: WatchedDirectory): Promise<void> {
    const entries = [];
    for (const entry of await readdir(source.path, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const info = await stat(path.join(source.path, entry.name)).catch(() => null);
      if (info) entries.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
    }
    for (const name of tracker.observe(entries)) {
      const { size, mtimeMs } = entries.find((entry) => entry.name === name)!;
      await this.emitFile(source, path.join(source.path, name), size);
      tracker.markEmitted(name, size, mtimeMs);
    }
  }

  private async emitFile(source: FileDropSource, filePath: string, size: number): Promise<void> {
    const ref: SourceRef = { id: source.id, kind: 'file-drop', uri: source.path };
    const maxBytes = source.limits.maxBytes ?? this.config.FETCHER_MAX_DOCUMENT_BYTES;
    if (size > maxBytes) {
      return this.emitter.refuse(source.id, filePath, null, new PermanentError(`file is ${size} bytes; the limit is ${maxBytes}`));
    }
    const bytes = await readFile(filePath);
    try {
      const documents = documentsFromDroppedFile(bytes, { source: ref, path: filePath, fetchedAt: new Date(), maxBytes });
      await this.emitter.emit(documents);
      this.logger.log(`emitted ${documents.length} document(s) from ${path.basename(filePath)}`);
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      await this.emitter.refuse(source.id, filePath, bytes, error);
    }
  }
}
