import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEAD_LETTER_TOPICS, namespacedTopic, TOPICS, type DeadLetterV1, type RawDocumentV1 } from '@wirestream/contracts';
import { createFetcherDataSource } from '@wirestream/fetcher-state';
import { Kafka } from '@wirestream/kafka';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import * as fx from './fixtures/wire-fixtures';
import type { UrlSourcePoller as UrlSourcePollerType } from './url-source.poller';

/**
 * The fetcher service in this process, against the real broker and Postgres, polling a local HTTP
 * server that serves one fixture per source kind and each hostile case. It is stopped and started
 * again (a second instance name) to show that its state in Postgres keeps every item to one emission.
 */

const HOSTILE_LIMIT_BYTES = 256 * 1024;
const RETRY_AFTER_S = 3;
const namespace = `it-fetcher-${process.pid}-${Date.now()}`;
const schema = namespace.replace(/-/g, '_');
const baseDatabaseUrl = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const stateDatabaseUrl = `${baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
const rawTopic = namespacedTopic(TOPICS.raw, namespace);
const dlqTopic = namespacedTopic(DEAD_LETTER_TOPICS.fetcher, namespace);

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

interface Seen {
  raw: RawDocumentV1[];
  letters: DeadLetterV1[];
}

describe('the fetcher service, polling a local server and a drop directory', () => {
  const requests: Array<{ path: string; host?: string; at: number; ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string }> = [];
  const seen: Seen = { raw: [], letters: [] };
  const routes = new Map<string, Handler>();
  let rdfHasThirdItem = false;
  let limitedCalls = 0;
  let server: Server;
  let origin: string;
  let dropDir: string;
  let workDir: string;
  let admin: DataSource;
  let state: DataSource;
  let kafka: Kafka;
  let consumer: ReturnType<Kafka['consumer']>;
  let app: INestApplicationContext | null = null;
  let UrlSourcePoller: typeof UrlSourcePollerType;
  const sourceIds: string[] = [];

  const serve = (route: string, contentType: string, body: () => string | Buffer, headers: Record<string, string> = {}) =>
    routes.set(route, (_request, response) => response.writeHead(200, { 'content-type': contentType, ...headers }).end(body()));

  async function startFetcher(instanceId: string): Promise<INestApplicationContext> {
    process.env.FETCHER_INSTANCE_ID = instanceId;
    // Loaded after the environment is set: the module reads its configuration when it is required.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FetcherModule } = require('./fetcher.module') as typeof import('./fetcher.module');
    return NestFactory.createApplicationContext(FetcherModule, { logger: false });
  }

  const poller = () => app!.get(UrlSourcePoller);
  const fromSource = (id: string) => seen.raw.filter((document) => document.source.id === id);
  const titlesOf = (id: string) => fromSource(id).map((document) => document.feedItem?.title ?? null).sort();
  const lettersOf = (id: string) => seen.letters.filter((letter) => letter.headers['ws-source-id'] === id);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push({
        path: url.pathname,
        host: request.headers.host,
        at: Date.now(),
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
        userAgent: request.headers['user-agent'],
      });
      response.on('error', () => undefined);
      const handler = routes.get(url.pathname);
      if (handler) handler(request, response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // Conditional GET: an ETag, and a Last-Modified, each answered with 304 when sent back.
    routes.set('/rss.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"rss-v1"') return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-v1"' }).end(fx.rss2(origin));
    });
    const atomModified = 'Mon, 05 Jan 2026 11:00:00 GMT';
    routes.set('/atom.xml', (request, response) => {
      if (request.headers['if-modified-since'] === atomModified) return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': atomModified }).end(fx.atom(origin));
    });
    // No validators: every poll gets the whole feed, so only the stored emitted items prevent repeats.
    serve('/rdf.xml', 'application/rdf+xml', () => fx.rdf(origin, rdfHasThirdItem));
    serve('/follow.xml', 'application/rss+xml', () => fx.linkingFeed(origin));
    serve('/articles/lighthouse.html', 'text/html; charset=utf-8', () => fx.articlePage('Lighthouse keeper retires', 'Jon Haller kept the Skarn light for forty years.'));
    serve('/articles/seals.html', 'text/html; charset=utf-8', () => fx.articlePage('Seals on Tern Island', 'Counters found three hundred seals on Tern Island.'));
    serve('/nitf.xml', 'application/nitf+xml', () => fx.nitf);
    serve('/g2-item.xml', 'application/vnd.iptc.g2.newsitem+xml', () => fx.newsmlItem);
    serve('/g2-package.xml', 'application/vnd.iptc.g2.newsmessage+xml', () => fx.newsmlPackage);
    serve('/wire-single.txt', 'text/plain', () => fx.wireSingle);
    serve('/wire-multi.txt', 'text/plain', () => fx.wireMulti);
    // Charsets: named by the HTTP header only, by a <meta> only, or by neither (sniffed).
    serve('/ko-header.html', 'text/html; charset=EUC-KR', () => iconv.encode(fx.pageIn(fx.koreanText, null), 'euc-kr'));
    serve('/ko-meta.html', 'text/html', () => iconv.encode(fx.pageIn(fx.koreanText, 'euc-kr'), 'euc-kr'));
    serve('/ar-header.html', 'text/html; charset=windows-1256', () => iconv.encode(fx.pageIn(fx.arabicText, null), 'windows-1256'));
    serve('/ar-meta.html', 'text/html', () => iconv.encode(fx.pageIn(fx.arabicText, 'windows-1256'), 'windows-1256'));
    serve('/ko-sniff.html', 'text/html', () => iconv.encode(fx.pageIn(fx.koreanText, null), 'euc-kr'));
    serve('/ar-sniff.html', 'text/html', () => iconv.encode(fx.pageIn(fx.arabicText, null), 'windows-1256'));
    // 429 with Retry-After on the first request, the feed afterwards.
    routes.set('/limited.xml', (_request, response) => {
      if (limitedCalls++ === 0) return void response.writeHead(429, { 'retry-after': String(RETRY_AFTER_S) }).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fx.rss2(`${origin}/limited`).replace(/hw-000/g, 'lim-'));
    });
    // Hostile: a body past the limit (no Content-Length, so only counting while streaming stops it),
    // a small gzip that inflates far past it, XML with an external entity, an entity-expansion bomb,
    // malformed XML, a redirect loop, and a server that never answers.
    routes.set('/huge.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 64; i++) response.write(Buffer.alloc(32 * 1024, 0x20));
      response.end('<rss/>');
    });
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(HOSTILE_LIMIT_BYTES);
    serve('/bomb.xml', 'application/rss+xml', () => bomb, { 'content-encoding': 'gzip' });
    serve('/xxe.xml', 'application/rss+xml', () => fx.externalEntityFeed);
    serve('/laughs.xml', 'application/rss+xml', () => fx.entityBombFeed);
    serve('/malformed.xml', 'application/rss+xml', () => fx.malformedFeed);
    routes.set('/loop', (request, response) => {
      const hop = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('hop') ?? 0);
      response.writeHead(302, { location: `/loop?hop=${hop + 1}` }).end();
    });
    routes.set('/silent.xml', () => undefined);

    workDir = mkdtempSync(path.join(tmpdir(), 'wirestream-fetcher-it-'));
    dropDir = path.join(workDir, 'drop');
    const loopback = { allowAddressRanges: ['loopback'] };
    const hostileLimits = { maxBytes: HOSTILE_LIMIT_BYTES, maxRedirects: 3, maxAttempts: 1, timeoutMs: 1500 };
    const sources = [
      { id: 'rss', kind: 'feed', url: `${origin}/rss.xml`, ...loopback },
      { id: 'atom', kind: 'feed', url: `${origin}/atom.xml`, ...loopback },
      { id: 'rdf', kind: 'feed', url: `${origin}/rdf.xml`, ...loopback },
      { id: 'follow', kind: 'feed', url: `${origin}/follow.xml`, followArticlePages: true, ...loopback },
      { id: 'nitf', kind: 'document', url: `${origin}/nitf.xml`, ...loopback },
      { id: 'g2-item', kind: 'document', url: `${origin}/g2-item.xml`, ...loopback },
      { id: 'g2-package', kind: 'document', url: `${origin}/g2-package.xml`, ...loopback },
      { id: 'wire-single', kind: 'document', url: `${origin}/wire-single.txt`, ...loopback },
      { id: 'wire-multi', kind: 'document', url: `${origin}/wire-multi.txt`, ...loopback },
      { id: 'ko-header', kind: 'document', url: `${origin}/ko-header.html`, ...loopback },
      { id: 'ko-meta', kind: 'document', url: `${origin}/ko-meta.html`, ...loopback },
      { id: 'ar-header', kind: 'document', url: `${origin}/ar-header.html`, ...loopback },
      { id: 'ar-meta', kind: 'document', url: `${origin}/ar-meta.html`, ...loopback },
      { id: 'ko-sniff', kind: 'document', url: `${origin}/ko-sniff.html`, ...loopback },
      { id: 'ar-sniff', kind: 'document', url: `${origin}/ar-sniff.html`, ...loopback },
      { id: 'limited', kind: 'feed', url: `${origin}/limited.xml`, limits: { maxAttempts: 1, maxRetryAfterMs: 0 }, ...loopback },
      { id: 'huge', kind: 'feed', url: `${origin}/huge.xml`, limits: hostileLimits, ...loopback },
      { id: 'bomb', kind: 'feed', url: `${origin}/bomb.xml`, limits: hostileLimits, ...loopback },
      { id: 'xxe', kind: 'feed', url: `${origin}/xxe.xml`, limits: hostileLimits, ...loopback },
      { id: 'laughs', kind: 'feed', url: `${origin}/laughs.xml`, limits: hostileLimits, ...loopback },
      { id: 'malformed', kind: 'feed', url: `${origin}/malformed.xml`, limits: hostileLimits, ...loopback },
      { id: 'loop', kind: 'feed', url: `${origin}/loop`, limits: hostileLimits, ...loopback },
      { id: 'silent', kind: 'feed', url: `${origin}/silent.xml`, limits: { ...hostileLimits, timeoutMs: 500 }, ...loopback },
      // Not allowed anything but public addresses: a private literal, the metadata service, and a
      // name that resolves to loopback (checked on the resolved address).
      { id: 'private', kind: 'feed', url: 'http://10.20.30.40/feed.xml', limits: hostileLimits },
      { id: 'metadata', kind: 'document', url: 'http://169.254.169.254/latest/meta-data/', limits: hostileLimits },
      { id: 'by-name', kind: 'feed', url: `http://localhost:${(server.address() as AddressInfo).port}/rss.xml`, limits: hostileLimits },
      { id: 'desk-drop', kind: 'file-drop', path: dropDir, pollIntervalMs: 150 },
    ].map((source) => (source.kind === 'file-drop' ? source : { pollIntervalMs: 1000, ...source }));
    sourceIds.push(...sources.filter((source) => source.kind !== 'file-drop').map((source) => source.id));
    const sourcesFile = path.join(workDir, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ sources }, null, 2));

    mkdirSync(dropDir);
    writeFileSync(path.join(dropDir, 'pella.txt'), fx.droppedWire);
    writeFileSync(path.join(dropDir, 'brenn.xml'), fx.nitf.replace('NW-2026-0042', 'NW-DROP-1'));
    writeFileSync(path.join(dropDir, 'bomb.xml'), fx.droppedEntityBomb);

    admin = createFetcherDataSource(baseDatabaseUrl, 1);
    await admin.initialize();
    await admin.query(`CREATE SCHEMA ${schema}`);
    state = createFetcherDataSource(stateDatabaseUrl, 1);
    await state.initialize();

    Object.assign(process.env, {
      KAFKA_TOPIC_NAMESPACE: namespace,
      KAFKA_CONSUMER_GROUP_PREFIX: namespace,
      FETCHER_SOURCES_FILE: sourcesFile,
      FETCHER_DROP_DIR: '',
      FETCHER_FEED_URLS: '',
      FETCHER_STATE_DATABASE_URL: stateDatabaseUrl,
      FETCHER_HTTP_MAX_PER_HOST: '32',
      FETCHER_HTTP_MIN_INTERVAL_PER_HOST_MS: '0',
      FETCHER_LEASE_TTL_MS: '60000',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ UrlSourcePoller } = require('./url-source.poller') as typeof import('./url-source.poller'));
    app = await startFetcher('instance-a');

    kafka = new Kafka({ clientId: namespace, brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: 0 });
    consumer = kafka.consumer({ groupId: `${namespace}-reader` });
    await consumer.connect();
    await consumer.subscribe({ topics: [rawTopic, dlqTopic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = JSON.parse(message.value!.toString());
        if (topic === rawTopic) seen.raw.push(value);
        else seen.letters.push(value);
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await consumer?.disconnect();
    if (kafka) {
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      await kafkaAdmin.deleteTopics({ topics: [TOPICS.raw, TOPICS.normalized, TOPICS.enriched, ...Object.values(DEAD_LETTER_TOPICS)].map((topic) => namespacedTopic(topic, namespace)) }).catch(() => undefined);
      await kafkaAdmin.disconnect();
    }
    await state?.destroy();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.destroy();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Waits until the consumer has read every message on both topics, so counts are final. */
  async function caughtUp(): Promise<void> {
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      await waitFor('the reader to catch up', async () => {
        const [raw, dlq] = await Promise.all([rawTopic, dlqTopic].map((topic) => kafkaAdmin.fetchTopicOffsets(topic)));
        const sum = (offsets: Array<{ high: string }>) => offsets.reduce((total, offset) => total + Number(offset.high), 0);
        return sum(raw) === seen.raw.length && sum(dlq) === seen.letters.length;
      });
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  const expectedPerSource: Record<string, number> = {
    rss: 2, atom: 2, rdf: 2, follow: 2, nitf: 1, 'g2-item': 1, 'g2-package': 2, 'wire-single': 1, 'wire-multi': 3,
    'ko-header': 1, 'ko-meta': 1, 'ko-sniff': 1, 'ar-header': 1, 'ar-meta': 1, 'ar-sniff': 1, limited: 2, 'desk-drop': 2,
  };
  const refusals: Record<string, RegExp> = {
    huge: /body as received is larger than the 262144-byte limit/,
    bomb: /body decoded is larger than the 262144-byte limit/,
    xxe: /DTD\/entity declarations are not allowed/,
    laughs: /DTD\/entity declarations are not allowed/,
    malformed: /malformed XML/,
    loop: /more than 3 redirects/,
    private: /10\.20\.30\.40 is a private address/,
    metadata: /169\.254\.169\.254 is a linkLocal address/,
    'by-name': /localhost resolves to .* is a loopback address/,
    'desk-drop': /DTD\/entity declarations are not allowed/,
  };

  it('emits every item of every source kind, while each hostile source is refused with its reason', async () => {
    await waitFor('every well-formed item', async () => Object.entries(expectedPerSource).every(([id, count]) => fromSource(id).length >= count), 30_000);
    await waitFor('every refusal', async () => Object.keys(refusals).every((id) => lettersOf(id).length > 0), 15_000);
    await waitFor('the silent server to time out', async () => poller().outcomeOf('silent') === 'failed', 15_000);

    // Messages are keyed by article id over several partitions: read in no particular order.
    expect(titlesOf('rss')).toEqual(['Dock workers agree new shift pattern', 'Ferry service to Lindholm resumes after storm']);
    expect(titlesOf('atom')).toEqual(['New bridge over the Sella opens to cyclists', 'Orchard growers report record apple harvest']);
    expect(titlesOf('rdf')).toEqual(['Late rain saves the wheat crop', 'Night train to Corvel returns']);
    // Article pages replace the items, the feed's fields kept.
    const pages = [...fromSource('follow')].sort((a, b) => a.documentUri.localeCompare(b.documentUri));
    expect(pages.map((document) => [document.format, document.feedItem?.title, document.documentUri])).toEqual([
      ['html', 'Lighthouse keeper retires after forty years', `${origin}/articles/lighthouse.html`],
      ['html', 'Seal colony grows on Tern Island', `${origin}/articles/seals.html`],
    ]);
    expect(pages[0].body).toContain('Jon Haller kept the Skarn light for forty years.');
    expect(fromSource('nitf')[0]).toMatchObject({ format: 'feed-item', feedItem: { guid: 'NW-2026-0042', title: 'Glassworks in Brenn to hire two hundred' } });
    expect(fromSource('g2-item')[0].feedItem).toMatchObject({ guid: 'urn:newsml:example:item-9', title: 'Mountain pass closed by snow' });
    expect(titlesOf('g2-package')).toEqual(['Choir wins contest', 'Museum returns painting']);
    expect(fromSource('wire-single')[0]).toMatchObject({ format: 'wire-text', body: expect.stringContaining('KESTO, Jan 5 (Plainwire)') });
    expect(fromSource('wire-multi').map((document) => document.body.slice(0, 5)).sort()).toEqual(['LUND ', 'MERAN', 'OSTRA']);
    expect(fromSource('desk-drop').map((document) => document.format).sort()).toEqual(['feed-item', 'wire-text']);

    for (const [id, reason] of Object.entries(refusals)) {
      expect([id, lettersOf(id)[0].errorMessage]).toEqual([id, expect.stringMatching(reason)]);
    }
    expect(lettersOf('desk-drop')[0].headers['ws-location']).toBe(path.join(dropDir, 'bomb.xml'));
    // Refused at connect time: nothing reached the server through "localhost".
    expect(requests.filter((request) => request.host?.startsWith('localhost'))).toEqual([]);
    const [{ last_outcome: silentOutcome }] = await state.query(`SELECT last_outcome FROM fetcher_source_state WHERE source_id = 'silent'`);
    expect(silentOutcome).toBe('failed');
  });

  it('decodes EUC-KR and windows-1256 pages by the HTTP header, by <meta> or by sniffing, and records the charset', () => {
    for (const id of ['ko-header', 'ko-meta', 'ko-sniff']) {
      const [page] = fromSource(id);
      expect([id, page.charset, page.body.includes(fx.koreanText)]).toEqual([id, 'euc-kr', true]);
    }
    for (const id of ['ar-header', 'ar-meta', 'ar-sniff']) {
      const [page] = fromSource(id);
      expect([id, page.charset, page.body.includes(fx.arabicText)]).toEqual([id, 'windows-1256', true]);
    }
  });

  it('honours a 304: the validators it was given are sent back and nothing is emitted again', async () => {
    await waitFor('a conditional poll of each', async () =>
      requests.some((request) => request.path === '/rss.xml' && request.ifNoneMatch === '"rss-v1"') &&
      requests.some((request) => request.path === '/atom.xml' && request.ifModifiedSince === 'Mon, 05 Jan 2026 11:00:00 GMT'),
    );
    await waitFor('the 304s to be recorded', async () => poller().outcomeOf('rss') === 'not_modified' && poller().outcomeOf('atom') === 'not_modified');
    expect(requests.find((request) => request.path === '/rss.xml')?.userAgent).toMatch(/^wirestream\//);
    await caughtUp();
    expect(fromSource('rss')).toHaveLength(2);
    expect(fromSource('atom')).toHaveLength(2);
  });

  it('waits out a 429 Retry-After before polling that source again', () => {
    const polls = requests.filter((request) => request.path === '/limited.xml').map((request) => request.at);
    expect(polls.length).toBeGreaterThanOrEqual(2);
    // Polled every second otherwise; the server asked for three.
    expect(polls[1] - polls[0]).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    expect(polls[1] - polls[0]).toBeLessThan(RETRY_AFTER_S * 1000 + 2500);
    expect(fromSource('limited')).toHaveLength(2);
  });

  it('dead-letters a source that stays refused once, however often it is polled, and polls it less and less often', async () => {
    const polls = () => requests.filter((request) => request.path === '/xxe.xml').map((request) => request.at);
    // Its interval is a second; refused poll after poll, it is fetched at 0, 1, 3 and 7 seconds.
    await waitFor('four polls of the refused feed', async () => polls().length >= 4, 15_000);
    await caughtUp();
    // Between polls its ticks are postponed.
    expect(['refused', 'postponed']).toContain(poller().outcomeOf('xxe'));
    expect(lettersOf('xxe')).toHaveLength(1);
    const [first, second, third, fourth] = polls();
    expect(second - first).toBeLessThan(1_900);
    expect(third - second).toBeGreaterThanOrEqual(1_900);
    expect(fourth - third).toBeGreaterThanOrEqual(3_900);
  });

  it('emits each item exactly once across a restart, and what is new since', async () => {
    await app!.close();
    app = null;
    rdfHasThirdItem = true;
    writeFileSync(path.join(dropDir, 'quarn.txt'), fx.droppedWireAfterRestart);
    const restartedAt = Date.now();
    app = await startFetcher('instance-b');

    await waitFor('the new feed item and the new file', async () => fromSource('rdf').length >= 3 && fromSource('desk-drop').length >= 3, 20_000);
    // Every URL source polled to the end by the new instance; the drop directory scanned after the new file.
    await waitFor('a full poll of every source by the new instance', async () => sourceIds.every((id) => poller().outcomeOf(id) !== null), 20_000);
    expect(requests.filter((request) => request.path === '/rdf.xml' && request.at > restartedAt).length).toBeGreaterThan(0);
    await caughtUp();

    expect(titlesOf('rdf')).toEqual(['Late rain saves the wheat crop', 'Night train to Corvel returns', 'Village school reopens after repairs']);
    expect(fromSource('desk-drop').filter((document) => document.body.includes('QUARN, Jan 5'))).toHaveLength(1);
    const counts = new Map<string, number>();
    for (const document of seen.raw) counts.set(document.articleId, (counts.get(document.articleId) ?? 0) + 1);
    expect([...counts.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    const perSource = Object.fromEntries(Object.keys(expectedPerSource).map((id) => [id, fromSource(id).length]));
    expect(perSource).toEqual({ ...expectedPerSource, rdf: 3, 'desk-drop': 3 });
    expect(seen.raw.length).toBe(Object.values(expectedPerSource).reduce((sum, count) => sum + count, 0) + 2);
    // The hostile sources are refused again by the new instance (fetched, and postponed between
    // refusals), the others unaffected.
    expect(requests.filter((request) => request.path === '/xxe.xml' && request.at > restartedAt).length).toBeGreaterThan(0);
    expect(['refused', 'postponed']).toContain(poller().outcomeOf('xxe'));
    const leases: Array<{ lease_owner: string }> = await state.query(`SELECT DISTINCT lease_owner FROM fetcher_source_state WHERE lease_owner IS NOT NULL`);
    expect(leases.map((row) => row.lease_owner)).toEqual(['instance-b']);
  });
});

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
