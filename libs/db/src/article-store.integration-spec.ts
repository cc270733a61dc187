import { articleIdFor, sha256Hex, type EnrichedArticleV1, type ExtractedEntity } from '@wirestream/contracts';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ArticleStore } from './article-store';
import { createDataSource } from './data-source';

/** Each run gets its own schema in the project's test database, so it cannot disturb other suites. */
const SCHEMA = `article_store_${process.pid}`;
const BASE_URL = process.env.WIRESTREAM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';

function enriched(guid: string, body: string, entities: ExtractedEntity[]): EnrichedArticleV1 {
  const articleId = articleIdFor({ sourceId: 'test', guid });
  return {
    schemaVersion: 1,
    articleId,
    extractorVersion: 'test-1',
    entities,
    article: {
      articleId,
      sourceId: 'test',
      documentUri: `https://example.org/${guid}`,
      canonicalUrl: null,
      fetchedAt: '2026-11-23T09:00:00.000Z',
      headline: `Headline ${guid}`,
      subheadline: null,
      dateline: { place: 'SEOUL', dateText: 'Jan 6', agency: 'Yonhap' },
      byline: null,
      publishedAt: '2026-01-06',
      publishedAtSource: 'dateline',
      publisher: null,
      originatingAgency: 'Yonhap',
      credits: [],
      section: null,
      language: 'en',
      body,
      captions: [],
      wordCount: body.split(/\s+/).length,
      contentHash: sha256Hex(body),
      normalizerVersion: 'test-1',
    },
  };
}

function person(name: string, surface: string, start: number): ExtractedEntity {
  return { key: `PERSON:${name.toLowerCase()}`, canonicalName: name, type: 'PERSON', aliases: surface === name ? [] : [surface], mentions: [{ start, end: start + surface.length, text: surface, role: null }] };
}

describe('ArticleStore against Postgres', () => {
  let dataSource: DataSource;
  let store: ArticleStore;

  beforeAll(async () => {
    const admin = new Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    dataSource = createDataSource(`${BASE_URL}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`);
    await dataSource.initialize();
    await dataSource.runMigrations();
    store = new ArticleStore(dataSource);
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await dataSource.destroy();
  });

  async function counts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM mentions)::int AS mentions`,
    );
    return row as { articles: number; entities: number; mentions: number };
  }

  const first = enriched('a', 'Antony Blinken met Park Jin.', [person('Antony Blinken', 'Antony Blinken', 0), person('Park Jin', 'Park Jin', 19)]);
  const second = enriched('b', 'Blinken left Seoul.', [person('Antony Blinken', 'Blinken', 0)]);

  it('stores articles once and an entity shared by two articles as one row', async () => {
    await store.saveBatch([{ message: first, traceId: 'a'.repeat(32) }, { message: second, traceId: null }]);
    expect(await counts()).toEqual({ articles: 2, entities: 2, mentions: 3 });
    const [blinken] = await dataSource.query(`SELECT aliases FROM entities WHERE key = 'PERSON:antony blinken'`);
    expect(blinken.aliases).toEqual(['Blinken']);
    const [row] = await dataSource.query(`SELECT trace_id, dateline_place, published_at FROM articles WHERE article_id = $1`, [first.articleId]);
    expect(row).toMatchObject({ trace_id: 'a'.repeat(32), dateline_place: 'SEOUL' });
    expect(new Date(row.published_at).toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });

  it('adds nothing when the same batch is delivered again', async () => {
    const before = await counts();
    await store.saveBatch([{ message: first, traceId: null }, { message: second, traceId: null }]);
    expect(await counts()).toEqual(before);
  });

  it("replaces an article's mentions when it is processed again with other entities", async () => {
    const revised = { ...first, entities: [person('Park Jin', 'Park Jin', 19)] };
    await store.saveBatch([{ message: revised, traceId: null }]);
    const mentions = await dataSource.query(`SELECT surface FROM mentions WHERE article_id = $1`, [first.articleId]);
    expect(mentions).toEqual([{ surface: 'Park Jin' }]);
  });
});
