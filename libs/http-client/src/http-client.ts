import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { addressRefusal, FORBIDDEN_ADDRESS_CODE, guardedLookup, type AddressRange } from './address-guard';
import { FetchFailedError, FetchRefusedError } from './errors';
import { backoffDelayMs, HostGate, parseRetryAfter } from './politeness';

/** Names wirestream to publishers, so they can tell who is polling them. */
export const DEFAULT_USER_AGENT = 'wirestream/0.1 (news-wire ingestion; +https://github.com/wirestream/wirestream)';

export interface HttpClientOptions {
  userAgent?: string;
  /** Most requests in flight to one host at once (default 2). */
  maxConcurrentPerHost?: number;
  /** Least time between request starts to one host, in ms (default 1000). */
  minIntervalPerHostMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Limits of one fetch; each source may set its own. */
export interface FetchLimits {
  /** Largest body accepted, counted after decompression (and before, too), in bytes. */
  maxBytes: number;
  /** Time for the whole exchange, redirects and body included, in ms. */
  timeoutMs: number;
  maxRedirects: number;
  /** Attempts in all (1 = no retry) for network errors, timeouts, 5xx and 429. */
  maxAttempts: number;
  baseRetryDelayMs: number;
  maxRetryDelayMs: number;
  /**
   * A Retry-After longer than this is not waited out within the poll: the fetch fails with the
   * server's delay so the caller postpones the source's next poll instead.
   */
  maxRetryAfterMs: number;
  /** Address ranges besides public unicast that may be connected to (e.g. ['loopback']). */
  allowAddressRanges: readonly AddressRange[];
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  maxAttempts: 3,
  baseRetryDelayMs: 500,
  maxRetryDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
  allowAddressRanges: [],
};

/** Cache validators of a previous response, for a conditional GET. */
export interface CacheValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  url: string;
  validators?: CacheValidators | null;
  accept?: string;
  limits?: Partial<FetchLimits>;
}

export type FetchOutcome =
  | { kind: 'ok'; url: string; status: number; contentType: string | null; body: Buffer; validators: CacheValidators }
  | { kind: 'not-modified'; url: string; status: 304; validators: CacheValidators };

/** The outcome, and how many attempts it took. */
export type FetchResult = FetchOutcome & { attempts: number };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * A GET client for untrusted URLs, on undici: conditional requests, redirects followed by hand (each
 * hop's scheme and address checked again), body size enforced while streaming both before and after
 * gzip/deflate/br decoding (a decompression bomb is cut off), connections only to allowed address
 * ranges (checked on the resolved address at connect time), one overall timeout, bounded retries
 * with exponential backoff and jitter that honour Retry-After, and per-host concurrency and pacing.
 */
export class HttpClient {
  private readonly gate: HostGate;
  private readonly agents = new Map<string, Agent>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  readonly userAgent: string;

  constructor(options: HttpClientOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.gate = new HostGate({
      maxConcurrentPerHost: options.maxConcurrentPerHost ?? 2,
      minIntervalPerHostMs: options.minIntervalPerHostMs ?? 1000,
      sleep: this.sleep,
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.close()));
    this.agents.clear();
  }

  /**
   * Fetches a URL. Throws FetchRefusedError (permanent: forbidden address, bad scheme, too many
   * redirects, body too large or undecodable, a 4xx) or FetchFailedError (transient, after the
   * retries; carries the server's Retry-After when it gave one).
   */
  async get(fetchRequest: FetchRequest): Promise<FetchResult> {
    const limits = { ...DEFAULT_FETCH_LIMITS, ...fetchRequest.limits };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.getOnce(fetchRequest, limits);
        return { ...result, attempts: attempt };
      } catch (error) {
        if (!(error instanceof FetchFailedError) || attempt >= limits.maxAttempts) throw error;
        if (error.retryAfterMs !== null && error.retryAfterMs > limits.maxRetryAfterMs) throw error;
        await this.sleep(error.retryAfterMs ?? backoffDelayMs(attempt, { baseDelayMs: limits.baseRetryDelayMs, maxDelayMs: limits.maxRetryDelayMs }, this.random));
      }
    }
  }

  private async getOnce(fetchRequest: FetchRequest, limits: FetchLimits): Promise<FetchOutcome> {
    const signal = AbortSignal.timeout(limits.timeoutMs);
    const allowed = new Set(limits.allowAddressRanges);
    let url = new URL(fetchRequest.url);
    for (let hop = 0; ; hop++) {
      checkUrl(url, allowed);
      const response = await this.send(url, fetchRequest, limits, allowed, signal);
      const location = header(response.headers, 'location');
      if (REDIRECT_STATUSES.has(response.statusCode) && location) {
        discard(response.body);
        if (hop >= limits.maxRedirects) {
          throw new FetchRefusedError('too-many-redirects', `${fetchRequest.url}: more than ${limits.maxRedirects} redirects (last to ${location})`, response.statusCode);
        }
        url = new URL(location, url);
        continue;
      }
      const validators = { etag: header(response.headers, 'etag'), lastModified: header(response.headers, 'last-modified') };
      if (response.statusCode === 304) {
        discard(response.body);
        return { kind: 'not-modified', url: url.toString(), status: 304, validators };
      }
      if (response.statusCode < 200 || response.statusCode > 299) {
        discard(response.body);
        throw statusError(url, response.statusCode, header(response.headers, 'retry-after'));
      }
      const body = await readBody(response.body, header(response.headers, 'content-encoding'), limits.maxBytes, url, signal);
      return { kind: 'ok', url: url.toString(), status: response.statusCode, contentType: header(response.headers, 'content-type'), body, validators };
    }
  }

  private async send(url: URL, fetchRequest: FetchRequest, limits: FetchLimits, allowed: Set<string>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: fetchRequest.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (fetchRequest.validators?.etag) headers['if-none-match'] = fetchRequest.validators.etag;
    if (fetchRequest.validators?.lastModified) headers['if-modified-since'] = fetchRequest.validators.lastModified;
    const release = await this.gate.acquire(url.host);
    try {
      return await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.agentFor(allowed),
        signal,
        headersTimeout: limits.timeoutMs,
        bodyTimeout: limits.timeoutMs,
      });
    } catch (error) {
      throw networkError(url, error, signal);
    } finally {
      // The slot covers connection and headers; bodies are read outside it.
      release();
    }
  }

  private agentFor(allowed: Set<string>): Agent {
    const key = [...allowed].sort().join(',');
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({ connect: { lookup: guardedLookup(allowed) }, keepAliveTimeout: 4_000 });
      this.agents.set(key, agent);
    }
    return agent;
  }
}

