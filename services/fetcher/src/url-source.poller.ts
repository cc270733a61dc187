import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PermanentError, type RawDocumentV1 } from '@wirestream/contracts';
import { articlePageDocument, documentsFromDroppedFile, parseFeedDocument, type SourceRef } from '@wirestream/feeds';
import { FetchFailedError, HttpClient, type FetchLimits } from '@wirestream/http-client';
import { ATTR_URL_FULL, ATTR_WIRESTREAM_SOURCE_ID, inSpan, pipelineMetrics, SpanKind } from '@wirestream/telemetry';
import { createHash } from 'node:crypto';
import { DocumentEmitter } from './document-emitter';
import { FETCH_STATE, type FetchState } from './fetch-state';
import { FETCHER_CONFIG, fetcherInstanceId, type FetcherConfig } from './fetcher.config';
import { limitsFor, SourceRegistry, type SourceDeclaration, type UrlSource } from './source-registry';

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const DOCUMENT_ACCEPT = 'application/vnd.iptc.g2.newsmessage+xml, application/nitf+xml, application/xml;q=0.9, text/html;q=0.9, text/plain;q=0.9, */*;q=0.5';

/** What one poll of a source did, as counted and recorded. */
export type PollOutcome = 'emitted' | 'unchanged' | 'not_modified' | 'refused' | 'failed' | 'rate_limited' | 'postponed' | 'leased_elsewhere';

/**
 * Polls URL sources (feeds and wire documents) through the defensive HTTP client and emits every
 * item not emitted before. Per source and poll: take or renew the source's lease (so one instance
 * polls it), respect a postponed next poll (Retry-After), conditional GET with the stored
 * validators, parse, keep the items whose article id and content are new, optionally replace each
 * with its article page, emit, then remember them. A refusal (hostile or broken input) is logged,
 * counted and dead-lettered for that source only; other sources keep flowing.
 */
