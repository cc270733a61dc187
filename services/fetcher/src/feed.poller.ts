import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PermanentError } from '@wirestream/contracts';
import { parseFeedDocument } from '@wirestream/feeds';
import { inSpan, pipelineMetrics, SpanKind } from '@wirestream/telemetry';
import { DocumentEmitter } from './document-emitter';
import { FETCHER_CONFIG, feedSources, type FeedSource, type FetcherConfig } from './fetcher.config';

const USER_AGENT = 'wirestream/0.1 (news-wire ingestion; +https://github.com/wirestream)';

/**
 * Polls RSS/Atom feeds with conditional GET and emits items it has not emitted before.
 * First version: what was emitted and the cache validators live in memory, so a restart
 * re-emits a feed's current items once (storage upserts them idempotently).
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FeedPoller.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly validators = new Map<string, { etag: string | null; lastModified: string | null }>();
  private readonly emittedArticleIds = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
    private readonly emitter: DocumentEmitter,
  ) {}

  onApplicationBootstrap(): void {
    for (const feed of feedSources(this.config)) {
      this.logger.log(`polling ${feed.url} as source ${feed.id} every ${this.config.FETCHER_FEED_POLL_MS} ms`);
      const poll = () => {
        const run = this.pollOnce(feed).finally(() => this.inFlight.delete(run));
        this.inFlight.add(run);
      };
      poll();
      this.timers.push(setInterval(poll, this.config.FETCHER_FEED_POLL_MS));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    await Promise.allSettled([...this.inFlight]);
  }

  /** One poll, as a span of its own: its HTTP request hangs under it, and every story it emits links to it. */
  pollOnce(feed: FeedSource): Promise<void> {
    return inSpan('wirestream-fetcher', `poll ${feed.id}`, { kind: SpanKind.CLIENT, attributes: { 'wirestream.source_id': feed.id, 'url.full': feed.url } }, () =>
      this.poll(feed),
    );
  }

  private async poll(feed: FeedSource): Promise<void> {
    let bytes: Uint8Array | null = null;
    try {
      const response = await this.request(feed);
      if (response.status === 304) {
        pipelineMetrics.fetchOutcomes.inc({ source: feed.id, outcome: 'not_modified' });
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${feed.url}`);
      bytes = await readLimited(response, this.config.FETCHER_MAX_DOCUMENT_BYTES);
      const { documents } = parseFeedDocument(bytes, {
        source: { id: feed.id, kind: 'feed', uri: feed.url },
        fetchedAt: new Date(),
        contentType: response.headers.get('content-type'),
        maxBytes: this.config.FETCHER_MAX_DOCUMENT_BYTES,
      });
      const fresh = documents.filter((document) => !this.emittedArticleIds.has(document.articleId));
      if (fresh.length === 0) pipelineMetrics.fetchOutcomes.inc({ source: feed.id, outcome: 'unchanged' });
      await this.emitter.emit(fresh);
      fresh.forEach((document) => this.emittedArticleIds.add(document.articleId));
      this.validators.set(feed.url, { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') });
      if (fresh.length > 0) this.logger.log(`emitted ${fresh.length} new item(s) from ${feed.id}`);
    } catch (error) {
      if (error instanceof PermanentError) return this.emitter.refuse(feed.id, feed.url, bytes, error);
      pipelineMetrics.fetchOutcomes.inc({ source: feed.id, outcome: 'failed' });
      this.logger.warn(`poll of ${feed.url} failed, will retry: ${(error as Error).message}`);
    }
  }

  private request(feed: FeedSource): Promise<Response> {
    const known = this.validators.get(feed.url);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    return fetch(feed.url, { headers, redirect: 'follow', signal: AbortSignal.timeout(this.config.FETCHER_HTTP_TIMEOUT_MS) });
  }
}

/** Reads a response body, refusing it as soon as it passes the limit instead of buffering it all. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.length;
    if (total > maxBytes) throw new PermanentError(`response larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
