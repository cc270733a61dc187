import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { FetchFailedError, FetchRefusedError } from './errors';
import { HttpClient, type FetchLimits } from './http-client';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A local test server on 127.0.0.1 whose routes the tests set. */
class TestServer {
  readonly routes = new Map<string, Handler>();
  readonly requests: IncomingMessage[] = [];
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests.push(request);
      const handler = this.routes.get(request.url ?? '');
      if (handler) handler(request, response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const server = new TestServer();
const sleeps: number[] = [];
const LOOPBACK: Partial<FetchLimits> = { allowAddressRanges: ['loopback'], maxBytes: 64 * 1024, timeoutMs: 5_000 };
let client: HttpClient;

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  sleeps.length = 0;
  // Sleeps are recorded, not waited: the tests check the delays asked for, never wall time.
  client = new HttpClient({ minIntervalPerHostMs: 0, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 });
});
afterEach(() => client.close());

describe('HttpClient', () => {
  it('sends a User-Agent naming wirestream and returns the body with its validators', async () => {
    server.routes.set('/feed', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 06 Jan 2025 09:00:00 GMT' }).end('<rss/>'));
    const result = await client.get({ url: `${server.base}/feed`, limits: LOOPBACK });
    expect(result).toMatchObject({ kind: 'ok', status: 200, contentType: 'application/rss+xml; charset=utf-8', validators: { etag: '"v1"', lastModified: 'Mon, 06 Jan 2025 09:00:00 GMT' } });
    expect(result.kind === 'ok' && result.body.toString()).toBe('<rss/>');
    expect(server.requests[0].headers['user-agent']).toMatch(/^wirestream\//);
  });

  it('makes a conditional GET and reports 304 as not modified', async () => {
    server.routes.set('/feed', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"' && request.headers['if-modified-since'] === 'Mon, 06 Jan 2025 09:00:00 GMT') response.writeHead(304).end();
      else response.writeHead(200).end('full');
    });
    const result = await client.get({ url: `${server.base}/feed`, validators: { etag: '"v1"', lastModified: 'Mon, 06 Jan 2025 09:00:00 GMT' }, limits: LOOPBACK });
    expect(result.kind).toBe('not-modified');
  });

  it('refuses loopback, private, link-local and metadata addresses unless the source allows them', async () => {
    server.routes.set('/feed', (_request, response) => response.end('x'));
    await expect(client.get({ url: `${server.base}/feed` })).rejects.toMatchObject({ reason: 'forbidden-address' });
    await expect(client.get({ url: `http://localhost:${new URL(server.base).port}/feed` })).rejects.toMatchObject({ reason: 'forbidden-address', message: expect.stringContaining('loopback') });
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://192.168.1.1/', 'http://[::1]/', 'http://[fd00:ec2::254]/', 'http://[::ffff:127.0.0.1]/']) {
      await expect(client.get({ url })).rejects.toBeInstanceOf(FetchRefusedError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses non-http schemes', async () => {
    await expect(client.get({ url: 'file:///etc/passwd', limits: LOOPBACK })).rejects.toMatchObject({ reason: 'unsupported-scheme' });
  });

  it('follows redirects up to the limit, re-checking each hop', async () => {
    server.routes.set('/a', (_request, response) => response.writeHead(301, { location: '/b' }).end());
    server.routes.set('/b', (_request, response) => response.writeHead(302, { location: `${server.base}/c` }).end());
    server.routes.set('/c', (_request, response) => response.end('here'));
    server.routes.set('/loop', (_request, response) => response.writeHead(302, { location: '/loop' }).end());
    server.routes.set('/to-metadata', (_request, response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/' }).end());
    const result = await client.get({ url: `${server.base}/a`, limits: LOOPBACK });
    expect(result).toMatchObject({ kind: 'ok', url: `${server.base}/c` });
    await expect(client.get({ url: `${server.base}/loop`, limits: { ...LOOPBACK, maxRedirects: 3 } })).rejects.toMatchObject({ reason: 'too-many-redirects' });
    expect(server.requests.filter((request) => request.url === '/loop')).toHaveLength(4);
    await expect(client.get({ url: `${server.base}/to-metadata`, limits: LOOPBACK })).rejects.toMatchObject({ reason: 'forbidden-address' });
  });

  it('cuts off a body over the limit while streaming it', async () => {
    let written = 0;
    server.routes.set('/endless', (_request, response) => {
      response.writeHead(200);
      const write = () => {
        while (written < 50 * 1024 * 1024 && response.write(Buffer.alloc(16 * 1024, 0x61))) written += 16 * 1024;
        if (written < 50 * 1024 * 1024) response.once('drain', write);
        else response.end();
      };
      write();
    });
    await expect(client.get({ url: `${server.base}/endless`, limits: LOOPBACK })).rejects.toMatchObject({ reason: 'body-too-large' });
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  // The fastest settings of each: brotli's default quality took seconds over the 200 MB bomb.
  it.each([
    ['gzip', (body: Buffer) => zlib.gzipSync(body, { level: 1 })],
    ['deflate', (body: Buffer) => zlib.deflateSync(body, { level: 1 })],
    ['br', (body: Buffer) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } })],
  ] as const)('decodes %s bodies and cuts off a decompression bomb after decoding', async (coding, compress) => {
    const small = compress(Buffer.from('<rss>ok</rss>'));
    const limits = { ...LOOPBACK, maxBytes: 1024 * 1024 };
    const bomb = compress(Buffer.alloc(200 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(limits.maxBytes);
    server.routes.set('/small', (_request, response) => response.writeHead(200, { 'content-encoding': coding }).end(small));
    server.routes.set('/bomb', (_request, response) => response.writeHead(200, { 'content-encoding': coding }).end(bomb));
    const result = await client.get({ url: `${server.base}/small`, limits: LOOPBACK });
    expect(result.kind === 'ok' && result.body.toString()).toBe('<rss>ok</rss>');
    expect(server.requests[0].headers['accept-encoding']).toBe('gzip, deflate, br');
    await expect(client.get({ url: `${server.base}/bomb`, limits })).rejects.toMatchObject({ reason: 'body-too-large', message: expect.stringContaining('decoded') });
  });

  it('refuses a body that does not decode as its declared encoding', async () => {
    server.routes.set('/bad', (_request, response) => response.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'));
    await expect(client.get({ url: `${server.base}/bad`, limits: LOOPBACK })).rejects.toMatchObject({ reason: 'undecodable-body' });
  });

  it('retries 5xx with exponential backoff and jitter, then gives up', async () => {
    server.routes.set('/flaky', (_request, response) => response.writeHead(502).end());
    await expect(client.get({ url: `${server.base}/flaky`, limits: { ...LOOPBACK, maxAttempts: 4, baseRetryDelayMs: 100, maxRetryDelayMs: 300 } })).rejects.toBeInstanceOf(FetchFailedError);
    expect(server.requests).toHaveLength(4);
    // random() = 0.5 of 100, 200, then 400 capped at 300.
    expect(sleeps).toEqual([50, 100, 150]);
  });

  it('waits out a short Retry-After on 429 and 503, and hands a long one back to the caller', async () => {
    let calls = 0;
    server.routes.set('/limited', (_request, response) => (++calls === 1 ? response.writeHead(429, { 'retry-after': '2' }).end() : response.end('ok')));
    expect((await client.get({ url: `${server.base}/limited`, limits: LOOPBACK })).kind).toBe('ok');
    expect(sleeps).toEqual([2000]);
    server.routes.set('/busy', (_request, response) => response.writeHead(503, { 'retry-after': '3600' }).end());
    const failure = await client.get({ url: `${server.base}/busy`, limits: LOOPBACK }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 503, retryAfterMs: 3_600_000 });
    expect(server.requests.filter((request) => request.url === '/busy')).toHaveLength(1);
  });

  it('does not retry a 404', async () => {
    await expect(client.get({ url: `${server.base}/missing`, limits: LOOPBACK })).rejects.toMatchObject({ reason: 'http-status', status: 404 });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a server that never answers, as a transient failure', async () => {
    server.routes.set('/hang', () => undefined);
    await expect(client.get({ url: `${server.base}/hang`, limits: { ...LOOPBACK, timeoutMs: 200, maxAttempts: 1 } })).rejects.toMatchObject({ name: 'FetchFailedError', message: expect.stringContaining('timed out') });
  });
});