function checkUrl(url: URL, allowed: ReadonlySet<string>): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefusedError('unsupported-scheme', `${url}: only http and https URLs are fetched`);
  }
  // An IP literal is connected to without a DNS lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const refusal = addressRefusal(host, allowed);
    if (refusal) throw new FetchRefusedError('forbidden-address', `${url}: ${refusal}`);
  }
}

function statusError(url: URL, status: number, retryAfter: string | null): Error {
  if (status === 429 || status === 503) return new FetchFailedError(`HTTP ${status} from ${url}`, status, parseRetryAfter(retryAfter));
  if (status >= 500 || status === 408) return new FetchFailedError(`HTTP ${status} from ${url}`, status);
  return new FetchRefusedError('http-status', `HTTP ${status} from ${url}`, status);
}

function networkError(url: URL, error: unknown, signal: AbortSignal): Error {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const code = (error as NodeJS.ErrnoException).code ?? cause?.code;
  if (code === FORBIDDEN_ADDRESS_CODE) return new FetchRefusedError('forbidden-address', `${url}: ${(cause ?? (error as Error)).message}`, null, { cause: error });
  if (signal.aborted) return new FetchFailedError(`${url}: timed out`, null, null, { cause: error });
  return new FetchFailedError(`${url}: ${(error as Error).message}${code ? ` (${code})` : ''}`, null, null, { cause: error });
}

/** Drops a body that will not be read (redirects, 304, errors), without an unhandled abort error. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Content codings, outermost last, as decoders applied in reverse order. */
function decodersFor(contentEncoding: string | null, url: URL): Readable[] {
  const codings = (contentEncoding ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding && coding !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
    if (coding === 'deflate') return zlib.createInflate();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new FetchRefusedError('undecodable-body', `${url}: unsupported content encoding "${coding}"`);
  });
}

/**
 * Reads the body, counting bytes both as received and as decoded, and cuts the transfer off as soon
 * as either passes the limit — a small gzip that inflates to gigabytes stops at `maxBytes`.
 */
async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number, url: URL, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = (what: string) => new FetchRefusedError('body-too-large', `${url}: body ${what} is larger than the ${maxBytes}-byte limit`);
  let decoders: Readable[];
  try {
    decoders = decodersFor(contentEncoding, url);
  } catch (error) {
    discard(body);
    throw error;
  }
  let received = 0;
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) body.destroy(tooLarge('as received'));
  });
  const decoded: Readable = decoders.length > 0 ? (pipeline([body, ...decoders] as unknown as [Readable, Readable], () => undefined) as unknown as Readable) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoded) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(decoders.length > 0 ? 'decoded' : 'as received');
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    discard(body);
    for (const decoder of decoders) decoder.destroy();
    if (error instanceof FetchRefusedError) throw error;
    const cause = error as NodeJS.ErrnoException;
    if (cause.code?.startsWith('Z_') || cause.code === 'ERR__ERROR_FORMAT_PADDING_1' || /incorrect header check|invalid|unexpected end/i.test(cause.message)) {
      if (!signal.aborted) throw new FetchRefusedError('undecodable-body', `${url}: body could not be decoded (${contentEncoding}): ${cause.message}`, null, { cause });
    }
    if (signal.aborted) throw new FetchFailedError(`${url}: timed out while reading the body`, null, null, { cause });
    throw new FetchFailedError(`${url}: body read failed: ${cause.message}`, null, null, { cause });
  }
  return Buffer.concat(chunks);
}
