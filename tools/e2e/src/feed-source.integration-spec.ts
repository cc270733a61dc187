import { articleIdFor } from '@wirestream/contracts';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT, waitForArticles } from '@wirestream/harness';
import { startTestPipeline, type TestPipeline } from './test-pipeline';

/** The fetcher's feed source, polling a feed served over HTTP on this machine. */
describe('an RSS feed URL source', () => {
  const feed = readFileSync(path.join(REPO_ROOT, 'samples', 'stories', '04-agency-feed.xml'));
  const requests: Array<{ ifNoneMatch: string | undefined; userAgent: string | undefined }> = [];
  let server: Server;
  let pipeline: TestPipeline;
  let feedUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ ifNoneMatch: request.headers['if-none-match'], userAgent: request.headers['user-agent'] });
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/world.xml`;
    pipeline = await startTestPipeline('feed', { FETCHER_FEED_URLS: `sample-agency=${feedUrl}`, FETCHER_FEED_POLL_MS: '1000', FETCHER_FEED_ALLOW_ADDRESS_RANGES: 'loopback' });
  });

  afterAll(async () => {
    await pipeline?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('stores every item of the feed, identified by source and guid', async () => {
    const ids = ['sample-agency-2026-05-11-0001', 'sample-agency-2026-05-12-0002'].map((guid) => articleIdFor({ sourceId: 'sample-agency', guid }));
    expect(await waitForArticles(pipeline.db, ids, new Date(0), 60_000)).toEqual([]);
    const rows: Array<{ headline: string; published_at: Date; canonical_url: string; byline_names: string[] }> = await pipeline.db.query(
      `SELECT headline, published_at, canonical_url, byline_names FROM articles WHERE article_id = ANY($1) ORDER BY published_at`,
      [ids],
    );
    expect(rows.map((row) => row.headline)).toEqual([
      'Chile and Argentina open joint lithium research centre',
      'Kenya launches first geothermal-powered data centre',
    ]);
    expect(rows[0].published_at.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(rows[1].byline_names).toEqual(['Daniel Otieno']);
  });

  it('polls again with the ETag it was given, naming itself', async () => {
    const deadline = Date.now() + 15_000;
    while (requests.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests[0]).toMatchObject({ ifNoneMatch: undefined, userAgent: expect.stringMatching(/^wirestream\//) });
    expect(requests[1].ifNoneMatch).toBe('"v1"');
    const [{ count }] = await pipeline.db.query(`SELECT count(*)::int AS count FROM articles WHERE source_id = 'sample-agency'`);
    expect(count).toBe(2);
  });
});
