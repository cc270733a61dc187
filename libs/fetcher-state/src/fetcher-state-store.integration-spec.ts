import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createFetcherDataSource, FETCHER_MIGRATIONS_TABLE, FetcherStateStore, runFetcherMigrations } from './fetcher-state-store';

/** Each run gets its own schema in the project's test database, so it cannot disturb other suites. */
const SCHEMA = `fetcher_state_${process.pid}`;
const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';
const URL_IN_SCHEMA = `${BASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;

const hash = (char: string) => char.repeat(64);

describe('FetcherStateStore against Postgres', () => {
  let first: DataSource;
  let second: DataSource;

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    first = createFetcherDataSource(URL_IN_SCHEMA);
    await first.initialize();
    await first.runMigrations();
    second = createFetcherDataSource(URL_IN_SCHEMA);
    await second.initialize();
  });

  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.end();
  });

  it('keeps its migrations in its own migrations table', async () => {
    const rows: Array<{ name: string }> = await first.query(`SELECT name FROM ${FETCHER_MIGRATIONS_TABLE}`);
    expect(rows.map((row) => row.name)).toEqual(['FetcherState1764000000000']);
    expect(await second.showMigrations()).toBe(false);
  });

  it('migrates once when several instances start together on a fresh database', async () => {
    const raceSchema = `${SCHEMA}_race`;
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${raceSchema} CASCADE; CREATE SCHEMA ${raceSchema}`);
    const instances = [0, 1, 2, 3].map(() => createFetcherDataSource(`${BASE_URL}?options=${encodeURIComponent(`-c search_path=${raceSchema}`)}`, 2));
    try {
      await Promise.all(instances.map((instance) => instance.initialize()));
      await Promise.all(instances.map((instance) => runFetcherMigrations(instance)));
      const rows: Array<{ name: string }> = await instances[0].query(`SELECT name FROM ${FETCHER_MIGRATIONS_TABLE}`);
      expect(rows.map((row) => row.name)).toEqual(['FetcherState1764000000000']);
    } finally {
      await Promise.all(instances.map((instance) => instance.isInitialized && instance.destroy()));
      await admin.query(`DROP SCHEMA IF EXISTS ${raceSchema} CASCADE`);
      await admin.end();
    }
  });

  it('remembers emitted items across a restart, and lets changed content through again', async () => {
    const items = [
      { articleId: 'a'.repeat(32), contentHash: hash('1') },
      { articleId: 'b'.repeat(32), contentHash: hash('2') },
    ];
    const before = new FetcherStateStore(first);
    expect(await before.unemitted('wire', items)).toEqual(items);
    await before.markEmitted('wire', [items[0]]);

    // A "restarted" fetcher: a new connection pool and a new store.
    const after = new FetcherStateStore(second);
    expect(await after.unemitted('wire', items)).toEqual([items[1]]);
    expect(await after.unemitted('other-source', items)).toEqual(items);
    const corrected = { articleId: 'a'.repeat(32), contentHash: hash('3') };
    expect(await after.unemitted('wire', [corrected])).toEqual([corrected]);
  });

  it('marks one article once when a batch carries it twice (one wire item in two dropped files)', async () => {
    const store = new FetcherStateStore(first);
    const twice = [
      { articleId: 'c'.repeat(32), contentHash: hash('4') },
      { articleId: 'c'.repeat(32), contentHash: hash('5') },
    ];
    await store.markEmitted('drop', twice);
    expect(await store.unemitted('drop', [twice[1]])).toEqual([]);
  });

  it('stores cache validators and the next poll time', async () => {
    const store = new FetcherStateStore(first);
    expect(await store.validators('feed-x')).toBeNull();
    await store.saveValidators('feed-x', { url: 'https://x.example/rss', etag: '"v2"', lastModified: 'Mon, 06 Jan 2025 09:00:00 GMT' });
    expect(await new FetcherStateStore(second).validators('feed-x')).toEqual({ url: 'https://x.example/rss', etag: '"v2"', lastModified: 'Mon, 06 Jan 2025 09:00:00 GMT' });
    const later = new Date('2030-01-01T00:00:00Z');
    await store.recordPoll('feed-x', 'rate-limited', later);
    expect(await store.nextPollAt('feed-x')).toEqual(later);
  });

  it('gives a source to one instance at a time, and to another once the lease lapses or is released', async () => {
    const a = new FetcherStateStore(first);
    const b = new FetcherStateStore(second);
    const [aWins, bWins] = await Promise.all([a.tryLease('shared', 'instance-a', 60_000), b.tryLease('shared', 'instance-b', 60_000)]);
    expect([aWins, bWins].filter(Boolean)).toHaveLength(1);
    const holder = aWins ? 'instance-a' : 'instance-b';
    const other = aWins ? 'instance-b' : 'instance-a';
    expect(await a.tryLease('shared', holder, 60_000)).toBe(true); // renewal
    expect(await b.tryLease('shared', other, 60_000)).toBe(false);

    await a.releaseLeases(holder);
    expect(await b.tryLease('shared', other, 60_000)).toBe(true);

    // An expired lease (a crashed instance) is taken over.
    await first.query(`UPDATE fetcher_source_state SET lease_until = now() - interval '1 second' WHERE source_id = 'shared'`);
    expect(await a.tryLease('shared', holder, 60_000)).toBe(true);
  });

  it('releases only the named sources when given some', async () => {
    const store = new FetcherStateStore(first);
    for (const sourceId of ['drop-1', 'feed-1', 'feed-2']) expect(await store.tryLease(sourceId, 'instance-c', 60_000)).toBe(true);
    await store.releaseLeases('instance-c', ['feed-1', 'feed-2']);
    const rows: Array<{ source_id: string; lease_owner: string | null }> = await first.query(
      `SELECT source_id, lease_owner FROM fetcher_source_state WHERE source_id IN ('drop-1', 'feed-1', 'feed-2') ORDER BY source_id`,
    );
    expect(rows).toEqual([
      { source_id: 'drop-1', lease_owner: 'instance-c' },
      { source_id: 'feed-1', lease_owner: null },
      { source_id: 'feed-2', lease_owner: null },
    ]);
    await store.releaseLeases('instance-c');
    expect(await new FetcherStateStore(second).tryLease('drop-1', 'instance-d', 60_000)).toBe(true);
  });
});
