import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PermanentError } from '@wirestream/contracts';
import { documentsFromDroppedFile, FileDropTracker, type SourceRef } from '@wirestream/feeds';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentEmitter } from './document-emitter';
import { FETCHER_CONFIG, type FetcherConfig } from './fetcher.config';

/**
 * Watches the drop directory by polling (portable, and immune to missed inotify events on network
 * mounts). A file is read once its size and mtime hold still across two scans.
 */
@Injectable()
export class FileDropPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FileDropPoller.name);
  private readonly tracker = new FileDropTracker();
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;

  constructor(
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
    private readonly emitter: DocumentEmitter,
  ) {}

  private get source(): SourceRef {
    return { id: this.config.FETCHER_DROP_SOURCE_ID, kind: 'file-drop', uri: path.resolve(this.config.FETCHER_DROP_DIR) };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.FETCHER_DROP_DIR) return;
    await mkdir(this.source.uri, { recursive: true });
    this.logger.log(`watching ${this.source.uri} every ${this.config.FETCHER_DROP_POLL_MS} ms`);
    this.timer = setInterval(() => void this.scanOnce(), this.config.FETCHER_DROP_POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.scanning;
  }

  /** One pass over the directory; overlapping passes are skipped, not queued. */
  async scanOnce(): Promise<void> {
    if (this.scanning) return;
    this.scanning = this.scan()
      .catch((error: Error) => this.logger.error(`scan of ${this.source.uri} failed: ${error.message}`))
      .finally(() => (this.scanning = null));
    await this.scanning;
  }

  private async scan(): Promise<void> {
    const directory = this.source.uri;
    const entries = [];
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const info = await stat(path.join(directory, entry.name)).catch(() => null);
      if (info) entries.push({ name: entry.name, size: info.size, mtimeMs: info.mtimeMs });
    }
    for (const name of this.tracker.observe(entries)) {
      const { size, mtimeMs } = entries.find((entry) => entry.name === name)!;
      await this.emitFile(path.join(directory, name), size);
      this.tracker.markEmitted(name, size, mtimeMs);
    }
  }

  private async emitFile(filePath: string, size: number): Promise<void> {
    if (size > this.config.FETCHER_MAX_DOCUMENT_BYTES) {
      const error = new PermanentError(`file is ${size} bytes; the limit is ${this.config.FETCHER_MAX_DOCUMENT_BYTES}`);
      return this.emitter.refuse(this.source.id, filePath, null, error);
    }
    const bytes = await readFile(filePath);
    const fetchedAt = new Date();
    try {
      const documents = documentsFromDroppedFile(bytes, { source: this.source, path: filePath, fetchedAt, maxBytes: this.config.FETCHER_MAX_DOCUMENT_BYTES });
      await this.emitter.emit(documents);
      this.logger.log(`emitted ${documents.length} document(s) from ${path.basename(filePath)}`);
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      await this.emitter.refuse(this.source.id, filePath, bytes, error);
    }
  }
}
