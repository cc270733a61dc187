import { DEAD_LETTER_TOPICS, namespacedTopic, TOPICS, type DeadLetterV1, type RawDocumentV1 } from '@wirestream/contracts';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { REPO_ROOT } from '@wirestream/harness';
import { readTopic } from './test-pipeline';

/** `npm run cli -- fetch <url|path>`: the fetcher's code run once, onto news.raw.v1, remembering what it emitted. */

const CLI = path.join(REPO_ROOT, 'tools', 'cli', 'dist', 'main.js');
const namespace = `test-cli-fetch-${Date.now()}`;
const schema = namespace.replace(/-/g, '_');
const baseDatabaseUrl = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

const story = (place: string, text: string) =>
  `${place}, Jan 6 (Plainwire) - ${text} Officials said more details would follow later in the week, and residents were asked to check the notices at the town hall.`;

const feed = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Backfill Wire</title><link>${origin}/</link><description>Invented</description>
  <item><title>Tram line to Esker opens</title><link>${origin}/esker</link><guid>bf-1</guid><description>The first tram reached Esker on Tuesday.</description></item>
  <item><title>Flood wall finished in Morrow</title><link>${origin}/morrow</link><guid>bf-2</guid><description>Builders finished the Morrow flood wall a month early.</description></item>
</channel></rss>`;

const g2Package = `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2026-01-06T12:00:00Z</sent></header><itemSet>
  <newsItem guid="urn:cli:a" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Ice rink opens in Dalby</headline></contentMeta>
    <contentSet><inlineData contenttype="text/plain">DALBY, Jan 6 (G2 Wire) - The Dalby ice rink opened for the winter on Tuesday.</inlineData></contentSet></newsItem>
  <newsItem guid="urn:cli:b" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Ferry fares frozen</headline></contentMeta>
    <contentSet><inlineData contenttype="text/plain">SKARN, Jan 6 (G2 Wire) - Ferry fares to Skarn will not rise this year, the council said.</inlineData></contentSet></newsItem>
</itemSet></newsMessage>`;

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('npm run cli -- fetch', () => {
  let server: Server;
  let origin: string;
  let dir: string;
  let env: Record<string, string>;
  /** The Accept header of each request for the feed. */
  const feedAccepts: string[] = [];
  const kafka = new Kafka({ clientId: namespace, brokers: brokers.split(','), logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/feed.xml') feedAccepts.push(request.headers.accept ?? '');
      if (request.url === '/feed.xml') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'wirestream-cli-fetch-'));
    writeFileSync(path.join(dir, 'dalby.xml'), g2Package);
    writeFileSync(path.join(dir, 'kesto.txt'), story('KESTO', 'The Kesto council approved a new market hall after a long debate about its cost.'));
    const client = new Client({ connectionString: baseDatabaseUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    env = {
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_NAMESPACE: namespace,
      FETCHER_STATE_DATABASE_URL: `${baseDatabaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      LOG_LEVEL: 'warn',
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: baseDatabaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [...Object.values(TOPICS), ...Object.values(DEAD_LETTER_TOPICS)].map((topic) => namespacedTopic(topic, namespace)) }).catch(() => undefined);
    await admin.disconnect();
  });

  it('ingests a feed URL and a directory once onto news.raw.v1; a second run emits nothing; a forbidden address is refused', async () => {
    const first = await Promise.all([cli(['fetch', `${origin}/feed.xml`, '--allow', 'loopback', '--source', 'backfill', '--feed'], env), cli(['fetch', dir], env)]);
    expect(first.map((run) => [run.code, run.code === 0 ? '' : run.output])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const [feedAgain, dirAgain, refused] = await Promise.all([
      cli(['fetch', `${origin}/feed.xml`, '--allow', 'loopback', '--source', 'backfill', '--feed'], env),
      cli(['fetch', dir], env),
      cli(['fetch', 'http://169.254.169.254/latest/meta-data/'], env),
    ]);
    expect([feedAgain.code, dirAgain.code, refused.code]).toEqual([0, 0, 1]);
    expect(feedAgain.output).toContain('(source backfill): unchanged');
    // --feed: asked for as a feed, both times.
    expect(feedAccepts).toHaveLength(2);
    expect(feedAccepts.every((accept) => accept.startsWith('application/rss+xml'))).toBe(true);
    expect(dirAgain.output).toContain('0 document(s) emitted');
    expect(await cli(['fetch'], env)).toMatchObject({ code: 2 });

    const rawTopic = namespacedTopic(TOPICS.raw, namespace);
    const raw = (await readTopic(kafka, rawTopic, 5, 20_000)).map((message) => JSON.parse(message.value) as RawDocumentV1);
    // Nothing more on the topic than was read: the second runs emitted nothing.
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(rawTopic).finally(() => admin.disconnect());
    expect(offsets.reduce((sum, offset) => sum + Number(offset.high), 0)).toBe(5);
    expect(raw.map((document) => `${document.source.id}: ${document.feedItem?.title ?? document.body.slice(0, 5)}`).sort()).toEqual([
      'backfill: Flood wall finished in Morrow',
      'backfill: Tram line to Esker opens',
      'file-drop: Ferry fares frozen',
      'file-drop: Ice rink opens in Dalby',
      'file-drop: KESTO',
    ]);
    const [letter] = (await readTopic(kafka, namespacedTopic(DEAD_LETTER_TOPICS.fetcher, namespace), 1, 10_000)).map((message) => JSON.parse(message.value) as DeadLetterV1);
    expect(letter.errorMessage).toMatch(/169\.254\.169\.254 is a linkLocal address/);
    // Each run gave up the leases it took, so a running fetcher polls those sources at once.
    const state = new Client({ connectionString: baseDatabaseUrl });
    await state.connect();
    const leases = await state.query(`SELECT source_id, lease_owner FROM ${schema}.fetcher_source_state WHERE lease_owner IS NOT NULL`).finally(() => state.end());
    expect(leases.rows).toEqual([]);
  });
});