@Injectable()
export class UrlSourcePoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UrlSourcePoller.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<PollOutcome>>();
  private readonly lastOutcome = new Map<string, PollOutcome>();
  /** Per source, the refusal last dead-lettered (reason and body hash), until a poll succeeds. */
  private readonly lastRefusal = new Map<string, string>();
  readonly instanceId: string;
  /** Per source, polls in a row that were refused or failed, and the time before which it is not polled again. */
  private readonly troubled = new Map<string, { streak: number; notBefore: number }>();
  /** Sources whose lease this poller has taken, to give up at shutdown. */
  private readonly leasedSources = new Set<string>();
  private readonly client: HttpClient;

  constructor(
    @Inject(FETCHER_CONFIG) private readonly config: FetcherConfig,
    @Inject(FETCH_STATE) private readonly state: FetchState,
    private readonly registry: SourceRegistry,
    private readonly emitter: DocumentEmitter,
  ) {
    this.instanceId = fetcherInstanceId(config);
    this.client = new HttpClient({ maxConcurrentPerHost: config.FETCHER_HTTP_MAX_PER_HOST, minIntervalPerHostMs: config.FETCHER_HTTP_MIN_INTERVAL_PER_HOST_MS });
  }

  onApplicationBootstrap(): void {
    for (const source of this.registry.list()) this.schedule(source);
    this.registry.onAdded((source) => this.schedule(source));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    this.timers.clear();
    await Promise.allSettled([...this.running.values()]);
    await this.client.close();
    // Only the sources this poller leased (`cli fetch` polls one outside the registry): the drop
    // poller releases its own once its scans have ended.
    if (this.leasedSources.size === 0) return;
    await this.state.releaseLeases(this.instanceId, [...this.leasedSources]).catch((error: Error) => this.logger.warn(`releasing leases failed: ${error.message}`));
  }

  /** A feed's items; one read by recovering ill-formed XML is said so in the log, with what was wrong. */
  private readFeed(sourceId: string, body: Uint8Array, ref: SourceRef, fetchedAt: Date, contentType: string | null, maxBytes: number) {
    const feed = parseFeedDocument(body, { source: ref, fetchedAt, contentType, maxBytes });
    if (feed.recovered) this.logger.warn(`feed ${ref.uri} of ${sourceId} is ill-formed XML (${feed.problem ?? 'unknown problem'}): ${feed.documents.length} item(s) read by recovery`);
    return feed.documents;
  }

  outcomeOf(sourceId: string): PollOutcome | null {
    return this.lastOutcome.get(sourceId) ?? null;
  }

  private schedule(source: SourceDeclaration): void {
    if (source.kind === 'file-drop') return;
    const interval = source.pollIntervalMs ?? this.config.FETCHER_FEED_POLL_MS;
    this.logger.log(`polling ${source.url} (${source.kind}) as source ${source.id} every ${interval} ms`);
    const tick = () => void this.pollOnce(source);
    tick();
    this.timers.set(source.id, setInterval(tick, interval));
  }

  /** One poll, unless the previous one of this source still runs. */
  pollOnce(source: UrlSource): Promise<PollOutcome> {
    const current = this.running.get(source.id);
    if (current) return current;
    const run = inSpan('wirestream-fetcher', `poll ${source.id}`, { kind: SpanKind.CLIENT, attributes: { [ATTR_WIRESTREAM_SOURCE_ID]: source.id, [ATTR_URL_FULL]: source.url } }, () =>
      this.poll(source),
    )
      .catch((error: Error): PollOutcome => {
        this.logger.error(`poll of ${source.id} failed: ${error.message}`);
        return 'failed';
      })
      .then((outcome) => {
        this.lastOutcome.set(source.id, outcome);
        pipelineMetrics.fetchOutcomes.inc({ source: source.id, outcome });
        return outcome;
      })
      .finally(() => this.running.delete(source.id));
    this.running.set(source.id, run);
    return run;
  }

  private async poll(source: UrlSource): Promise<PollOutcome> {
    if (!(await this.state.tryLease(source.id, this.instanceId, this.config.FETCHER_LEASE_TTL_MS))) return 'leased_elsewhere';
    this.leasedSources.add(source.id);
    // This instance's own backoff first: it needs no query.
    const startedAt = Date.now();
    if ((this.troubled.get(source.id)?.notBefore ?? 0) > startedAt) return 'postponed';
    const notBefore = await this.state.nextPollAt(source.id);
    if (notBefore && notBefore.getTime() > Date.now()) return 'postponed';

    const limits = limitsFor(source, this.config);
    const stored = await this.state.validators(source.id);
    const validators = stored && stored.url === source.url ? stored : null;
    let body: Uint8Array | null = null;
    try {
      const result = await this.client.get({ url: source.url, validators, accept: source.kind === 'feed' ? FEED_ACCEPT : DOCUMENT_ACCEPT, limits });
      if (result.kind === 'not-modified') {
        this.lastRefusal.delete(source.id);
        this.troubled.delete(source.id);
        await this.state.recordPoll(source.id, 'not_modified', null);
        return 'not_modified';
      }
      body = result.body;
      const fetchedAt = new Date();
      const ref: SourceRef = { id: source.id, kind: 'feed', uri: source.url };
      const documents = source.kind === 'feed' ? this.readFeed(source.id, result.body, ref, fetchedAt, result.contentType, limits.maxBytes) : await documentsFromDroppedFile(result.body, { source: ref, path: result.url, fetchedAt, contentType: result.contentType, maxBytes: limits.maxBytes });
      const fresh = await this.state.unemitted(source.id, documents);
      const toEmit = source.followArticlePages ? await this.withArticlePages(source, fresh, limits) : fresh;
      const refused = await this.emitter.emit(toEmit);
      await this.state.markEmitted(source.id, fresh);
      await this.state.saveValidators(source.id, { url: source.url, ...result.validators });
      this.lastRefusal.delete(source.id);
      this.troubled.delete(source.id);
      await this.state.recordPoll(source.id, fresh.length > 0 ? 'emitted' : 'unchanged', null);
      if (fresh.length > 0) this.logger.log(`emitted ${fresh.length - refused.length} new item(s) from ${source.id}${refused.length > 0 ? `, refused ${refused.length}` : ''}`);
      return fresh.length > 0 ? 'emitted' : 'unchanged';
    } catch (error) {
      if (error instanceof PermanentError) {
        await this.deadLetterRefusal(source, body, error);
        this.backOff(source, startedAt);
        await this.state.recordPoll(source.id, 'refused', null);
        return 'refused';
      }
      if (error instanceof FetchFailedError && error.retryAfterMs !== null) {
        const until = new Date(Date.now() + error.retryAfterMs);
        this.logger.warn(`${source.id}: server asked to wait (HTTP ${error.status}); next poll not before ${until.toISOString()}`);
        await this.state.recordPoll(source.id, 'rate_limited', until);
        return 'rate_limited';
      }
      const nextPoll = this.backOff(source, startedAt);
      this.logger.warn(`poll of ${source.url} failed, next poll ${nextPoll === null ? 'at the next interval' : `not before ${new Date(nextPoll).toISOString()}`}: ${(error as Error).message}`);
      await this.state.recordPoll(source.id, 'failed', null);
      return 'failed';
    }
  }

  /**
   * Spaces out the polls of a source that keeps being refused or failing: the first such poll
   * keeps the interval, each one after it doubles the wait, up to FETCHER_TROUBLED_SOURCE_MAX_WAIT_MS
   * (polls at 0, 1, 3, 7, 15 … intervals). A hostile or broken source is not fetched whole every
   * few minutes for days; a fixed one is back within the wait. Kept in memory: a restarted or
   * another instance starts over at the interval. Returns the time of the next poll, or null.
   */
  private backOff(source: UrlSource, startedAt: number): number | null {
    const interval = source.pollIntervalMs ?? this.config.FETCHER_FEED_POLL_MS;
    const streak = (this.troubled.get(source.id)?.streak ?? 0) + 1;
    const wait = streak === 1 ? 0 : Math.min(interval * 2 ** (streak - 1), Math.max(interval, this.config.FETCHER_TROUBLED_SOURCE_MAX_WAIT_MS));
    // Half an interval early: polls start on the interval's ticks, and the tick due then must not be missed.
    const notBefore = wait === 0 ? 0 : startedAt + wait - interval / 2;
    this.troubled.set(source.id, { streak, notBefore });
    return wait === 0 ? null : notBefore;
  }

  /**
   * A source that stays broken is refused at every poll (logged, and counted as the poll's outcome)
   * but dead-lettered only when its refusal is new: another reason or other bytes. Otherwise a
   * source polled every minute would add a dead letter a minute until someone fixed it.
   */
  private async deadLetterRefusal(source: UrlSource, body: Uint8Array | null, error: PermanentError): Promise<void> {
    const refusal = `${error.message}\u0000${body ? createHash('sha256').update(body).digest('hex') : ''}`;
    if (this.lastRefusal.get(source.id) === refusal) {
      this.logger.warn(`${source.id}: still refused (${error.message}); dead-lettered already`);
      return;
    }
    this.logger.warn(`refused ${source.url} from ${source.id}: ${error.message}`);
    await this.emitter.deadLetter(source.id, source.url, body, error);
    this.lastRefusal.set(source.id, refusal);
  }

  /** Each new item's article page in its place; an item whose page cannot be fetched is emitted as it is. */
  private async withArticlePages(source: UrlSource, items: RawDocumentV1[], limits: FetchLimits): Promise<RawDocumentV1[]> {
    return Promise.all(
      items.map(async (item) => {
        const link = item.feedItem?.link;
        if (!link) return item;
        try {
          const page = await this.client.get({ url: link, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5', limits });
          if (page.kind !== 'ok') return item;
          return articlePageDocument(item, page.body, { pageUrl: page.url, contentType: page.contentType, fetchedAt: new Date(), maxBytes: limits.maxBytes });
        } catch (error) {
          this.logger.warn(`${source.id}: article page ${link} not used: ${(error as Error).message}`);
          pipelineMetrics.fetchOutcomes.inc({ source: source.id, outcome: 'page_refused' });
          return item;
        }
      }),
    );
  }
}
